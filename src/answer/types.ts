/** The answer shapes shared by the CLI, the bot and the benchmarks. Data only. */

export interface Citation {
  reportId: string;
  reportTitle: string;
  /** A short name for the report (its sidecar's shortTitle), for compact citations. */
  reportShortTitle?: string | undefined;
  /** The report's official page, when its sidecar names one. */
  reportUrl?: string | undefined;
  /** Section path joined with " › ", e.g. "1 Main Measures… › (3) … › Sixth, consciously accept supervision". */
  section: string;
  paragraph: number;
  /** The page of the original (reports converted from PDF). */
  page?: number | undefined;
}

export interface Quote {
  /** Verbatim report text (whitespace normalised): one to three whole sentences. */
  text: string;
  /** Spans of `text` to emphasise: the words that matched the question. */
  highlights: { start: number; end: number }[];
  /** Offsets of the quoted span in the report source. */
  start: number;
  end: number;
}

export interface AnswerItem {
  quote: Quote;
  score: number;
  citation: Citation;
  /** Section path as a list, for the bot's "Section" button. */
  sectionPath: string[];
}

export interface Answer {
  question: string;
  abstained: boolean;
  /**
   * On an answer (not a refusal): "high" when the quote answers the question, "low" when
   * these are only the closest passages and the report may not answer it exactly.
   */
  confidence?: 'high' | 'low';
  /** Best first. Empty when abstained. */
  answers: AnswerItem[];
  /** When abstaining: the nearest sections, to offer instead of a wrong quote. */
  nearestSections: { reportId: string; section: string; paragraph: number }[];
  /**
   * The question a follow-up message was read as ("and in 2022?" after "How many cases in 2023?"), shown on its card.
   */
  readAs?: string;
  /**
   * Why nothing was quoted, when the message asked nothing: chatter ("thanks, that was helpful", "ok cool") or a pasted
   * text.
   */
  notAQuestion?: 'chatter' | 'paste' | 'overview';
  /** Lexical only, dense only, or both. */
  mode: 'lexical' | 'hybrid';
}
