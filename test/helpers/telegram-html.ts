/** Checks a message the way Telegram's HTML parse mode would refuse it. */
import { expect } from 'vitest';

const TAGS = /<(\/?)([\w-]+)[^>]*>/g;
/** The tags Telegram's HTML parse mode accepts. */
const TELEGRAM_TAGS = [
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
];

/**
 * Fails the test unless `text` is at most 4096 characters of balanced, properly nested Telegram HTML with valid
 * entities.
 */
export function expectValidTelegramHtml(text: string): void {
  expect(text.length).toBeLessThanOrEqual(4096);
  const stack: string[] = [];
  for (const m of text.matchAll(TAGS)) {
    expect(TELEGRAM_TAGS).toContain(m[2]);
    if (m[1]) expect(stack.pop(), text.slice(0, 200)).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(text.replace(TAGS, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot);)/);
  // A lone surrogate (half an emoji) is not valid UTF-8 either.
  expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
}
