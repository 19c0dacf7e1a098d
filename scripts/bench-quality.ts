/**
 * `npm run bench:quality [-- --sweep] [-- --json out.json]`: retrieval quality on the dev
 * question set (../shared/eval/dev-questions.jsonl, or EVAL_SET), in lexical-only mode and
 * in hybrid mode with the tiny test model. Builds its indexes in a temporary directory.
 *
 * --sweep also prints hit@1 / refusals for a range of refusal thresholds (how MIN_COVERAGE was chosen).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AnswerEngine, MIN_COVERAGE } from '../src/answer/engine.js';
import { evaluate, type EvalQuestion, type QualityReport } from '../src/answer/evaluate.js';
import { ingest } from '../src/ingest.js';
import { chineseExpander, ensureGlossary } from '../src/search/chinese.js';
import { loadEmbedder, type Embedder } from '../src/search/embedder.js';
import { IndexStore, loadIndex } from '../src/search/store.js';
import { buildTinyModel } from './build-tiny-model.js';

export interface QualityRun {
  mode: string;
  english: QualityReport;
  chinese: QualityReport;
}

function loadSet(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
}

/** Builds an index of `corpusDir` in a temp dir and answers every question of the set. */
export async function runQuality(corpusDir: string, set: EvalQuestion[], embedder?: Embedder, minCoverage?: number): Promise<QualityRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rqb-quality-'));
  await ingest({ corpusDir, dataDir, embedder });
  const { index } = loadIndex(new IndexStore(dataDir))!;
  rmSync(dataDir, { recursive: true, force: true });
  const engine = new AnswerEngine(index, { embedder, expandQuery: chineseExpander(await ensureGlossary()), minCoverage });
  const texts = new Map([...index.reports].map(([id, r]) => [id, r.text]));
  const run = async (questions: EvalQuestion[]): Promise<QualityReport> => {
    const answers = [];
    for (const q of questions) answers.push(await engine.answer(q.q, 3));
    return evaluate(questions, answers, texts);
  };
  const english = set.filter((q) => q.lang !== 'zh');
  const chinese = set.filter((q) => q.lang === 'zh');
  return { mode: embedder ? `hybrid (${embedder.id.replace(/^.*[\\/]/, '')})` : 'lexical', english: await run(english), chinese: await run(chinese) };
}

function row(label: string, r: QualityReport): string {
  return `| ${label} | ${r.questions} | ${r.hitAt1.toFixed(3)} | ${r.hitAt3.toFixed(3)} | ${r.mrr.toFixed(3)} | ${r.verbatimRate.toFixed(3)} | ${r.citationCompleteness.toFixed(3)} | ${r.abstained} | ${r.falseAbstentions} | ${r.medianQuoteChars} |`;
}

async function main(argv: string[]): Promise<void> {
  const corpusDir = resolve(process.env.CORPUS_DIR ?? 'corpus');
  const setPath = resolve(process.env.EVAL_SET ?? '../shared/eval/dev-questions.jsonl');
  const set = loadSet(setPath);
  const modelRoot = mkdtempSync(join(tmpdir(), 'rqb-model-'));
  const model = buildTinyModel(join(modelRoot, 'tiny-test-model'), [readFileSync(join(corpusDir, 'zuoyun-2023-rule-of-law-report.txt'), 'utf8')]);
  const tiny = await loadEmbedder(model, tmpdir());
  const runs = [await runQuality(corpusDir, set), await runQuality(corpusDir, set, tiny)];
  console.log(`Question set: ${setPath} (${set.length} questions); refusal threshold MIN_COVERAGE=${MIN_COVERAGE}`);
  console.log('| mode · language | answerable | hit@1 | hit@3 | MRR | verbatim | cited | refused unanswerable | false refusals | median quote chars |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of runs) {
    console.log(row(`${r.mode} · English`, r.english));
    console.log(row(`${r.mode} · Chinese`, r.chinese));
  }
  if (argv.includes('--misses')) for (const r of runs) console.log(`\n${r.mode} misses (English):\n  ${r.english.misses.join('\n  ')}\n${r.mode} misses (Chinese):\n  ${r.chinese.misses.join('\n  ')}`);
  if (argv.includes('--sweep')) {
    console.log('\nRefusal threshold sweep (lexical, English): threshold → hit@1, refused unanswerable, false refusals');
    for (let t = 0.2; t <= 0.701; t += 0.05) {
      const r = await runQuality(corpusDir, set, undefined, t);
      console.log(`  ${t.toFixed(2)} → ${r.english.hitAt1.toFixed(3)}, ${r.english.abstained}, ${r.english.falseAbstentions}`);
    }
  }
  rmSync(modelRoot, { recursive: true, force: true });
  const out = argv[argv.indexOf('--json') + 1];
  if (argv.includes('--json') && out) writeFileSync(out, JSON.stringify(runs, null, 2));
}

if (process.argv[1]?.endsWith('bench-quality.ts')) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
