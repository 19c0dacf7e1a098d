/**
 * Answer quality on every development report, for `npm run bench:quality`: each report alone in
 * an index of its own, all of them in one index, and leave-one-report-out (confidence thresholds
 * chosen on the other reports' tuning halves and the off-topic questions, measured on the report left out). The bundled
 * offline model, as a machine without the hub has.
 *
 * Reports: Zuoyun (corpus/, questions in test/fixtures/eval), the GSA Section 508 assessment
 * (test/fixtures/reports, public domain) and, when ../shared/eval/reports is there, the Hong Kong
 * 2025 Policy Address (evaluation data only: read from there, never copied into the repository).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIDENCE, type Thresholds } from '../src/answer/confidence.js';
import { AnswerEngine } from '../src/answer/engine.js';
import type { EvalQuestion, QualityReport } from '../src/answer/evaluate.js';
import { ingest } from '../src/ingest.js';
import { chineseReaders, ensureGlossary } from '../src/search/chinese.js';
import type { Embedder } from '../src/search/embedder.js';
import { IndexStore } from '../src/search/store.js';
import { loadIndex } from '../src/search/load-index.js';
import { loadThesaurus } from '../src/search/thesaurus.js';
import type { CorpusIndex } from '../src/search/corpus-index.js';
import { tokenize } from '../src/search/tokenize.js';
import { readSet, scoreSet, splitOf, type QualityRun } from '../test/helpers/quality.js';
import { makeProbes, type ProbeKind } from './corpus-probes.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SHARED = join(REPO, '../shared/eval/reports');

export interface DevReport {
  name: string;
  /** The report file and its sidecar, when it has one. */
  files: string[];
  questions: EvalQuestion[];
  /** Unanswerable questions about its topics (test/fixtures/eval/look-alikes), when there are some. */
  lookAlikes: (EvalQuestion & { batch?: number })[];
}

function withSidecar(file: string): string[] {
  const sidecar = file.replace(/\.[^.]+$/, '.meta.json');
  return existsSync(sidecar) ? [file, sidecar] : [file];
}

/** The development reports found here, with their realistic question sets. */
export function devReports(): DevReport[] {
  const reports: DevReport[] = [
    {
      name: 'zuoyun',
      files: withSidecar(join(REPO, 'corpus/zuoyun-2023-rule-of-law-report.txt')),
      questions: readSet(join(REPO, 'test/fixtures/eval/dev-realistic.jsonl')),
      lookAlikes: readSet(join(REPO, 'test/fixtures/eval/look-alikes/zuoyun.jsonl')),
    },
    {
      name: 'gsa',
      files: withSidecar(join(REPO, 'test/fixtures/reports/gsa-fy2025-section-508-assessment.md')),
      questions: readSet(join(REPO, 'test/fixtures/reports/gsa-fy2025-section-508-assessment.questions.jsonl')),
      lookAlikes: readSet(join(REPO, 'test/fixtures/eval/look-alikes/gsa.jsonl')),
    },
  ];
  const hk = join(SHARED, 'hk-2025-policy-address');
  if (existsSync(`${hk}.md`))
    reports.push({
      name: 'hk',
      files: withSidecar(`${hk}.md`),
      questions: readSet(`${hk}.questions.jsonl`),
      lookAlikes: [],
    });
  return reports;
}

interface Built {
  index: CorpusIndex;
  texts: Map<string, string>;
}

/** Ingests the reports' files into a fresh temporary index. */
async function buildIndex(files: string[], embedder: Embedder | undefined, root: string): Promise<Built> {
  const corpusDir = mkdtempSync(join(root, 'c-'));
  const dataDir = mkdtempSync(join(root, 'd-'));
  for (const f of files) copyFileSync(f, join(corpusDir, basename(f)));
  await ingest({ corpusDir, dataDir, embedder });
  const { index } = loadIndex(new IndexStore(dataDir))!;
  return { index, texts: new Map([...index.reports].map(([id, r]) => [id, r.text])) };
}

async function engineOn(
  built: Built,
  embedder: Embedder | undefined,
  thresholds?: Thresholds,
): Promise<{ engine: AnswerEngine; texts: Map<string, string> }> {
  const engine = new AnswerEngine(built.index, {
    embedder,
    ...chineseReaders(await ensureGlossary()),
    thesaurus: loadThesaurus(),
    thresholds,
  });
  return { engine, texts: built.texts };
}

/** The verdicts on questions made from the report itself (corpus-probes.ts), by kind: high / low / refused. */
async function probeTally(name: string, { engine, texts }: { engine: AnswerEngine; texts: Map<string, string> }) {
  const text = [...texts.values()].join('\n');
  const lacks = (word: string): boolean => tokenize(word).every((t) => engine.index.lexical.idf(t) === 0);
  const year = String([...Array(40).keys()].map((k) => 2009 - k).find((y) => !text.includes(String(y))));
  const tally = new Map<ProbeKind, { high: number; low: number; refused: number }>();
  for (const probe of makeProbes(text, lacks, year)) {
    const a = await engine.answer(probe.question);
    const t = tally.get(probe.kind) ?? { high: 0, low: 0, refused: 0 };
    t[a.abstained ? 'refused' : a.confidence === 'low' ? 'low' : 'high']++;
    tally.set(probe.kind, t);
  }
  const kinds = [...tally].map(([kind, t]) => `${kind} ${t.high} / ${t.low} / ${t.refused}`).join(', ');
  return `questions made from ${name} itself (high / low / refused): ${kinds}`;
}

/** How the report's look-alike unanswerable questions are answered, by batch: quoted high / low / refused. */
async function lookAlikeTally(r: DevReport, { engine }: { engine: AnswerEngine }): Promise<string> {
  const tally = new Map<number, { high: number; low: number; refused: number }>();
  for (const q of r.lookAlikes) {
    const a = await engine.answer(q.q);
    const t = tally.get(q.batch ?? 1) ?? { high: 0, low: 0, refused: 0 };
    t[a.abstained ? 'refused' : a.confidence === 'low' ? 'low' : 'high']++;
    tally.set(q.batch ?? 1, t);
  }
  const batches = [...tally].map(([b, t]) => `batch ${b}: ${t.high} / ${t.low} / ${t.refused}`).join(', ');
  return `look-alike unanswerable questions about ${r.name} (quoted high / low / refused): ${batches}`;
}

/**
 * What a threshold setting costs on answerable and unanswerable questions together: an
 * unanswerable question quoted with high confidence costs three, an answerable one refused two,
 * one labelled low one. The same rule the thresholds were first chosen by, as one number.
 */
function cost(r: QualityReport): number {
  return 3 * r.unanswerableHigh + 2 * r.falseAbstentions + r.lowConfidence;
}

/** Candidate values of the thresholds that move confidence most (the rest keep their values). */
const GRID: [keyof Thresholds, number[]][] = [
  ['highCoverage', [0.45, 0.5, 0.55, 0.6, 0.65]],
  ['minCoverage', [0.2, 0.25, 0.3]],
  ['supportRelatedness', [1.5, 2, 2.5, 3]],
  ['openCoverage', [0.25, 0.3, 0.35, 0.4]],
  ['clearMargin', [0.15, 0.25, 0.35]],
];

/** Thresholds chosen on `tune` (one pass of coordinate descent over GRID from CONFIDENCE, lowest cost). */
async function chooseThresholds(
  tune: { built: Built; questions: EvalQuestion[] }[],
  embedder: Embedder | undefined,
): Promise<Thresholds> {
  const total = async (t: Thresholds): Promise<number> => {
    let sum = 0;
    for (const { built, questions } of tune)
      sum += cost((await scoreSet(await engineOn(built, embedder, t), questions, '')).english);
    return sum;
  };
  let best = { ...CONFIDENCE };
  let bestCost = await total(best);
  for (const [key, values] of GRID)
    for (const value of values) {
      if (value === best[key]) continue;
      const candidate = { ...best, [key]: value };
      const c = await total(candidate);
      if (c < bestCost) [best, bestCost] = [candidate, c];
    }
  return best;
}

export interface ReportRun extends QualityRun {
  report: string;
  setup: string;
  half: string;
}

/** Every report alone (both halves), all together, and leave-one-report-out (held-out halves). */
export async function scoreReports(
  embedder: Embedder | undefined,
  mode: string,
  log: (line: string) => void,
): Promise<ReportRun[]> {
  const root = mkdtempSync(join(tmpdir(), 'rqb-reports-'));
  try {
    const reports = devReports();
    const alone = new Map<string, Built>();
    for (const r of reports) alone.set(r.name, await buildIndex(r.files, embedder, root));
    const together = await buildIndex(
      reports.flatMap((r) => r.files),
      embedder,
      root,
    );
    const runs: ReportRun[] = [];
    const half = (r: DevReport, h: 'tune' | 'held-out'): EvalQuestion[] => r.questions.filter((q) => splitOf(q) === h);
    for (const r of reports) log(await probeTally(r.name, await engineOn(alone.get(r.name)!, embedder)));
    for (const r of reports.filter((o) => o.lookAlikes.length))
      log(await lookAlikeTally(r, await engineOn(alone.get(r.name)!, embedder)));
    for (const r of reports) {
      const own = await engineOn(alone.get(r.name)!, embedder);
      const all = await engineOn(together, embedder);
      for (const h of ['tune', 'held-out'] as const) {
        runs.push({ ...(await scoreSet(own, half(r, h), mode)), report: r.name, setup: 'alone', half: h });
        runs.push({ ...(await scoreSet(all, half(r, h), mode)), report: r.name, setup: 'all reports', half: h });
      }
    }
    for (const r of reports) {
      // Off-topic questions fit no report: each fold's choice also pays for those it would quote with high confidence.
      const offTopic = readSet(join(REPO, 'test/fixtures/eval/off-topic.jsonl')).filter((q) => splitOf(q) === 'tune');
      const others = reports
        .filter((o) => o !== r)
        .map((o) => ({ built: alone.get(o.name)!, questions: [...half(o, 'tune'), ...offTopic] }));
      const chosen = await chooseThresholds(others, embedder);
      const changed = Object.entries(chosen).filter(([k, v]) => CONFIDENCE[k as keyof Thresholds] !== v);
      log(
        `leave-one-out ${r.name}: thresholds chosen on ${reports
          .filter((o) => o !== r)
          .map((o) => o.name)
          .join(' + ')}: ${changed.length ? changed.map(([k, v]) => `${k}=${v}`).join(', ') : 'as they are'}`,
      );
      runs.push({
        ...(await scoreSet(await engineOn(alone.get(r.name)!, embedder, chosen), half(r, 'held-out'), mode)),
        report: r.name,
        setup: 'left out',
        half: 'held-out',
      });
    }
    return runs;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
