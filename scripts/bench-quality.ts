/**
 * `npm run bench:quality [-- --sweep] [-- --misses] [-- --json out.json]`: answer quality on
 * both development sets (test/fixtures/eval: copies of ../shared/eval), each split in two
 * halves by a hash of the question text: "tune" (what thresholds were chosen on) and
 * "held-out" (reported, never tuned on). Modes: lexical only; hybrid with the bundled
 * offline model (what a machine without the hub gets); hybrid with the tiny test model.
 * Indexes are built in temporary directories.
 *
 * When ../shared/eval/acceptance holds the CDS annual report PDF, how it reads (scripts/pdf-reading.ts).
 *
 * --sweep prints the tuning half's figures as each confidence threshold and ranking weight
 * moves around its value (CONFIDENCE in src/answer/confidence.ts, WEIGHTS in rerank.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIDENCE, type Thresholds } from '../src/answer/confidence.js';
import { WEIGHTS, type Weights } from '../src/answer/rerank.js';
import type { EvalQuestion, QualityReport } from '../src/answer/evaluate.js';
import { loadEmbedder, OFFLINE_MODEL, type Embedder } from '../src/search/embedder.js';
import { buildTinyModel } from '../test/helpers/tiny-model.js';
import { pdfReading, printPdfReading } from './pdf-reading.js';
import { scoreReports, type ReportRun } from './quality-reports.js';
import { buildEngine, EVAL_SETS, loadSet, scoreSet, splitOf, type QualityRun } from '../test/helpers/quality.js';

function row(label: string, r: QualityReport): string {
  return `| ${label} | ${r.questions} | ${r.hitAt1.toFixed(3)} | ${r.hitAt3.toFixed(3)} | ${r.falseAbstentions} | ${r.lowConfidence} | ${r.unanswerableHandled} | ${r.unanswerableHigh} | ${r.verbatimRate.toFixed(3)} | ${r.citationCompleteness.toFixed(3)} | ${r.medianQuoteChars} |`;
}

const HEADER = `| set · half · mode · language | answerable | hit@1 | hit@3 | answerable refused | answerable low | unanswerable refused or low | unanswerable high | verbatim | cited | median quote chars |
|---|---|---|---|---|---|---|---|---|---|---|`;

const REPORT_HEADER = HEADER.replace('set · half · mode · language', 'report · index · half · language');

async function sweep(corpusDir: string, embedder: Embedder | undefined, sets: EvalQuestion[][]): Promise<void> {
  const tune = sets.flat().filter((q) => splitOf(q) === 'tune' && q.lang !== 'zh');
  const run = async (tuning: { thresholds?: Thresholds; weights?: Weights }): Promise<QualityReport> =>
    (await scoreSet(await buildEngine(corpusDir, embedder, tuning), tune, '')).english;
  const show = (setting: string, chosen: boolean, r: QualityReport): void =>
    console.log(
      `  ${setting}${chosen ? ' (chosen)' : ''} → ${r.hitAt1.toFixed(3)}, ${r.hitAt3.toFixed(3)}, ${r.falseAbstentions}, ${r.lowConfidence}, ${r.unanswerableHandled}, ${r.unanswerableHigh}`,
    );
  console.log(
    `\nSweep (${embedder ? 'hybrid, offline model' : 'lexical'}; tuning half of every set, English): setting → hit@1, hit@3, answerable refused, answerable low, unanswerable refused-or-low, unanswerable high`,
  );
  const thresholds: [keyof Thresholds, number[]][] = [
    ['highCoverage', [0.45, 0.5, 0.55, 0.6, 0.65]],
    ['minCoverage', [0.2, 0.25, 0.3, 0.35]],
    ['highRelatedness', [3, 3.5, 4, 5]],
    ['supportRelatedness', [2, 2.5, 3, 3.5]],
    ['supportCoverage', [0.3, 0.35, 0.4, 0.45]],
    ['minRelatedness', [0.5, 1, 1.5, 2, 2.5]],
    ['unrelated', [0, 0.5, 1, 1.5]],
    ['clearMargin', [0.15, 0.2, 0.25, 0.3]],
    ['marginCoverage', [0.2, 0.25, 0.3, 0.35]],
    ['openCoverage', [0.2, 0.25, 0.3, 0.35, 0.4, 0.45]],
    ['openRelatedness', [1, 1.5, 2, 2.5, 3]],
    ['judged', [1, 2, 3, 5]],
    ['figureWindow', [2, 3, 4, 6]],
    ['dateWindow', [4, 6, 8, 12]],
    ['translatedCoverage', [0.6, 0.75, 0.9, 1]],
    ['commonShare', [0.1, 0.15, 0.2, 0.3]],
  ];
  for (const [key, values] of thresholds)
    for (const value of values)
      show(`${key}=${value}`, value === CONFIDENCE[key], await run({ thresholds: { ...CONFIDENCE, [key]: value } }));
  const weights: [keyof Weights, number[]][] = [
    ['paragraph', [0.15, 0.25, 0.35]],
    ['heading', [0.4, 0.6, 0.8]],
    ['phrase', [0.2, 0.3, 0.4]],
    ['figure', [0.08, 0.12, 0.2]],
    ['runnerUp', [0, 0.1, 0.25, 0.5]],
    ['timeFrame', [0, 0.06, 0.12, 0.2, 0.3]],
    ['polarity', [0, 0.06, 0.12, 0.2]],
    ['dense', [0.35, 0.6, 0.8, 1]],
    ['denseParagraph', [0.3, 0.5, 0.7]],
    ['relatedScale', [3, 5, 8]],
  ];
  if (!embedder) weights.splice(5);
  for (const [key, values] of weights)
    for (const value of values)
      show(`${key}=${value}`, value === WEIGHTS[key], await run({ weights: { ...WEIGHTS, [key]: value } }));
}

async function main(argv: string[]): Promise<void> {
  const corpusDir = resolve(process.env.CORPUS_DIR ?? 'corpus');
  const modelRoot = mkdtempSync(join(tmpdir(), 'rqb-model-'));
  const tiny = await loadEmbedder(
    buildTinyModel(join(modelRoot, 'tiny-test-model'), [
      readFileSync(join(corpusDir, 'zuoyun-2023-rule-of-law-report.txt'), 'utf8'),
    ]),
    tmpdir(),
  );
  const offline = await loadEmbedder(OFFLINE_MODEL, tmpdir());
  const sets = EVAL_SETS.map((name) => loadSet(name));
  const runs: (QualityRun & { set: string; half: string })[] = [];
  for (const [mode, embedder] of [
    ['lexical', undefined],
    ['offline model', offline],
    ['tiny test model', tiny],
  ] as const) {
    const built = await buildEngine(corpusDir, embedder);
    for (const [i, name] of EVAL_SETS.entries()) {
      for (const half of ['tune', 'held-out'] as const)
        runs.push({
          ...(await scoreSet(
            built,
            sets[i]!.filter((q) => splitOf(q) === half),
            mode,
          )),
          set: name,
          half,
        });
    }
  }
  console.log(
    `Question sets: ${EVAL_SETS.map((n) => join('test/fixtures/eval', n)).join(', ')}; each split by question hash into a tuning half and a held-out half.`,
  );
  console.log(HEADER);
  for (const r of runs) {
    const label = `${r.set.replace('.jsonl', '')} · ${r.half} · ${r.mode}`;
    if (r.english.questions || r.english.unanswerableHandled !== '0/0')
      console.log(row(`${label} · English`, r.english));
    if (r.chinese.questions) console.log(row(`${label} · Chinese`, r.chinese));
  }
  console.log(
    '\nEvery development report (the offline model): each alone in its own index, all in one index, and left out of the threshold choice',
  );
  const reportRuns = await scoreReports(offline, 'offline model', (line) => console.log(line));
  console.log(REPORT_HEADER);
  for (const r of reportRuns) {
    console.log(row(`${r.report} · ${r.setup} · ${r.half} · English`, r.english));
    if (r.chinese.questions) console.log(row(`${r.report} · ${r.setup} · ${r.half} · Chinese`, r.chinese));
  }
  const reading = await pdfReading();
  if (reading) printPdfReading(reading, (line) => console.log(line));
  if (argv.includes('--misses'))
    for (const r of runs)
      console.log(
        `\n${r.set} ${r.half} ${r.mode} misses (English):\n  ${r.english.misses.join('\n  ')}\n  (Chinese):\n  ${r.chinese.misses.join('\n  ')}`,
      );
  if (argv.includes('--sweep')) {
    await sweep(corpusDir, undefined, sets);
    await sweep(corpusDir, offline, sets);
  }
  rmSync(modelRoot, { recursive: true, force: true });
  const out = argv[argv.indexOf('--json') + 1];
  if (argv.includes('--json') && out)
    writeFileSync(out, JSON.stringify({ zuoyun: runs, reports: reportRuns satisfies ReportRun[] }, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
