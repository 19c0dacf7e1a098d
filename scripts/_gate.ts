import { tmpdir } from 'node:os';
import { firstHit } from '../src/answer/evaluate.js';
import { loadEmbedder, OFFLINE_MODEL } from '../src/search/embedder.js';
import { buildEngine, loadSet, splitOf } from './bench-quality.js';
const offline = process.env.LEX ? undefined : await loadEmbedder(OFFLINE_MODEL, tmpdir());
const built = await buildEngine('corpus', offline);
const rows = [];
for (const name of ['dev-questions.jsonl', 'dev-realistic.jsonl', 'off-topic.jsonl']) {
  for (const q of loadSet(name).filter((q) => splitOf(q) === (process.env.HALF ?? 'tune'))) {
    const a = await built.engine.answer(q.q, 3);
    rows.push({ set: name.slice(0, 8), zh: q.lang === 'zh', un: !!q.unanswerable, hit: q.unanswerable ? null : firstHit(a, q.gold) === 0, cov: a.evidence?.coverage, rel: a.evidence?.related, fits: a.evidence?.fits, margin: a.evidence?.margin, q: q.q.slice(0, 60) });
  }
}
rows.sort((a, b) => (a.cov ?? 0) - (b.cov ?? 0));
if (process.env.JSON) console.log(JSON.stringify(rows)); else for (const r of rows) console.log(`${r.set} ${r.zh ? "zh" : "en"} ${r.un ? "UN " : r.hit ? "hit" : "---"} cov=${r.cov?.toFixed(2)} rel=${r.rel?.toFixed(1)} ${r.q}`);
