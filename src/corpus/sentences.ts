/**
 * Sentence boundary detection over report text. Pure: offsets in, offsets out.
 *
 * A boundary is a terminator (. ! ? or Chinese 。！？) plus any closing quotes or
 * brackets, followed by the end of the text, or by whitespace and something that can
 * start a sentence. Chinese terminators need no whitespace after them. A period after
 * a known abbreviation ("No. 2", "Art. 5") or inside a number ("46.55%") is not a boundary.
 */
export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'no',
  'nos',
  'art',
  'arts',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'vs',
  'fig',
  'vol',
  'para',
  'e.g',
  'i.e',
  'approx',
  'dept',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'p.r.c',
]);
// A semicolon followed by a capitalised clause also ends a sentence: translated reports chain whole sentences with ";
// ".
const TERMINATOR = /[.!?。！？]+["'”’)\]）」』]*|;(?=\s+\p{Lu})/gu;
const CJK_TERMINATOR = /[。！？]/;
const SENTENCE_START = /["'“‘(（\[「『0-9\p{Lu}\p{Script=Han}]/u;

/**
 * A number or caption label alone ("3.", "20.", "(b)", "Figure 7."): it labels the sentence after it, it is no sentence
 * itself.
 */
const LABEL_ONLY =
  /^(?:[(（]?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)）]|(?:figure|fig\.|table|chart|exhibit|box|map|graph)\s+[\dA-Z][\d.]*[.:]?)$/iu;

function isBoundary(text: string, matchStart: number, matchEnd: number): boolean {
  if (matchEnd >= text.length) return true;
  const mark = text.slice(matchStart, matchEnd);
  if (CJK_TERMINATOR.test(mark)) return true;
  if (!/\s/.test(text[matchEnd]!)) return false;
  let next = matchEnd;
  while (next < text.length && /\s/.test(text[next]!)) next++;
  if (next >= text.length) return true;
  if (!SENTENCE_START.test(text[next]!)) return false;
  if (mark.startsWith('.') && mark.length === 1) {
    const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, matchStart - 12), matchStart));
    if (word && ABBREVIATIONS.has(word[1]!.toLowerCase())) return false;
    // A single capital letter followed by a period is an initial ("J. Smith").
    if (word && /^\p{Lu}$/u.test(word[1]!)) return false;
  }
  return true;
}

/** Longest run of a sentence inside a bracket it opened, past which the bracket is taken for a stray one. */
const MAX_BRACKETED = 300;

/**
 * True when a bracket the sentence opened is still open, not long ago: "of the two (1. GC Forms 2. Microsoft), only GC
 * Forms can …" is one sentence, its numbers an enumeration inside the brackets.
 */
function insideBrackets(sentence: string): boolean {
  let depth = 0;
  let opened = -1;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === '(' || c === '（') {
      if (depth === 0) opened = i;
      depth++;
    } else if ((c === ')' || c === '）') && depth > 0) depth--;
  }
  return depth > 0 && sentence.length - opened <= MAX_BRACKETED;
}

/** Splits `text` into trimmed sentence spans; offsets are relative to `text` plus `offset`. */
export function splitSentences(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s + offset, end: e + offset });
  };
  for (const match of text.matchAll(TERMINATOR)) {
    const matchStart = match.index ?? 0;
    const matchEnd = matchStart + match[0].length;
    if (
      isBoundary(text, matchStart, matchEnd) &&
      !LABEL_ONLY.test(text.slice(start, matchEnd).trim()) &&
      !insideBrackets(text.slice(start, matchEnd))
    ) {
      push(matchEnd);
      start = matchEnd;
    }
  }
  push(text.length);
  return spans;
}
