import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { AnswerCache } from '../../src/bot/answer-cache.js';
import { decodeCallback, encodeCallback } from '../../src/bot/callback-data.js';

const answer = (question: string): Answer => ({
  question,
  abstained: false,
  answers: [],
  nearestSections: [],
  mode: 'lexical',
});

describe('AnswerCache', () => {
  it('gives an answer back only to the chat it was sent to', async () => {
    const cache = new AnswerCache();
    const id = await cache.put(answer('mine'), 1);
    expect((await cache.get(id, 1))?.question).toBe('mine');
    expect(await cache.get(id, 2)).toBeUndefined();
  });

  it('uses unguessable ids that fit in callback data', async () => {
    const cache = new AnswerCache();
    const ids = await Promise.all(Array.from({ length: 200 }, (_, i) => cache.put(answer(String(i)), 1)));
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-z]{12}$/);
      expect(decodeCallback(encodeCallback({ kind: 'view', question: id, page: 2, view: 'wider' }))).toEqual({
        kind: 'view',
        question: id,
        page: 2,
        view: 'wider',
      });
    }
    // Neighbouring ids are not neighbours: a forged id next to one's own finds nothing. (In BigInt: an id of 12 base-36
    // digits is past a double's exact integers, where "+ 1" is lost and the id, when exact, comes back as itself.)
    const next =
      Array.from(ids[0]!.matchAll(/[0-9a-z]/g), ([digit]) => BigInt(parseInt(digit, 36))).reduce(
        (n, d) => n * 36n + d,
        0n,
      ) + 1n;
    expect(await cache.get(next.toString(36).padStart(12, '0'), 1)).toBeUndefined();
  });
});
