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
    // Neighbouring ids are not neighbours: a forged id next to one's own finds nothing.
    expect(await cache.get((parseInt(ids[0]!, 36) + 1).toString(36), 1)).toBeUndefined();
  });
});
