/**
 * What a passage offers the ranking, read once per paragraph and report: a paragraph's sentences with their terms
 * (a header line with its label, abbreviations with their long forms), its paragraph and heading terms; a report's
 * title facts (its names, what a question may call it). Pure.
 */
import {
  cardGroupOf,
  introOf,
  paragraphText,
  parentItemOf,
  runInHeading,
  tableContextOf,
  tableHeaderOf,
  tallyOf,
} from '../corpus/lists.js';
import { splitSentences } from '../corpus/sentences.js';
import type { ParsedReport } from '../corpus/types.js';
import { withAcronyms, type AcronymPair } from '../search/acronym-terms.js';
import { tokenize } from '../search/tokenize.js';
import { antecedentTerms, earlierNameTerms } from './anaphora.js';
import { isYear, reportYears } from './figures.js';
import { isForwardLooking } from './question.js';
import type { TitleFacts } from './rerank.js';

export interface ParagraphEvidence {
  sentences: {
    start: number;
    end: number;
    text: string;
    terms: string[];
    termSet: Set<string>;
    /** Its terms in order with each abbreviation followed by its long form ("ssa social secur administr"). */
    spelledOut: string[];
    /** It points back with a demonstrative to a noun the sentence before names ("this checklist"): it leans on it. */
    pointsBack: boolean;
  }[];
  /**
   * Terms of its sentences, and of the stat card or bullets it is read with (corpus/lists.ts cardGroupOf) or the list
   * item it elaborates (parentItemOf).
   */
  terms: Set<string>;
  /** Terms of its section path and table context, and the bodies the leads above it name (namedByLeads). */
  headingTerms: Set<string>;
  /** The same without those bodies: what the headings say, for judging (engine.ts shownBy). */
  sectionTerms: Set<string>;
  /** The bodies the leads of the sections above it name (namedByLeads). */
  leadNames: string[];
  forwardLooking: boolean;
}

/** Paragraphs back an earlier name of a demonstrative's noun is looked for (earlierNameTerms). */
const EARLIER_PARAGRAPHS = 3;

/** The text of paragraph `n`'s section before `end`: its own text up to there and the paragraphs before it. */
function earlierInSection(report: ParsedReport, n: number, end: number): string {
  const p = report.paragraphs[n - 1]!;
  const section = p.section.join('\u0000');
  let from = p.start;
  for (let k = n - 2; k >= 0 && k >= n - 1 - EARLIER_PARAGRAPHS; k--) {
    const q = report.paragraphs[k]!;
    if (q.section.join('\u0000') !== section) break;
    from = q.start;
  }
  return report.text.slice(from, end);
}

/** The first person singular ("I", "I’m", "my", "me"; not the numeral of "Part I" or "Phase I"). */
const FIRST_PERSON =
  /(?<!\b(?:Part|Phase|Title|Section|Tier|Stage|Level|Annex|War|Chapter)\s)\bI\b(?![.-])|\b[Mm](?:y|e|yself)\b/;
/** A letter's closing word before its signature ("Sincerely,", "Yours faithfully,"). */
const VALEDICTION = /^\s*(?:sincerely|yours\b.*|regards|best regards|kind regards|respectfully)\s*,?\s*$/i;

/**
 * Who signs the letter paragraph `n` is of: the signature lines right after its section ("Mina Hsiang",
 * "Administrator, The U.S. Digital Service"), without the valediction; empty when no signature follows the section.
 */
function signerOf(report: ParsedReport, n: number): string {
  const paragraphs = report.paragraphs;
  const section = paragraphs[n - 1]!.section.join('\u0000');
  let k = n; // the index of the paragraph after n
  while (k < paragraphs.length && paragraphs[k]!.section.join('\u0000') === section) k++;
  const lines: string[] = [];
  for (; k < paragraphs.length && paragraphs[k]!.role === 'signature'; k++) lines.push(paragraphText(report, k + 1));
  return lines.filter((line) => !VALEDICTION.test(line)).join('\n');
}

/** Paragraph `n` (1-based) of a report, read for ranking. */
export function paragraphEvidence(report: ParsedReport, n: number, pairs: AcronymPair[]): ParagraphEvidence {
  const p = report.paragraphs[n - 1]!;
  // A header line's label ("Issued by", "Addressed to") says what the line is, a table row's column headers what its
  // cells are ("Average Outcome" of "… | 3.44 | High"), a tally's lead-in what its items count ("Gender:" of "Female:
  // 3"): count them as the line's own words.
  const label =
    p.role === 'body' || p.role === 'heading'
      ? tokenize(tableHeaderOf(report, n) || tallyOf(report, n))
      : tokenize(p.section.join(' '));
  // A run-in heading ("Benefits Locator Tool - …") names what the paragraph's later sentences speak of too ("It's now a
  // fully operational product owned and maintained by USA.gov").
  const runIn = p.role === 'body' ? tokenize(runInHeading(report.text.slice(p.start, p.end))) : [];
  const longForms = new Map(pairs.map((pair) => [pair.short, pair.long]));
  const spans = splitSentences(report.text.slice(p.start, p.end), p.start);
  let signer: string[] | undefined;
  const sentences = spans.map((s, i) => {
    const text = report.text.slice(s.start, s.end);
    // "… use this checklist to …" names the checklist as the sentence before it does ("the “Standard Closeout”
    // Checklist"), and leans on it.
    const before = i > 0 ? report.text.slice(spans[i - 1]!.start, spans[i - 1]!.end) : '';
    const antecedent = before ? antecedentTerms(before, text) : undefined;
    // …or as an earlier passage of its section does ("this project", two paragraphs after "our De-Biasing Public
    // Infrastructure Investments project"), without leaning on it.
    const named = antecedent?.length ? [] : (earlierNameTerms(text, () => earlierInSection(report, n, s.start)) ?? []);
    // "I have been here for six of the nearly ten transformational years": a letter's "I" is the one who signs it.
    const speaker = p.role === 'body' && FIRST_PERSON.test(text) ? (signer ??= tokenize(signerOf(report, n))) : [];
    const terms = [...tokenize(text), ...(antecedent ?? []), ...named, ...speaker, ...label, ...(i > 0 ? runIn : [])];
    // In order, each abbreviation followed by its long form: its words stand side by side ("SSA" holds "Social
    // Security"). Without one, the terms themselves (no second copy in the paragraph cache).
    const spelledOut = terms.some((t) => longForms.has(t))
      ? terms.flatMap((t) => [t, ...(longForms.get(t) ?? [])])
      : terms;
    return { ...s, text, terms, termSet: withAcronyms(new Set(terms), pairs), spelledOut, pointsBack: !!antecedent };
  });
  // A table row is read with its header row and caption, as its headings are.
  const sectionTerms = new Set(tokenize(`${p.section.join(' ')} ${tableContextOf(report, n)}`));
  const leadNames = [...namedByLeads(report, n, pairs), ...namedByLeadIn(report, n, pairs)];
  return {
    sentences,
    terms: new Set([
      ...sentences.flatMap((s) => s.terms),
      ...[...cardGroupOf(report, n), parentItemOf(report, n) ?? []]
        .flat()
        .flatMap((k) => tokenize(paragraphText(report, k))),
    ]),
    headingTerms: new Set([...sectionTerms, ...leadNames]),
    sectionTerms,
    leadNames,
    forwardLooking: isForwardLooking(p.section),
  };
}

/** A line that names rather than tells: one line, no longer than a long name, with no sentence's end. */
const BYLINE = /^[^\n.!?。]{1,160}$/u;

/**
 * The bodies the leads of the sections enclosing paragraph `n`'s own name (the paragraphs directly under a heading above
 * its section's), as the abbreviations the report gives them: written, or spelled out in a byline (a line naming, not
 * telling: no sentence). A chapter opening on "Centers for Disease Control and Prevention" is the CDC's, all its
 * sections, as one opening "Services provided by the Department of Veterans Affairs (VA) …" is the VA's. Not a
 * paragraph beside it, nor a sibling section's (an agency's summary among others' names only its own agency), nor a
 * body an opening sentence only spells out in passing ("… calling a Service Canada Centre").
 */
export function namedByLeads(report: ParsedReport, n: number, pairs: AcronymPair[]): string[] {
  const path = report.paragraphs[n - 1]?.section ?? [];
  if (path.length < 2 || !pairs.length) return [];
  const names: string[] = [];
  // Back through the chapter: a lead stands before the sections under its heading.
  for (let k = n - 2; k >= 0; k--) {
    const { section, role, start, end } = report.paragraphs[k]!;
    if (section[0] !== path[0]) break;
    if (role === 'heading' || section.length >= path.length || !section.every((h, i) => h === path[i])) continue;
    // (A byline names a body spelled out; a lead that tells names one by the abbreviation it writes.)
    const lead = report.text.slice(start, end);
    const terms = BYLINE.test(lead) ? withAcronyms(new Set(tokenize(lead)), pairs) : new Set(tokenize(lead));
    for (const pair of pairs) if (terms.has(pair.short)) names.push(pair.short);
  }
  return names;
}

/**
 * The bodies a list item's lead-in names by their abbreviations ("GDS is consulting … on a programme of work …,
 * including:" over "direct advice and support on recruitment processes"): the item is theirs.
 */
function namedByLeadIn(report: ParsedReport, n: number, pairs: AcronymPair[]): string[] {
  const k = introOf(report, n);
  if (k === undefined || !pairs.length) return [];
  const terms = new Set(tokenize(paragraphText(report, k)));
  return pairs.filter((pair) => terms.has(pair.short)).map((pair) => pair.short);
}

/**
 * What a report's title says, for preferring the report a question names.
 * @param names the names in a text (vocabulary.ts names: words the dictionary knows only as names, or not at all)
 */
export function titleFactsOf(report: ParsedReport, names: (text: string) => string[]): TitleFacts {
  const { title, date, shortTitle, issuer } = report.meta;
  const text = `${title} ${date ?? ''} ${report.id}`;
  return {
    years: reportYears(report.meta),
    text,
    terms: new Set(tokenize(text)),
    // The names in its title (no dictionary word, no year: "Zuoyun", "Hong Kong", "GSA") say whom the whole report is
    // about.
    names: new Set(names(title).flatMap((name) => tokenize(name))),
    // Its own names, from its title and who issued it ("Zuoyun", "GSA", "Hong Kong"; not "FY"): what a question names
    // it by.
    ownNames: new Set([
      ...names(`${title} ${shortTitle ?? ''} ${issuer ?? ''}`)
        .filter((name) => /^\p{L}{3,}$/u.test(name))
        .flatMap((name) => tokenize(name)),
      // A number in the title that is no year is part of the document's name ("Section 508").
      ...(`${title} ${shortTitle ?? ''}`.match(/(?<![\d.,])\d{2,}(?![\d.,])/g) ?? []).filter((n) => !isYear(n)),
    ]),
    kinds: kindsNamed(`${title}\n${issuer ?? ''}`, names),
  };
}

/** The kinds of place or body a title's names are (the word after one: "Zuoyun County", "Hilltop City"), as terms. */
function kindsNamed(text: string, names: (text: string) => string[]): Set<string> {
  const kinds = new Set<string>();
  for (const name of names(text)) {
    if (!/^\p{L}{3,}$/u.test(name)) continue;
    const kind = new RegExp(`\\b${name}\\s+(${PLACE_KINDS})\\b`, 'u').exec(text)?.[1];
    if (kind) for (const t of tokenize(kind)) kinds.add(t);
  }
  return kinds;
}

/** The words naming a kind of administrative area or government, as titles write them after its name. */
const PLACE_KINDS = 'County|City|District|Province|Prefecture|Municipality|Township|Town|Village|State|Region|Borough';
/** The same, as index terms. */
export const PLACE_KIND_TERMS = new Set(tokenize(PLACE_KINDS.replaceAll('|', ' ')));

/** Term → number of report titles holding it. */
export function titleFrequency(reports: ParsedReport[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const report of reports)
    for (const t of new Set(tokenize(report.meta.title))) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
