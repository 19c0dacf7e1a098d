/**
 * The peer the start-up targets are measured against (issue "Start in a blink"): a minimal
 * MiniSearch CLI that rebuilds its index from CORPUS_DIR's text reports on every run and
 * prints the best paragraph for one question. Not product code; `npm run bench:peer` times it
 * against the compiled `ask` CLI.
 *
 *   node scripts/peer-minisearch.mjs "question"
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';

const dir = process.env.CORPUS_DIR ?? 'corpus';
const docs = [];
for (const name of readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)))
  readFileSync(join(dir, name), 'utf8')
    .split(/\n+/)
    .filter((p) => p.trim())
    .forEach((text, i) => docs.push({ id: `${name}#${i + 1}`, text }));
const search = new MiniSearch({ fields: ['text'], storeFields: ['text'] });
search.addAll(docs);
const [best] = search.search(process.argv.slice(2).join(' '), { fuzzy: 0.2, prefix: true });
process.stdout.write(best ? `«${best.text}»\n— ${best.id}\n` : 'No match.\n');
