/**
 * Chinese questions about English reports, offline: segment the question and gloss its
 * words into English query terms. (Filled in by the Chinese-questions work.)
 */
export function expandChineseQuery(_question: string): string[] {
  return [];
}
