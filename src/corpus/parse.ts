/**
 * Recovers a report's own structure from its text: header metadata, numbered parts,
 * subsections, enumerated items, addressee and closing signature. Pure.
 *
 * Accepted layouts (see README "Adding reports"):
 * - plain text, one paragraph per line, parts like "1、 Title", subsections "(1) Title",
 *   items opening with "First," / "The second is …";
 * - Markdown, paragraphs separated by blank lines, "#"-headings giving the section path.
 * A text with none of this still parses: every block becomes a body paragraph.
 */
import { isLeadIn, isTableRow, listItemIndent } from './lists.js';
import { splitSentences } from './sentences.js';
import type { Paragraph, ParagraphRole, ParsedReport, ReportMeta } from './types.js';

export type TextField = Exclude<keyof ReportMeta, 'examples' | 'examplesZh' | 'shortTitle' | 'url'>;
const META_KEYS: Record<string, TextField> = {
  'index number': 'indexNumber',
  'information classification': 'classification',
  'issued by': 'issuer',
  issuer: 'issuer',
  'date of issue': 'date',
  date: 'date',
  'document no.': 'documentNumber',
  'document no': 'documentNumber',
  'document number': 'documentNumber',
  published: 'published',
  title: 'title',
};

/**
 * Section labels of the lines that describe the report itself. They are cited as the
 * section path and count as the line's own words when answering, so "When was the report
 * issued?" finds "Date of issue: …" and "Who signed it?" the signature.
 */
const FIELD_LABELS: Record<TextField, string> = {
  indexNumber: 'Index number',
  classification: 'Information classification',
  issuer: 'Issued by (issuer)',
  date: 'Date of issue',
  documentNumber: 'Document number',
  published: 'Date published',
  title: 'Title',
  addressee: 'Addressed to',
  signature: 'Signed by',
  signedDate: 'Date signed',
  // A title block's other lines (not a field a question asks for by name).
  subtitle: 'Subtitle',
  address: 'Address',
};
const REPORT_HEADER = 'Report header';
const SUBTITLE = FIELD_LABELS.subtitle;

/** The header or signature field a paragraph states ("Published: …" → published), from its section label. */
export function fieldOf(p: Paragraph): TextField | undefined {
  if (p.role === 'body' || p.role === 'heading') return undefined;
  const label = p.section.at(-1);
  return (Object.keys(FIELD_LABELS) as TextField[]).find((field) => FIELD_LABELS[field] === label);
}

// "1、 Title", "2. Title", "三、Title": not "18.25 million …" or "1.1.1 Non-text Content" (a decimal or a dotted number
// goes on).
const PART = /^(?:(\d{1,2})\s*(?:、|[．.](?!\d))|([一二三四五六七八九十]{1,3})、)\s*(\S.*)$/u;
/**
 * A heading states a topic; a line ending like a sentence or a list's lead-in ("20. The HKSAR will … .", "… as
 * follows:") is a numbered paragraph.
 */
const SENTENCE_END = /[.。!?！？:：;；]["'”’)）]*$/u;
const SUBSECTION = /^[(（](\d{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*(\S.*)$/u;
export const ORDINALS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth';
const ITEM = new RegExp(
  `^(?:(${ORDINALS})(?:ly)?\\s*[,，:：]|the (${ORDINALS}) is\\b|第([一二三四五六七八九十]+)[，,、])`,
  'i',
);
const CLOSING =
  /^(respectfully submitted|respectfully|sincerely( yours)?|yours (faithfully|sincerely|truly)|(with )?(best|kind|warm) regards)\b/i;
/**
 * An unnumbered label line in plain text: a few words, capitalised, no figure, not ending like a sentence or a list
 * item ("Research and Data Analysis", "Health and Benefits mobile app"; not "4.8-star rating", "apply for benefits,").
 */
const LABEL = /^(?=\p{Lu})(?!.*\d)(?!.*[.。!?！？:：;；,，…"'”’)）]$)\S+(?: \S+){0,7}$/u;
const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
/** A Markdown footnote, `[^1]: text`: quotable, cited as "Footnote 1" under the section it belongs to. */
const MD_FOOTNOTE = /^\[\^([^\]\s]{1,12})\]:\s+/;
/**
 * A postal address: a street number and a street ("1725 Woodward Drive", "1800 F Street NW"), or a town with its
 * province or state and postal code ("Ottawa, ON K2C 0P9", "Washington, DC 20405"); a cover line that is one of them
 * (POSTAL_ADDRESS) is the issuer's address.
 */
const STREET = String.raw`\d{1,6}[A-Za-z]?\s+(?:[\p{L}.'’-]+\s+){0,4}(?:Drive|Dr|Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Way|Place|Court|Square|Parkway|Highway|Crescent|Terrace|Plaza)\b\.?(?:\s+(?:NW|NE|SW|SE|N|S|E|W)\b)?`;
const TOWN = String.raw`\p{Lu}[\p{L} .'’-]*,\s*[A-Z]{2}\s+(?:[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{5}(?:-\d{4})?)`;
const POSTAL_ADDRESS = new RegExp(String.raw`^(?:${STREET}(?:\s*,.*)?|${TOWN})$`, 'u');
const STATES_ADDRESS = new RegExp(`${STREET}|${TOWN}`, 'u');

/** Whether a text gives a postal address ("… at 1800 F Street NW", "Ottawa, ON K2C 0P9"). Pure. */
export function statesAddress(text: string): boolean {
  return STATES_ADDRESS.test(text);
}

const DATE_LINE = /^(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)$/;

interface Block {
  start: number;
  end: number;
  text: string;
}

/** A Markdown bullet item's line ("* …", "- …", "+ …"). */
const MD_BULLET = /^[-*+]\s+\S/;
/** A Markdown numbered item's line ("1. …", "2) …"). */
const MD_NUMBERED = /^(\d{1,9})[.)]\s+\S/;

/**
 * Splits the source into non-blank blocks: one per line for text; for Markdown, blank-line separated, each heading, each
 * footnote (`[^2]: …`, often one line after another) and each list item its own block (as a converted page's items are:
 * lists.ts reads them with their lead-in). A numbered line starts an item only as a list's first ("1.") or next item,
 * never inside prose ("… in\n2015. The next …").
 */
function splitBlocks(text: string, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let end = -1;
  let inList = false;
  const flush = (): void => {
    if (start >= 0) blocks.push({ start, end, text: text.slice(start, end) });
    start = -1;
  };
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    const heading = markdown && trimmed.startsWith('#');
    const numbered = MD_NUMBERED.exec(trimmed);
    const item = markdown && (MD_BULLET.test(trimmed) || (!!numbered && (inList || numbered[1] === '1')));
    const footnote = markdown && MD_FOOTNOTE.test(trimmed);
    if (item) inList = true;
    else if (start < 0) inList = false;
    if (!markdown || heading || item || footnote) flush();
    if (start < 0) start = lineStart + lead;
    end = lineStart + raw.trimEnd().length;
    if (!markdown || heading) flush();
  }
  flush();
  return blocks;
}

/**
 * A bullet list's marks are not quoted (its reader sees bullets, not "- "): an item begins after its mark, a list's
 * only item too (a dated log's one update under its month: "- **Guidance:** On December 11, 2024, …"). A lone "* …"
 * line may be a note's star ("* denotes an updated total"), and keeps it.
 */
function withoutBulletMarks(blocks: Block[]): Block[] {
  const mark = (b: Block | undefined): string | undefined => (b && MD_BULLET.test(b.text) ? b.text[0] : undefined);
  return blocks.map((b, i) => {
    const m = mark(b);
    if (!m || (m === '*' && mark(blocks[i - 1]) !== m && mark(blocks[i + 1]) !== m)) return b;
    const cut = /^[-*+]\s+/.exec(b.text)![0].length;
    return { start: b.start + cut, end: b.end, text: b.text.slice(cut) };
  });
}

/** The first sentence of a block, without its final period, for use as a section label. */
function leadSentence(text: string): { label: string; rest: boolean } {
  const first = splitSentences(text)[0] ?? { start: 0, end: text.length };
  const label = text.slice(first.start, first.end).replace(/[.。]$/, '');
  return { label, rest: first.end < text.trimEnd().length };
}

function metaEntry(line: string): [TextField, string] | undefined {
  const m = /^([A-Za-z][A-Za-z .]{1,40}?)\s*[:：]\s*(\S.*)$/.exec(line);
  if (!m) return undefined;
  const key = META_KEYS[m[1]!.toLowerCase()];
  return key ? [key, m[2]!.trim()] : undefined;
}

/** Turns a file name into a report id: lower case, [a-z0-9-] only. */
export function reportIdFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'report'
  );
}

/**
 * Parses a report's text into metadata and paragraphs with section paths.
 * @param text the file's decoded text (offsets refer to it)
 * @param fileName used for the id and to pick the Markdown layout (".md")
 * @param layout the layout when the text was converted from another format (HTML and Word give Markdown, PDF plain
 * text)
 */
export function parseReport(text: string, fileName: string, layout?: 'markdown' | 'text'): ParsedReport {
  const markdown = layout ? layout === 'markdown' : /\.(md|markdown)$/i.test(fileName);
  const blocks = markdown ? withoutBulletMarks(splitBlocks(text, true)) : splitBlocks(text, false);
  // A Markdown text with headings under its title states its own structure: the plain-text numbering rules stay off.
  const explicit = markdown && blocks.some((b) => /^#{2,6}\s/.test(b.text));
  const listed = enumerated(blocks);
  const reader = new StructureReader(markdown, explicit, !explicit && usesItems(blocks, listed));
  blocks.forEach((block, i) => reader.read(block, blocks[i + 1], listed.has(i)));
  const { meta, paragraphs } = reader;
  // (The report's own signature first: its signer is the report's, a letter's inside it only when it has none.)
  if (!reader.closed) markSignature(text, paragraphs, meta);
  markLetterSignatures(text, paragraphs, meta);
  return {
    id: reportIdFromFileName(fileName),
    meta: { ...meta, title: meta.title ?? reportIdFromFileName(fileName) },
    text,
    paragraphs,
  };
}

/** Reads a report's blocks in order, keeping where it is (part › subsection › item, or the Markdown headings). */
class StructureReader {
  readonly meta: Partial<ReportMeta> = {};
  readonly paragraphs: Paragraph[] = [];
  private part?: string | undefined;
  private subsection?: string | undefined;
  private item?: string | undefined;
  private readonly mdPath: string[] = [];
  private seenBody = false;
  /** The lines of the Markdown title block (a subtitle, a cover's and a colophon's lines): repeated later, they are too. */
  private readonly coverLines = new Set<string>();
  /** After a closing formula alone on its line ("Sincerely,"): the name and title lines that follow sign it. */
  private signing = false;
  /** A closing formula signed the report: its last lines are its own text, not a signature. */
  closed = false;

  constructor(
    private readonly markdown: boolean,
    /** The Markdown states its own structure: no numbering rules. */
    private readonly explicit: boolean,
    /** The report structures its parts as items ("First, …"). */
    private readonly items: boolean,
  ) {}

  /** `listed`: the block is an ordinal item of a list under a lead-in (`enumerated`), not a part's label. */
  read(block: Block, next?: Block, listed = false): void {
    const line = block.text.replace(/\s+/g, ' ');
    if (this.signing && line.length <= 100 && !/[.。]$/.test(line) && !PART.test(line) && !MD_HEADING.test(line)) {
      this.meta.signature ??= line;
      return void this.add(block, 'signature', ['Report signature', FIELD_LABELS.signature]);
    }
    this.signing = false;
    if (this.header(block, line) || this.markdownBlock(block, line) || this.numbered(block, line)) return;
    // A letter's closing formula ("Respectfully submitted, Edward C. Forst Administrator") signs what comes before it;
    // alone on its line ("Sincerely,"), the lines after it (name, title) sign.
    if (CLOSING.test(line) && line.length < 200) {
      const signer = line.replace(CLOSING, '').replace(/^[\s,]+/, '');
      if (signer) this.meta.signature ??= signer;
      this.signing = !signer;
      this.closed = true;
      return void this.add(block, 'signature', ['Report signature', FIELD_LABELS.signature]);
    }
    if (this.items && ITEM.test(line) && !listed) this.item = leadSentence(line).label;
    else if (this.labels(line, next)) {
      this.item = line;
      return void this.add(block, 'heading', this.path());
    }
    // A back cover repeating the cover's line ("Canadian Digital Service Annual Report (Fiscal Year 2023-2024)").
    if (this.coverLines.has(line)) return void this.add(block, 'metadata', [REPORT_HEADER, SUBTITLE]);
    this.seenBody = true;
    this.add(block, 'body', this.path());
  }

  /**
   * Plain text that numbers its parts may head a few paragraphs of a part with an unnumbered label ("Customer support:
   * one team, one dream" over the paragraphs about it, "Health and Benefits mobile app" over its figures): a LABEL line
   * inside a part, followed by text that is neither another label (a list of names), a list item going on in lower case,
   * nor a numbered heading.
   */
  private labels(line: string, next: Block | undefined): boolean {
    if (this.markdown || this.items || !this.part || !LABEL.test(line) || CLOSING.test(line) || !next) return false;
    const after = next.text.replace(/\s+/g, ' ');
    return !/^\p{Ll}/u.test(after) && !LABEL.test(after) && !PART.test(after) && !SUBSECTION.test(after);
  }

  private add(block: Block, role: ParagraphRole, section: string[]): void {
    this.paragraphs.push({ n: this.paragraphs.length + 1, start: block.start, end: block.end, role, section });
  }

  private path(): string[] {
    return [...(this.markdown ? this.mdPath : []), this.part, this.subsection, this.item].filter(
      (s): s is string => !!s,
    );
  }

  /** Before the body: header fields ("Date of issue: …"), the title, the addressee ("… Government:"). */
  private header(block: Block, line: string): boolean {
    if (this.seenBody) return false;
    const entry = metaEntry(line);
    if (entry) {
      this.meta[entry[0]] ??= entry[1];
      this.add(block, 'metadata', [REPORT_HEADER, FIELD_LABELS[entry[0]]]);
      return true;
    }
    if (this.markdown && (MD_HEADING.test(line) || MD_FOOTNOTE.test(line))) return false;
    if (line === this.meta.title || (!this.meta.title && line.length < 300 && !/[.。]$/.test(line))) {
      this.meta.title ??= line;
      this.add(block, 'title', [REPORT_HEADER, FIELD_LABELS.title]);
      return true;
    }
    if (/[:：]$/.test(line) && line.length < 120) {
      this.meta.addressee ??= line.slice(0, -1);
      this.add(block, 'addressee', [REPORT_HEADER, FIELD_LABELS.addressee]);
      return true;
    }
    // Under a Markdown title, before its first section (of a text that has sections): lines that are no sentence (a
    // subtitle, a cover's or a colophon's lines: "Canadian Digital Service │ Annual Report (Fiscal Year 2023-2024)",
    // "ISSN: 2818-4122") describe the document.
    if (this.explicit && this.meta.title && line.length < 200 && !/[.。!?！？]$/.test(line)) {
      this.coverLines.add(line);
      // (The issuer's postal address among them answers "what's their address?".)
      if (POSTAL_ADDRESS.test(line)) {
        this.meta.address ??= line;
        this.add(block, 'metadata', [REPORT_HEADER, FIELD_LABELS.address]);
        return true;
      }
      this.meta.subtitle ??= line;
      this.add(block, 'metadata', [REPORT_HEADER, SUBTITLE]);
      return true;
    }
    return false;
  }

  /** Markdown's own structure: `#` headings (the first `#` is the title) and `[^1]:` footnotes. */
  private markdownBlock(block: Block, line: string): boolean {
    if (!this.markdown) return false;
    const footnote = MD_FOOTNOTE.exec(line);
    if (footnote) {
      this.add(
        { ...block, start: block.start + footnote[0].length, text: block.text.slice(footnote[0].length) },
        'body',
        [...this.path(), `Footnote ${footnote[1]}`],
      );
      return true;
    }
    const heading = MD_HEADING.exec(line);
    if (!heading) return false;
    const level = heading[1]!.length;
    // (The title again, over a cover's second page, opens no section.)
    if ((level === 1 && !this.meta.title) || (!this.seenBody && heading[2] === this.meta.title)) {
      this.meta.title = heading[2]!;
      this.add(withoutMarks(block), 'title', [REPORT_HEADER, FIELD_LABELS.title]);
      return true;
    }
    this.mdPath.length = Math.max(0, level - 2);
    this.mdPath.push(heading[2]!);
    this.part = this.subsection = this.item = undefined;
    this.add(withoutMarks(block), 'heading', this.path());
    this.seenBody = true;
    return true;
  }

  /**
   * Numbered parts ("1、 Title", "2. Title") and subsections ("(1) Title"), unless the Markdown states its own
   * structure.
   */
  private numbered(block: Block, line: string): boolean {
    if (this.explicit) return false;
    const partMatch = line.length < 300 ? PART.exec(line) : null;
    // The heading text after the number is one sentence ("1. Libraries": the "1." is no sentence end) that does not end
    // like one.
    if (partMatch && !leadSentence(partMatch[3]!).rest && !SENTENCE_END.test(partMatch[3]!)) {
      this.part = `${partMatch[1] ?? partMatch[2]} ${partMatch[3]}`;
      this.subsection = this.item = undefined;
      this.seenBody = true;
      this.add(block, 'heading', this.path());
      return true;
    }
    // "(1) 1,324 public servants attended … ." alone on its line is a numbered sentence (a note), not a subsection
    // title.
    if (!SUBSECTION.test(line) || (!leadSentence(line).rest && SENTENCE_END.test(line))) return false;
    const { label, rest } = leadSentence(line);
    this.subsection = label;
    this.item = undefined;
    this.seenBody = true;
    this.add(block, rest ? 'body' : 'heading', this.path());
    return true;
  }
}

/** A Markdown heading's block without its "#" marks: what is cited and shown is the heading's text. */
function withoutMarks(block: Block): Block {
  const marks = /^#{1,6}\s+/.exec(block.text)?.[0].length ?? 0;
  const text = block.text.slice(marks).replace(/\s+#+$/, '');
  return { start: block.start + marks, end: block.start + marks + text.length, text };
}

/**
 * Whether the report structures its parts as a series of items ("First, …", "The second is …"):
 * two or more different ordinals open paragraphs. One paragraph opening "First, the team …" is prose.
 */
function usesItems(blocks: Block[], listed: ReadonlySet<number>): boolean {
  const ordinals = new Set<string>();
  for (const [i, b] of blocks.entries()) {
    const m = listed.has(i) ? null : ITEM.exec(b.text);
    if (m) ordinals.add((m[1] ?? m[2] ?? m[3]!).toLowerCase());
  }
  return ordinals.size >= 2;
}

/**
 * The blocks that are ordinal items of a list under a lead-in ("I will cover three main areas in my speech:" over
 * "First, what we are doing to help litigants;", "Second, …"): a speech's outline of what it will say, each item a
 * member of the list, none the label of the paragraphs after it, as a report's "First, …" paragraphs are.
 */
function enumerated(blocks: Block[]): Set<number> {
  const listed = new Set<number>();
  for (let i = 1; i < blocks.length; i++) {
    if (!ITEM.test(blocks[i]!.text)) continue;
    let k = i - 1;
    while (k >= 0 && ITEM.test(blocks[k]!.text)) k--;
    if (k >= 0 && isLeadIn(blocks[k]!.text)) listed.add(i);
  }
  return listed;
}

/** Paragraphs at a report's start that may be its cover (title, subtitle, publisher, address). */
const COVER_LINES = 12;

/**
 * Trailing short lines (issuer, date, release note) after the last body paragraph form the signature — not a back
 * cover repeating the cover's lines (the CDS report ends with its title and "Canadian Digital Service Annual Report
 * (Fiscal Year 2023-2024)", which signs nothing), not a list's items, and not the lines straight under the last
 * heading: those are that section's text (a closing "Highlights" list, the figures under "Impact").
 */
function markSignature(text: string, paragraphs: Paragraph[], meta: Partial<ReportMeta>): void {
  const cover = new Map<string, number>();
  paragraphs.slice(0, COVER_LINES).forEach((p, k) => {
    const line = text.slice(p.start, p.end);
    if (!cover.has(line)) cover.set(line, k);
  });
  const signsOff = (i: number): boolean =>
    signingLine(text, paragraphs[i]!) && (cover.get(lineOf(text, paragraphs[i]!)) ?? i) >= i;
  let first = paragraphs.length;
  while (first > 1 && signsOff(first - 1)) first--;
  if (paragraphs[first - 1]?.role === 'heading') return;
  signWith(text, paragraphs, first, paragraphs.length, meta);
}

/** A paragraph's text on one line. */
function lineOf(text: string, p: Paragraph): string {
  return text.slice(p.start, p.end);
}

/**
 * Whether a paragraph may sign what comes before it: a short line of the text, no sentence (a name, a title, a date).
 * A figure ("2+ million hours saved …") states a fact: the report's text, not who signed it.
 */
function signingLine(text: string, p: Paragraph): boolean {
  const line = lineOf(text, p);
  return !(
    p.role !== 'body' ||
    line.length > 100 ||
    /[.。]$/.test(line) ||
    isTableRow(line) ||
    (/^\d/.test(line) && !DATE_LINE.test(line)) ||
    listItemIndent(text, p) !== undefined
  );
}

/** Marks paragraphs `from` … `to` − 1 as the signature, the first name and date in them the report's. */
function signWith(text: string, paragraphs: Paragraph[], from: number, to: number, meta: Partial<ReportMeta>): void {
  for (let i = to - 1; i >= from; i--) {
    const p = paragraphs[i]!;
    const line = lineOf(text, p);
    p.role = 'signature';
    if (DATE_LINE.test(line)) meta.signedDate ??= line;
    else if (!/^[(（]/.test(line)) meta.signature ??= line;
    p.section = [
      'Report signature',
      DATE_LINE.test(line) ? FIELD_LABELS.signedDate : /^[(（]/.test(line) ? 'Release note' : FIELD_LABELS.signature,
    ];
  }
}

/** A section that is a letter or a message inside the report: "Letter from the Administrator", "Foreword". */
const LETTER_HEADING = /^(?:an?\s+)?(?:letter|message|note|word)s?\s+from\b|^(?:foreword|preface)\b/i;

/**
 * A letter inside a report ("Letter from the Administrator", "Message from …") is signed by the short lines it ends on
 * (the name and title after its last sentence: "Mikey Dickerson / Administrator, U.S. Digital Service"), as a report is
 * by the lines after its last paragraph; one sentence of the letter at least stays its text.
 */
function markLetterSignatures(text: string, paragraphs: Paragraph[], meta: Partial<ReportMeta>): void {
  paragraphs.forEach((heading, i) => {
    if (heading.role !== 'heading' || !LETTER_HEADING.test(lineOf(text, heading))) return;
    const depth = heading.section.length;
    let end = i + 1;
    while (
      end < paragraphs.length &&
      !(paragraphs[end]!.role === 'heading' && paragraphs[end]!.section.length <= depth)
    )
      end++;
    if (end === paragraphs.length) return; // (the report's own end: markSignature's)
    let first = end;
    while (first > i + 2 && signingLine(text, paragraphs[first - 1]!)) first--;
    if (first < end) signWith(text, paragraphs, first, end, meta);
  });
}
