import { describe, expect, it } from 'vitest';
import { conceptTerms, oneWordTerms } from '../../src/search/concept.js';

describe('a concept', () => {
  it("reads a phrase's words together: its one-word readings are not the phrase's words one by one", () => {
    const phone = { senses: [[['phone']], [['telephon']], [['telephon'], ['set']], [['call']]], weight: 1 };
    expect(conceptTerms(phone)).toEqual(['phone', 'telephon', 'set', 'call']);
    expect(oneWordTerms(phone)).toEqual(['phone', 'telephon', 'call']);
    // A word's alternative forms are one reading of one word.
    expect(oneWordTerms({ senses: [[['help', 'assist', 'aid']]], weight: 1 })).toEqual(['help', 'assist', 'aid']);
  });
});
