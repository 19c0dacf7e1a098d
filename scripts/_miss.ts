import { tmpdir } from 'node:os';
import { CONFIDENCE } from '../src/answer/confidence.js';
import { firstHit } from '../src/answer/evaluate.js';
import { loadEmbedder, OFFLINE_MODEL } from '../src/search/embedder.js';
import { buildEngine, loadSet, splitOf } from './bench-quality.js';
const open = { ...CONFIDENCE, minCoverage: -1, minRelatedness: -Infinity };
const offline = await loadEmbedder(OFFLINE_MODEL, tmpdir());
const built = await buildEngine('corpus', offline, process.env.GATE ? undefined : open);
for (const name of ['dev-questions.jsonl', 'dev-realistic.jsonl']) {
  for (const q of loadSet(name).filter((q) => splitOf(q) === 'tune' && q.lang !== 'zh' && !q.unanswerable)) {
    const a = await built.engine.answer(q.q, 3);
    const r = firstHit(a, q.gold);
    if (r !== 0) console.log(`${r} | ${q.q}\n    gold: ${q.gold[0].slice(0,80)}\n    got: ${a.answers[0]?.quote.text.slice(0, 100)}`);
  }
}
