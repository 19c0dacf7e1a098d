/**
 * A demonstrative's antecedent: "ERA2 Grantees can use this checklist to …" speaks of the “Standard Closeout” Checklist
 * the sentence before it names; "We call this “10x Classic.”", of what the sentence before ended on ("… our traditional
 * four-phased model"). The words that sentence names it by are this one's too, and it leans on that sentence (it is
 * quoted with it). Pure.
 */
import { tokenize, tokenizeWithOffsets } from '../search/tokenize.js';

/** "this checklist", "these practices", "such plans": a noun pointed back to (not "that", as often a conjunction). */
const DEMONSTRATIVE = /\b(?:this|these|such)\s+([a-z][a-z-]+)\b/gi;
/**
 * Nouns a demonstrative makes the speaker's time or document, not a thing named before ("this year", "this week", "I
 * wanted to publish this report").
 */
const HERE_AND_NOW = new Set(
  tokenize('year years month months week weeks quarter day days time period report document page website site paper'),
);
/** "this" or "these" standing for a noun: before punctuation, a quotation or an auxiliary ("This is", "call this “…”"). */
const BARE_DEMONSTRATIVE =
  /\b(?:this|these)(?=\s*[“"'‘(,.;:!?]|\s+(?:is|was|are|were|has|had|have|will|would|can|could|may|might|means|meant)\b)/i;
/** A personal pronoun as a sentence's subject ("They have …"; not "It", as often an expletive: "It is essential …"). */
const SUBJECT_PRONOUN = /^\s*(?:They|He|She)\b/;
/** The name a sentence opens on: capitalised words, with "for", "of", "and", "the" between them ("Notify.gov for Families"). */
const OPENING_NAME = /^\s*\p{Lu}[\p{L}\d.&'’-]*(?:\s+(?:(?:for|of|and|the|&)\s+)*\p{Lu}[\p{L}\d.&'’-]*)*/u;
/** Between two words of one name: spaces, quotation marks, hyphens (“Standard Closeout” Checklist). */
const WITHIN_NAME = /^[\s"“”'‘’-]*$/;
/** A name's word begins with a capital (a verb or an adjective before the noun is no part of its name). */
const CAPITAL = /\p{Lu}/u;
/** Most words of a name taken before its noun. */
const MAX_MODIFIERS = 3;

/**
 * The words `previous` names a noun by that `sentence` points back to with a demonstrative ("standard", "closeout" for
 * "this checklist" after "Treasury published the “Standard Closeout” Checklist"): the capitalised words right before
 * the noun's last mention there, back to another word, a word the index drops ("the") or a punctuation mark; for a
 * demonstrative standing alone ("call this “…”", "Among these,"), the words of the phrase `previous` ends on. Undefined
 * when the sentence points back to nothing the sentence before names.
 */
export function antecedentTerms(previous: string, sentence: string): string[] | undefined {
  // "We call this “10x Classic.”": a demonstrative standing alone speaks of what the sentence before ended on ("… existed
  // within our traditional four-phased model").
  if (BARE_DEMONSTRATIVE.test(sentence)) return tokenize(lastPhrase(previous));
  // "They have successfully sent over 5,000 text message reminders" after "Notify.gov for Families has partnered with
  // …": a personal pronoun opening a sentence goes on speaking of the subject the sentence before opened on, when it
  // opens on a name.
  const subject = SUBJECT_PRONOUN.test(sentence) ? tokenize(OPENING_NAME.exec(previous)?.[0] ?? '') : [];
  if (subject.length) return subject;
  const nouns = pointedNouns(sentence);
  if (!nouns.length) return undefined; // (most sentences: the one before is not read)
  const before = tokenizeWithOffsets(previous);
  const words = before.map((t) => t.term);
  let terms: string[] | undefined;
  for (const noun of nouns) {
    const at = words.lastIndexOf(noun);
    if (at < 0) continue;
    (terms ??= []).push(...modifiersBefore(previous, before, at));
  }
  // "Adopting this private sector best practice led to …" after "… launched “Hack the Pentagon,” the first bug bounty
  // program …": a demonstrative whose noun the sentence before does not repeat speaks of what that sentence names in
  // quotation marks.
  return terms ?? quotedNameTerms(previous);
}

/**
 * The name an earlier passage of the section gives a demonstrative's noun, when the sentence before names it by none:
 * "… elected not to proceed with Phase Two of this project …" two paragraphs after "… our De-Biasing Public
 * Infrastructure Investments project." `earlierText` gives the text before the sentence, nearest last (read only for a
 * sentence with a demonstrative). The nearest mention of the noun with capitalised words before it gives them;
 * undefined when there is none (the sentence then speaks of whatever the text around it does).
 */
export function earlierNameTerms(sentence: string, earlierText: () => string): string[] | undefined {
  const nouns = pointedNouns(sentence);
  if (!nouns.length) return undefined; // (most sentences: nothing before is read)
  const earlier = earlierText();
  const before = tokenizeWithOffsets(earlier);
  const named: string[] = [];
  for (const noun of nouns) {
    for (let at = before.length - 1; at >= 0; at--) {
      if (before[at]!.term !== noun) continue;
      const name = modifiersBefore(earlier, before, at);
      if (!name.length) continue;
      named.push(...name);
      break;
    }
  }
  return named.length ? named : undefined;
}

/** The nouns a sentence points back to with a demonstrative ("this checklist"), as index terms: not the here and now. */
function pointedNouns(sentence: string): string[] {
  return [...sentence.matchAll(DEMONSTRATIVE)]
    .map((m) => tokenize(m[1]!)[0])
    .filter((noun): noun is string => noun !== undefined && !HERE_AND_NOW.has(noun));
}

/** The capitalised words right before token `at` of `text` (its name: “Standard Closeout” of Checklist), nearest first. */
function modifiersBefore(text: string, tokens: { term: string; start: number; end: number }[], at: number): string[] {
  const name: string[] = [];
  for (let k = at - 1; k >= 0 && at - k <= MAX_MODIFIERS; k--) {
    const word = tokens[k]!;
    if (!WITHIN_NAME.test(text.slice(word.end, tokens[k + 1]!.start)) || !CAPITAL.test(text[word.start]!)) break;
    name.push(word.term);
  }
  return name;
}

/**
 * A name in quotation marks ("Hack the Pentagon"): two to six words, the first capitalised, a whole noun phrase (a
 * mark or the sentence's end after it, or a comma inside the marks: not the “Standard Closeout” of "the “Standard
 * Closeout” Checklist", whose noun comes after).
 */
const QUOTED_NAME = /["“]((?:[^"“”\s]+\s+){1,5}[^"“”\s]+?)(,?)["”](?=(\s*[^\s\p{L}]|\s*$)?)/u;

/** The terms of the first name a sentence gives in quotation marks; undefined when it gives none. */
function quotedNameTerms(sentence: string): string[] | undefined {
  const m = QUOTED_NAME.exec(sentence);
  if (!m || !CAPITAL.test(m[1]![0]!) || (!m[2] && m[3] === undefined)) return undefined;
  return tokenize(m[1]!);
}

/** A word that opens a phrase inside a clause: a preposition or a conjunction. */
const PHRASE_OPENER =
  /\b(?:in|on|at|of|for|with|within|by|from|to|as|into|about|across|through|under|over|than|and|or|but|that|which)\b/gi;

/** The phrase a sentence ends on: its words after the last preposition or conjunction ("our traditional … model"). */
function lastPhrase(sentence: string): string {
  const openers = [...sentence.matchAll(PHRASE_OPENER)];
  const last = openers.at(-1);
  return last ? sentence.slice(last.index + last[0].length) : sentence;
}
