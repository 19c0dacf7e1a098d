/**
 * Example questions offered as buttons (/start, refusals, new-report notices), in the
 * reader's language. Candidates come from a report's sidecar (`examples`, `examplesZh`), else
 * from its figures ("How many administrative cases?", answered from the paragraph it came from)
 * and its headings; only those the engine answers with high confidence from that report are
 * offered, so an example never leads to a refusal or a "closest passages" card.
 */
import type { AnswerEngine } from './engine.js';
import type { ParsedReport } from '../corpus/types.js';

/** The reader's language: Chinese readers are offered the sidecar's Chinese examples first. */
export type ExampleLang = 'en' | 'zh';

/** Example questions offered per report, and in /start. */
const EXAMPLES = 3;

/**
 * A heading as a question: its numbering dropped ("2、 Deficiencies and causes" → "What about deficiencies and
 * causes?").
 */
function headingQuestion(heading: string): string {
  const topic = heading
    .replace(/^\s*(?:\d{1,2}\s*[、．.]?|[一二三四五六七八九十]{1,3}、|[(（][^)）]{1,3}[)）])\s+/u, '')
    .replace(/[.。].*$/u, '')
    .trim();
  const short = topic.length > 70 ? topic.slice(0, 70).replace(/\s+\S*$/, '') : topic;
  return /\p{Script=Han}/u.test(short)
    ? `${short}方面有哪些做法？`
    : `What about ${short.charAt(0).toLowerCase()}${short.slice(1)}?`;
}

/**
 * A candidate example; one made from a heading must be answered from under that heading, one from a figure from its
 * paragraph.
 */
export interface ExampleCandidate {
  question: string;
  under?: string[];
  from?: number;
}

/**
 * A figure and what it counts, in English, and the rest of its clause: "1,324 federal public servants
 * attended Platform product demos", "13 administrative cases in the county". Two or three words, the
 * last a plural ("efforts" alone says too little to ask about). Not a number that is part of a name or
 * a rank ("Section 508 assessment examines", "FY 2025", "the 10 safest cities").
 */
const COUNTED =
  /(?<!\b(?:[A-Z][\w.]*|the|No\.?)\s)\b(?:\d{1,3}(?:,\d{3})+|\d+)\s+((?:[a-z][a-z-]+\s){1,2}[a-z][a-z-]*(?:[^su\W]s|ies))\b([^.,;:()]*)([.,;:()]|$)/;
/** Not part of what is counted ("more than 24 agencies", "5 million notifications", "12 of the cases"). */
const NOT_COUNTED =
  /^(?:of|in|and|or|to|for|the|a|an|per|than|more|over|about|around|across|this|these|those|its|their|our|are|were|was|is|has|have|with|from|million|billion|thousand|hundred|percent|times|years|days|months|hours|minutes)$/;
/**
 * A clause's tail worth asking with: a place, time or means ("in the county"), or what was done ("attended … demos").
 */
const TAIL = /^(?:in|on|at|from|for|under|during|across|to|by)\s|^[a-z]+ed\s/;
/** Longest example question (a button shows 60 characters). */
const MAX_EXAMPLE = 60;

/**
 * Questions a reader would ask of a report's figures ("How many administrative cases in the county?"), one per
 * paragraph, in its own words.
 */
function figureQuestions(report: ParsedReport): ExampleCandidate[] {
  const out: ExampleCandidate[] = [];
  for (const p of report.paragraphs) {
    if (p.role !== 'body') continue;
    const m = COUNTED.exec(report.text.slice(p.start, p.end));
    // A superlative ranks ("the 10 safest cities"), it does not count.
    if (!m || m[1]!.split(' ').some((w) => NOT_COUNTED.test(w)) || /est$/.test(m[1]!.split(' ')[0]!)) continue;
    // The rest of the clause joins the question only whole: cut short, it would not say what it means.
    const tail = m[2]!.trim();
    const whole = `How many ${m[1]} ${tail}?`;
    out.push({
      question: TAIL.test(`${tail} `) && whole.length <= MAX_EXAMPLE ? whole : `How many ${m[1]}?`,
      from: p.n,
    });
  }
  return out;
}

/** Candidates for one report in one language, best first: the sidecar's, or else its headings'. */
export function candidateExamples(report: ParsedReport, lang: ExampleLang): ExampleCandidate[] {
  const own = [...(lang === 'zh' ? (report.meta.examplesZh ?? []) : []), ...(report.meta.examples ?? [])].map(
    (question) => ({ question }),
  );
  // A report without examples of its own gets questions made from its figures, then its headings (README "Adding
  // reports").
  // Questions from English words are offered to English readers only: a Chinese reader gets the sidecar's or none.
  const english = !/\p{Script=Han}/u.test(report.meta.title);
  const made = own.length
    ? []
    : [
        ...(english && lang === 'en' ? figureQuestions(report) : []),
        ...report.paragraphs
          .filter((p) => p.role === 'heading' && (lang === 'en' || !english))
          .map((p) => ({ question: headingQuestion(p.section.at(-1)!), under: p.section })),
      ];
  const seen = new Set<string>();
  return [...own, ...made].filter((c) => !seen.has(c.question) && !!seen.add(c.question));
}

const checked = new WeakMap<AnswerEngine, Map<string, Promise<string[]>>>();

/**
 * Up to EXAMPLES questions the engine answers with high confidence from `report` (checked
 * once per engine, report and language; the engine is replaced when the index changes).
 */
export function workingExamples(engine: AnswerEngine, report: ParsedReport, lang: ExampleLang): Promise<string[]> {
  let perEngine = checked.get(engine);
  if (!perEngine) checked.set(engine, (perEngine = new Map<string, Promise<string[]>>()));
  const key = `${lang}\u0000${report.id}`;
  let examples = perEngine.get(key);
  if (!examples) {
    examples = (async () => {
      const out: string[] = [];
      for (const { question, under, from } of candidateExamples(report, lang)) {
        if (out.length >= EXAMPLES) break;
        const answer = await engine.answer(question, 1, report.id);
        const top = answer.answers[0];
        const path = top?.sectionPath ?? [];
        if (
          !answer.abstained &&
          answer.confidence === 'high' &&
          (!under || under.every((h, i) => path[i] === h)) &&
          (!from || top?.citation.paragraph === from)
        )
          out.push(question);
      }
      return out;
    })();
    perEngine.set(key, examples);
  }
  return examples;
}

/** The example questions of /start and refusals: the first reports' working examples, EXAMPLES in all. */
export async function exampleQuestions(engine: AnswerEngine, lang: ExampleLang): Promise<string[]> {
  const examples: string[] = [];
  // Stops after the first reports that give enough: /start must not walk a thousand reports.
  for (const report of engine.index.reports.values()) {
    examples.push(...(await workingExamples(engine, report, lang)));
    if (examples.length >= EXAMPLES) break;
  }
  return examples.slice(0, EXAMPLES);
}
