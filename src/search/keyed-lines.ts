/** The cache format of the glossary and the thesaurus: one "key<TAB>value<SEP>value…" per line. Pure. */
export function parseKeyedLines(text: string, separator: string): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) entries.set(line.slice(0, tab), line.slice(tab + 1).split(separator));
  }
  return entries;
}
