/**
 * Example questions offered as buttons (/start, new-report notices). Pure. They come
 * from a report's sidecar metadata; a report without any gets questions built from its
 * own part headings, which it answers by construction.
 */
import type { ParsedReport } from '../corpus/types.js';
import type { BotDeps } from './deps.js';

/** Up to three example questions for one report. */
export function reportExamples(report: ParsedReport): string[] {
  if (report.meta.examples?.length) return report.meta.examples.slice(0, 3);
  const parts = report.paragraphs.filter((p) => p.role === 'heading' && p.section.length === 1).map((p) => p.section[0].replace(/^\S+\s+/, ''));
  const topics = parts.length ? parts : report.paragraphs.filter((p) => p.role === 'heading').map((p) => p.section.at(-1)!);
  return topics.slice(0, 3).map((t) => `What does the report say about ${t.length > 60 ? `${t.slice(0, 57)}…` : t}?`);
}

/** The example questions offered by /start: the first reports' examples, three in all. */
export function exampleQuestions(deps: Pick<BotDeps, 'engine'>): string[] {
  const examples: string[] = [];
  // Stops after the first reports that give three: /start must not walk a thousand reports.
  for (const report of deps.engine().index.reports.values()) {
    examples.push(...reportExamples(report));
    if (examples.length >= 3) break;
  }
  return examples.slice(0, 3);
}
