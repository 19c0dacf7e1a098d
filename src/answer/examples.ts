/**
 * Example questions offered as buttons (/start, refusals, new-report notices), in the
 * reader's language. Candidates come from a report's sidecar (`examples`, `examplesZh`),
 * then from its own headings; only those the engine answers with high confidence from that
 * report are offered, so an example never leads to a refusal or a "closest passages" card.
 */
import type { AnswerEngine } from './engine.js';
import type { ParsedReport } from '../corpus/types.js';

/** The reader's language: Chinese readers are offered the sidecar's Chinese examples first. */
export type ExampleLang = 'en' | 'zh';

/** Example questions offered per report, and in /start. */
const EXAMPLES = 3;

/** A heading as a question: its numbering dropped ("2、 Deficiencies and causes" → "What about deficiencies and causes?"). */
function headingQuestion(heading: string): string {
  const topic = heading
    .replace(/^\s*(?:\d{1,2}\s*[、．.]?|[一二三四五六七八九十]{1,3}、|[(（][^)）]{1,3}[)）])\s+/u, '')
    .replace(/[.。].*$/u, '')
    .trim();
  const short = topic.length > 70 ? topic.slice(0, 70).replace(/\s+\S*$/, '') : topic;
  return /\p{Script=Han}/u.test(short) ? `${short}方面有哪些做法？` : `What about ${short.charAt(0).toLowerCase()}${short.slice(1)}?`;
}

/** A candidate example; one made from a heading must be answered from under that heading. */
export interface ExampleCandidate {
  question: string;
  under?: string[];
}

/** Candidates for one report in one language, best first: the sidecar's, or else its headings'. */
export function candidateExamples(report: ParsedReport, lang: ExampleLang): ExampleCandidate[] {
  const own = [...(lang === 'zh' ? (report.meta.examplesZh ?? []) : []), ...(report.meta.examples ?? [])].map((question) => ({ question }));
  // A report without examples of its own gets questions made from its headings (README "Adding reports").
  const headings = own.length
    ? []
    : report.paragraphs.filter((p) => p.role === 'heading').map((p) => ({ question: headingQuestion(p.section.at(-1)!), under: p.section }));
  const seen = new Set<string>();
  return [...own, ...headings].filter((c) => !seen.has(c.question) && !!seen.add(c.question));
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
      for (const { question, under } of candidateExamples(report, lang)) {
        if (out.length >= EXAMPLES) break;
        const answer = await engine.answer(question, 1, report.id);
        const path = answer.answers[0]?.sectionPath ?? [];
        if (!answer.abstained && answer.confidence === 'high' && (!under || under.every((h, i) => path[i] === h))) out.push(question);
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
