import { tmpdir } from 'node:os';
import { CONFIDENCE } from '../src/answer/confidence.js';
import { WEIGHTS } from '../src/answer/rerank.js';
import { loadEmbedder, OFFLINE_MODEL } from '../src/search/embedder.js';
import { buildEngine, loadSet, scoreSet, splitOf } from './bench-quality.js';
const w = WEIGHTS as Record<string, number>;
for (const kv of (process.env.W ?? '').split(',').filter(Boolean)) { const [k, v] = kv.split('='); w[k] = Number(v); }
const open = { ...CONFIDENCE, minCoverage: -1, minRelatedness: -Infinity };
const offline = process.env.LEX ? undefined : await loadEmbedder(OFFLINE_MODEL, tmpdir());
const built = await buildEngine('corpus', offline, process.env.GATE ? undefined : open);
const half = process.env.HALF ?? 'tune';
const out: string[] = [];
for (const name of ['dev-questions.jsonl', 'dev-realistic.jsonl']) {
  const r = await scoreSet(built, loadSet(name).filter((q) => splitOf(q) === half), 'x');
  out.push(`${name} en ${r.english.hitAt1.toFixed(3)}/${r.english.hitAt3.toFixed(3)} ref ${r.english.falseAbstentions} low ${r.english.lowConfidence} un ${r.english.unanswerableHandled} unhigh ${r.english.unanswerableHigh} | zh ${r.chinese.hitAt1.toFixed(3)}/${r.chinese.hitAt3.toFixed(3)}`);
}
console.log(process.env.W ?? '', '\n ', out.join('\n  '));
