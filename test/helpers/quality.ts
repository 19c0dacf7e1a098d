/**
 * The development question sets and an engine built over a corpus folder, for the answer tests
 * and the quality benchmarks (scripts/bench-quality.ts, scripts/quality-reports.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Thresholds } from '../../src/answer/confidence.js';
import { AnswerEngine } from '../../src/answer/engine.js';
import { evaluate, type EvalQuestion, type QualityReport } from '../../src/answer/evaluate.js';
import type { Weights } from '../../src/answer/rerank.js';
import { ingest } from '../../src/ingest.js';
import { chineseReaders, ensureGlossary } from '../../src/search/chinese.js';
import type { Embedder } from '../../src/search/embedder.js';
import { IndexStore } from '../../src/search/store.js';
import { loadIndex } from '../../src/search/load-index.js';
import { loadThesaurus } from '../../src/search/thesaurus.js';

export const EVAL_DIR = fileURLToPath(new URL('../fixtures/eval', import.meta.url));
export const EVAL_SETS = ['dev-questions.jsonl', 'dev-realistic.jsonl', 'off-topic.jsonl'] as const;

export function loadSet(name: string): EvalQuestion[] {
  return readSet(join(EVAL_DIR, name));
}

/**
 * Builds an index of `corpusDir` in `dataDir` and returns an engine over it. The engine reads report
 * texts from there as it needs them, so the folder must outlive it: by default a temporary one that
 * goes when the process does; tests pass their own (removed after the test file).
 */
export async function buildEngine(
  corpusDir: string,
  embedder?: Embedder,
  tuning: { thresholds?: Thresholds; weights?: Weights } = {},
  dataDir = temporaryDataDir(),
): Promise<{ engine: AnswerEngine; texts: Map<string, string> }> {
  await ingest({ corpusDir, dataDir, embedder });
  const { index } = loadIndex(new IndexStore(dataDir))!;
  const engine = new AnswerEngine(index, {
    embedder,
    ...chineseReaders(await ensureGlossary()),
    thesaurus: loadThesaurus(),
    ...tuning,
  });
  return { engine, texts: new Map([...index.reports].map(([id, r]) => [id, r.text])) };
}

function temporaryDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rqb-quality-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A question set: one JSON question a line. */
export function readSet(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
}

export interface QualityRun {
  mode: string;
  english: QualityReport;
  chinese: QualityReport;
}

/** The half a question belongs to, from a hash of its text (stable across runs and edits of other questions). */
export function splitOf(q: EvalQuestion): 'tune' | 'held-out' {
  let h = 2166136261;
  for (const ch of q.q) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return (h >>> 0) % 2 === 0 ? 'tune' : 'held-out';
}

/** Answers every question of the set and scores English and Chinese separately. */
export async function scoreSet(
  built: { engine: AnswerEngine; texts: Map<string, string> },
  set: EvalQuestion[],
  mode: string,
): Promise<QualityRun> {
  const run = async (questions: EvalQuestion[]): Promise<QualityReport> => {
    const answers = [];
    for (const q of questions) answers.push(await built.engine.answer(q.q, 3));
    return evaluate(questions, answers, built.texts);
  };
  return {
    mode,
    english: await run(set.filter((q) => q.lang !== 'zh')),
    chinese: await run(set.filter((q) => q.lang === 'zh')),
  };
}
