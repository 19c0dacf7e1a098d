/** Shapes shared by parsing, chunking, indexing and answering. Data only. */

export type ParagraphRole = 'metadata' | 'title' | 'addressee' | 'heading' | 'body' | 'signature';

export interface Paragraph {
  /** 1-based ordinal of the paragraph among the non-blank blocks of the source file. */
  n: number;
  /** Character offsets into the report's source text (UTF-16 code units). */
  start: number;
  end: number;
  role: ParagraphRole;
  /** The page of the original it starts on (reports converted from PDF). */
  page?: number | undefined;
  /** Section path from the outermost part to the innermost item, e.g. ["1 Main Measures…", "(3) …", "Sixth, …"]. */
  section: string[];
}

export interface ReportMeta {
  title: string;
  issuer?: string | undefined;
  date?: string | undefined;
  documentNumber?: string | undefined;
  indexNumber?: string | undefined;
  classification?: string | undefined;
  addressee?: string | undefined;
  published?: string | undefined;
  signature?: string | undefined;
  signedDate?: string | undefined;
  /**
   * The first line under the title on its cover ("Canadian Digital Service │ Annual Report (Fiscal Year 2023-2024)"):
   * its years are the report's when the title names none.
   */
  subtitle?: string | undefined;
  /** The issuer's postal address on the cover ("1725 Woodward Drive", "Ottawa, ON K2C 0P9"): its first line. */
  address?: string | undefined;
  /**
   * A short name for citations ("Zuoyun County 2023 Rule of Law Report"), from the sidecar; else the title is clipped.
   */
  shortTitle?: string | undefined;
  /** Where the report is published (its official page), from the sidecar: an "Original" button links to it. */
  url?: string | undefined;
  /** Example questions this report answers, from its optional sidecar <file>.meta.json, in English and Chinese. */
  examples?: string[] | undefined;
  examplesZh?: string[] | undefined;
}

export interface ParsedReport {
  /** Stable id derived from the file name, e.g. "zuoyun-2023-rule-of-law-report". */
  id: string;
  meta: ReportMeta;
  /** The full source text; every offset refers to it. */
  text: string;
  paragraphs: Paragraph[];
  /**
   * The abbreviations it defines or implies as index terms (search/acronym-terms.ts: a short term and its long form's
   * terms), when they were stored with it at ingest; otherwise found from the text when needed.
   */
  readonly acronyms?: { short: string; long: string[] }[] | undefined;
}

/**
 * A run of whole sentences of one paragraph: offsets into the report text. Its section path
 * and role are its paragraph's (report.paragraphs[paragraph - 1]); kept out of the chunk so
 * 100,000 chunks stay small in memory and on disk.
 */
export interface Chunk {
  reportId: string;
  paragraph: number;
  start: number;
  end: number;
}
