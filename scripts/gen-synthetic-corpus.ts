/**
 * Writes a synthetic corpus for scale benchmarks: N report files in the layout of the real
 * report (header, numbered parts, subsections, "First, …" items), with report-like sentences
 * made from the real report's vocabulary and random figures. Deterministic for a given seed.
 *
 * Usage: npx tsx scripts/gen-synthetic-corpus.ts <outDir> [reports=1000] [paragraphsPerReport=45]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const COUNTIES = [
  'Zuoyun',
  'Yanggao',
  'Tianzhen',
  'Guangling',
  'Lingqiu',
  'Hunyuan',
  'Xinrong',
  'Pingcheng',
  'Yungang',
  'Yunzhou',
  'Shanyin',
  'Yingxian',
  'Huairen',
  'Youyu',
  'Pianguan',
  'Hequ',
  'Baode',
  'Wuzhai',
  'Kelan',
  'Ningwu',
];
const KINDS = [
  'Rule of Law Government',
  'Government Information Disclosure',
  'Environmental Protection',
  'Public Legal Services',
  'Business Environment',
];
const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];

export function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 4294967296;
  };
}

/** Report-like text generator over a vocabulary taken from a real report. */
export function syntheticReport(
  vocabulary: string[],
  index: number,
  paragraphs: number,
): { name: string; text: string; topic: number } {
  const rand = prng(index * 7919 + 1);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const county = COUNTIES[index % COUNTIES.length]!;
  const year = 2015 + (index % 10);
  const kind = KINDS[Math.floor(index / COUNTIES.length) % KINDS.length];
  const topic = index % 50;
  // Each report leans on its own slice of the vocabulary, so reports differ as real ones do.
  const topical = vocabulary.slice(
    (topic * 37) % Math.max(1, vocabulary.length - 60),
    ((topic * 37) % Math.max(1, vocabulary.length - 60)) + 60,
  );
  const word = (): string => (rand() < 0.35 ? pick(topical) : pick(vocabulary));
  const sentence = (): string => {
    const n = 10 + Math.floor(rand() * 18);
    const words = Array.from({ length: n }, word);
    if (rand() < 0.5) words.splice(Math.floor(rand() * n), 0, String(Math.floor(rand() * 5000)));
    if (rand() < 0.15) words.splice(Math.floor(rand() * n), 0, `${(rand() * 100).toFixed(2)}%`);
    const s = words.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const lines = [
    `Index number: ${100000 + index}/${year + 1}-${String(index).padStart(5, '0')}`,
    'Information classification: Government documents',
    `Issued by: People's Government of ${county} County`,
    `Date of issue: ${year + 1}-01-${String(1 + (index % 28)).padStart(2, '0')} 10:00`,
    `The People's Government of ${county} County ${year} Annual Report on ${kind}`,
    `Document No.: ${county.slice(0, 2).toUpperCase()}F [${year + 1}] No. ${1 + (index % 40)}`,
    '',
    `Datong Municipal People's Government:`,
    '',
    Array.from({ length: 3 }, sentence).join(' '),
  ];
  let written = 0;
  for (let part = 1; written < paragraphs; part++) {
    lines.push('', `${part}、 ${sentence().slice(0, -1)}`);
    for (let sub = 1; sub <= 4 && written < paragraphs; sub++) {
      lines.push('', `(${sub}) ${sentence().slice(0, -1)}`);
      for (let item = 0; item < 3 && written < paragraphs; item++, written++) {
        lines.push(
          '',
          `${ORDINALS[item]}, ${sentence().slice(0, -1).toLowerCase()}. ${Array.from({ length: 3 + Math.floor(rand() * 6) }, sentence).join(' ')}`,
        );
      }
    }
  }
  lines.push('', `People's Government of ${county} County`, '', `January ${1 + (index % 28)}, ${year + 1}`, '');
  return {
    name: `synthetic-${String(index).padStart(4, '0')}-${county.toLowerCase()}-${year}.txt`,
    text: lines.join('\n'),
    topic,
  };
}

export function vocabularyOf(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[a-z]{3,}/g) ?? [])];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? 'data/synthetic-corpus');
  const reports = Number(process.argv[3] ?? 1000);
  const paragraphs = Number(process.argv[4] ?? 45);
  const vocabulary = vocabularyOf(readFileSync('corpus/zuoyun-2023-rule-of-law-report.txt', 'utf8'));
  mkdirSync(out, { recursive: true });
  for (let i = 0; i < reports; i++) {
    const r = syntheticReport(vocabulary, i, paragraphs);
    writeFileSync(join(out, r.name), r.text);
  }
  process.stderr.write(`${reports} synthetic reports written to ${out}\n`);
}
