/**
 * Prints the mutation score per folder from Stryker's JSON report (reports/mutation/mutation.json,
 * written by `npm run test:mutation`): of the mutants in a folder's code, the share some test
 * noticed (killed, or timed out). A mutant no test even runs counts as survived.
 */
import { readFileSync } from 'node:fs';

interface Mutant {
  status: string;
}

const REPORT = process.argv[2] ?? 'reports/mutation/mutation.json';
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The folder a file's score is reported under: src/answer, src/corpus (formats included), src/search. */
function folderOf(path: string): string {
  return path.split('/').slice(0, 2).join('/');
}

const files = (JSON.parse(readFileSync(REPORT, 'utf8')) as { files: Record<string, { mutants: Mutant[] }> }).files;
const folders = new Map<string, { detected: number; undetected: number }>();
for (const [path, { mutants }] of Object.entries(files)) {
  const f = folders.get(folderOf(path)) ?? { detected: 0, undetected: 0 };
  for (const m of mutants) {
    if (DETECTED.has(m.status)) f.detected++;
    else if (UNDETECTED.has(m.status)) f.undetected++;
  }
  folders.set(folderOf(path), f);
}
console.log('| folder | mutants | detected | survived | score |\n|---|---|---|---|---|');
for (const [folder, { detected, undetected }] of [...folders].sort()) {
  const total = detected + undetected;
  console.log(`| ${folder}/ | ${total} | ${detected} | ${undetected} | ${((100 * detected) / total).toFixed(1)} % |`);
}
