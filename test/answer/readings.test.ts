import { describe, expect, it } from 'vitest';
import {
  withClosedSpellings,
  withCompounds,
  withFamily,
  withGlossSynonyms,
  withOtherForms,
  type TermIndex,
} from '../../src/answer/readings.js';
import type { Concept } from '../../src/search/concept.js';
import { SYNONYM_CREDIT } from '../../src/search/vocabulary.js';

/** An index holding these terms (idf 1 each). */
function indexOf(...terms: string[]): TermIndex {
  const held = new Set(terms);
  return {
    idf: (t) => (held.has(t) ? 1 : 0),
    termsWithPrefix: (p) => [...held].filter((t) => t.startsWith(p)).sort(),
  };
}

const word = (t: string): Concept => ({ senses: [[[t]]], weight: 1 });
const S = SYNONYM_CREDIT;

describe('withFamily: a word the reports never use matches its family there', () => {
  it('takes terms one letter longer and the stem one letter shorter, credited as synonyms', () => {
    const index = indexOf('notari', 'notar', 'notariz', 'notarizationx', 'notar1');
    expect(withFamily(word('notar'), indexOf('notari', 'notarx'))).toEqual({
      senses: [[['notar']], [['notari']], [['notarx']]],
      credits: [1, S, S],
      weight: 1,
    });
    // "notar" is held: the word itself is there, nothing is added.
    expect(withFamily(word('notar'), index)).toEqual(word('notar'));
    // One letter shorter: "adminis" → "admini" (held); two letters longer is another word.
    expect(withFamily(word('adminis'), indexOf('admini', 'administr'))).toEqual({
      senses: [[['adminis']], [['admini']]],
      credits: [1, S],
      weight: 1,
    });
  });

  it('leaves short stems, numbers, several words and translated concepts alone', () => {
    expect(withFamily(word('popu'), indexOf('popul'))).toEqual(word('popu')); // 4 letters: too short to be a family
    expect(withFamily(word('abcd1'), indexOf('abcd1x'))).toEqual(word('abcd1'));
    expect(withFamily(word('1abcd'), indexOf('1abcdx'))).toEqual(word('1abcd'));
    expect(withFamily(word('abc12'), indexOf('abc123'))).toEqual(word('abc12'));
    // The shorter stem must itself be five letters.
    expect(withFamily(word('popul'), indexOf('popu'))).toEqual(word('popul'));
    const two: Concept = { senses: [[['notar'], ['offic']]], weight: 1 };
    expect(withFamily(two, indexOf('notari'))).toEqual(two);
    const synonyms: Concept = { senses: [[['notar']], [['lawyer']]], credits: [1, S], weight: 1 };
    expect(withFamily(synonyms, indexOf('notari'))).toEqual(synonyms);
    const translated: Concept = { senses: [[['notar']]], weight: 1, translated: true };
    expect(withFamily(translated, indexOf('notari'))).toEqual(translated);
  });

  it('takes the shorter stem only when the index holds it and it has five letters', () => {
    expect(withFamily(word('notari'), indexOf('notar'))).toEqual({
      senses: [[['notari']], [['notar']]],
      credits: [1, S],
      weight: 1,
    });
    expect(withFamily(word('notari'), indexOf('court'))).toEqual(word('notari'));
  });

  it('takes at most eight family words, letters only', () => {
    const many = indexOf(...'abcdefghij'.split('').map((l) => `regis${l}`), 'regis1');
    const widened = withFamily(word('regis'), many);
    expect(widened.senses.slice(1).flat(2)).toEqual([
      'regisa',
      'regisb',
      'regisc',
      'regisd',
      'regise',
      'regisf',
      'regisg',
      'regish',
    ]);
  });
});

describe('withCompounds: a word also matches the closed compounds that hold it', () => {
  const compounds = (t: string): string[] => (t === 'govern' ? ['governmentwid', 'govern'] : []);

  it('adds each compound once, credited as a synonym, after the readings it had', () => {
    const c: Concept = { senses: [[['govern']], [['author']]], credits: [1, S], weight: 1 };
    expect(withCompounds(c, compounds)).toEqual({
      senses: [[['govern']], [['author']], [['governmentwid']]],
      credits: [1, S, S],
      weight: 1,
    });
    // A phrase holding the compound is another reading: the compound alone is still added.
    const phrase: Concept = { senses: [[['govern']], [['governmentwid'], ['offic']]], credits: [1, S], weight: 1 };
    expect(withCompounds(phrase, compounds).senses.at(-1)).toEqual([['governmentwid']]);
    expect(withCompounds(word('govern'), compounds)).toEqual({
      senses: [[['govern']], [['governmentwid']]],
      credits: [1, S],
      weight: 1,
    });
  });

  it('leaves a concept alone when it has no compounds, several words, or is a translation', () => {
    expect(withCompounds(word('court'), compounds)).toEqual(word('court'));
    const phrase: Concept = { senses: [[['govern'], ['servic']]], weight: 1 };
    expect(withCompounds(phrase, compounds)).toEqual(phrase);
    const forms: Concept = { senses: [[['govern', 'governor']]], weight: 1 };
    expect(withCompounds(forms, compounds)).toEqual(forms);
    const translated: Concept = { senses: [[['govern']]], weight: 1, translated: true };
    expect(withCompounds(translated, compounds)).toEqual(translated);
    expect(withCompounds({ senses: [], weight: 1 }, compounds)).toEqual({ senses: [], weight: 1 });
  });
});

describe('withClosedSpellings: two words in a row also read the one word the reports write for them', () => {
  it('adds the closed form to both words, as themselves', () => {
    const concepts = [word('citi'), word('open'), word('311')];
    expect(withClosedSpellings(concepts, ['citi', 'open', '311'], indexOf('open311', 'citi'))).toEqual([
      word('citi'),
      { senses: [[['open']], [['open311']]], credits: [1, 1], weight: 1 },
      { senses: [[['311']], [['open311']]], credits: [1, 1], weight: 1 },
    ]);
  });

  it('leaves words the reports never join, and translations', () => {
    const concepts = [word('gc'), word('form')];
    expect(withClosedSpellings(concepts, ['gc', 'form'], indexOf('gc', 'form'))).toEqual(concepts);
    const translated: Concept[] = [{ ...word('gc'), translated: true }, word('form')];
    expect(withClosedSpellings(translated, ['gc', 'form'], indexOf('gcform'))[0]).toEqual(translated[0]);
  });
});

describe('withOtherForms: a gloss matches the indexed forms its stems begin', () => {
  it('adds the forms of stems of five letters or more and keeps the readings the reports bear', () => {
    const glossed: Concept = {
      senses: [[['recon']], [['lead']], [['court'], ['zebra']], [['rate']]],
      weight: 1,
      translated: true,
    };
    expect(withOtherForms(glossed, indexOf('reconsider', 'rate', 'court'))).toEqual({
      senses: [[['recon', 'reconsider']], [['rate']]],
      weight: 1,
      translated: true,
    });
  });

  it('keeps every reading when the reports bear none, and leaves short stems and untranslated concepts', () => {
    const glossed: Concept = { senses: [[['zebra']], [['lion']]], weight: 1, translated: true };
    expect(withOtherForms(glossed, indexOf('court'))).toEqual(glossed);
    const short: Concept = { senses: [[['rate']]], weight: 1, translated: true };
    expect(withOtherForms(short, indexOf('rated', 'rate'))).toEqual(short);
    const numeric: Concept = { senses: [[['2023x']], [['abcde1']]], weight: 1, translated: true };
    expect(withOtherForms(numeric, indexOf('2023xy', 'abcde12'))).toEqual(numeric);
    expect(withOtherForms(word('reconsid'), indexOf('reconsider'))).toEqual(word('reconsid'));
  });
});

describe('withGlossSynonyms: a gloss the reports never use is read by its synonyms', () => {
  const synonyms = (w: string): string[][][] => (w === 'compulsory' ? [[['mandatori']], [['requir']]] : []);
  const glossed: Concept = {
    senses: [[['forc']], [['compulsori']], [['强制']]],
    glosses: ['force', 'compulsory', ''],
    weight: 1,
    translated: true,
  };

  it('adds the synonyms of one-word glosses, credited as synonyms, when no reading is in the reports', () => {
    expect(withGlossSynonyms(glossed, synonyms, indexOf('mandatori'))).toEqual({
      ...glossed,
      senses: [...glossed.senses, [['mandatori']], [['requir']]],
      credits: [1, 1, 1, S, S],
      glosses: ['force', 'compulsory', '', 'mandatori', 'requir'],
    });
  });

  it('leaves a concept the reports already read, and English words', () => {
    expect(withGlossSynonyms(glossed, synonyms, indexOf('forc', 'mandatori'))).toEqual(glossed);
    expect(withGlossSynonyms(word('compulsori'), synonyms, indexOf())).toEqual(word('compulsori'));
  });
});
