import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/answer/engine.js';
import { buildEngine } from '../helpers/quality.js';
import { loadEmbedder, OFFLINE_MODEL } from '../../src/search/embedder.js';
import { REPO, tempDir } from '../helpers/fixtures.js';

// Regression tests for the ways readers word questions (written for these tests, not taken
// from any evaluation set), answered with the bundled offline model as a fresh machine would.
describe("answers in the reader's words", () => {
  let engine: AnswerEngine;
  beforeAll(async () => {
    ({ engine } = await buildEngine(join(REPO, 'corpus'), await loadEmbedder(OFFLINE_MODEL, tmpdir()), {}, tempDir()));
  });
  const top = async (
    q: string,
  ): Promise<{ quote: string; confidence?: string | undefined; abstained: boolean; quotes: string[] }> => {
    const a = await engine.answer(q);
    return {
      quote: a.answers[0]?.quote.text ?? '',
      confidence: a.confidence,
      abstained: a.abstained,
      quotes: a.answers.map((x) => x.quote.text),
    };
  };

  it('a question naming what the report names is not refused, however its other words are put', async () => {
    // "Datong" (the city the report goes to) is in the report; "cool with the plan" is not its wording.
    const answer = await top('is Datong cool with the plan?');
    expect(answer.abstained).toBe(false);
    expect(answer.confidence).toBe('low');
  });

  it('a phrasal verb is read as one word ("hand out" = distribute)', async () => {
    expect((await top('Did they hand out booklets to villages?')).quote).toContain(
      '12000 pamphlets were printed and distributed',
    );
  });

  it("everyday words for the report's terms (synonyms and meaning)", async () => {
    expect((await top('Were any country doctors fired?')).quote).toContain('dismissed three village doctors');
    expect((await top('Were village medics let go?')).quote).toContain('dismissed three village doctors');
  });

  it('typos and British spellings', async () => {
    const typo = await top('How many notarizations did the notery office handel?');
    expect(typo.quote).toContain('handled 420 notaries');
    expect(typo.confidence).toBe('high');
    expect((await top('How many labour disputes were settled?')).quote).toContain('88 labor and personnel disputes');
  });

  it('a chatty question still finds its passage', async () => {
    const chatty = await top(
      "hi there, quick question - I'm curious whether the county has lawyers sitting in on its executive meetings?",
    );
    expect(chatty.abstained).toBe(false);
    expect(chatty.quote).toContain('invite legal advisers to participate in 8 meetings');
  });

  it('a comparison with last year is answered by the year-on-year figure', async () => {
    const change = await top('Did the good air days go up or down on 2022?');
    expect(change.quote).toContain('down 8.5 percentage points year on year');
    expect(change.confidence).toBe('high');
  });

  it('a two-part question is answered for both parts', async () => {
    const both = await top('How many executive meetings were held, and how many mediation statements were issued?');
    expect(both.quotes.some((q) => q.includes('hold 11 executive meetings'))).toBe(true);
    expect(both.quotes.some((q) => q.includes('12 mediation statements'))).toBe(true);
  });

  it('a message that as a whole relates to nothing but has a part the report answers gets that part answered, labelled as partial', async () => {
    const half = await top(
      'Tell me a joke about cats, dogs, pizza and football movies? How many notarizations did the notary office handle?',
    );
    expect(half.abstained).toBe(false);
    expect(half.quote).toContain('handled 420 notaries');
    expect(half.confidence).toBe('low');
  });

  it('never offers the same words twice (the title stands twice in the header)', async () => {
    for (const q of [
      'What is the title of this report?',
      'When was the annual report on the rule of law government put out?',
    ]) {
      const { quotes } = await top(q);
      expect(quotes.length).toBeGreaterThan(1);
      expect(new Set(quotes).size).toBe(quotes.length);
    }
  });

  it('a question about plans is answered from the part of the report about the coming year', async () => {
    // Mediation and permits are 2023 achievements too; what is to come is in part 4.
    expect((await top("What's planned for mediation of disputes in the future?")).quote).toContain(
      'reform of the administrative reconsideration system',
    );
    expect((await top('Any plans to improve how permits are handled next year?')).quote).toContain(
      'improve the level of government services',
    );
  });

  it('a look-alike the report does not answer is never a confident quote; an off-topic one is refused', async () => {
    const otherYear = await top('How many administrative cases did the county have in 2021?');
    expect(otherYear.abstained || otherYear.confidence === 'low').toBe(true);
    const spending = await top('How much did the county spend on road building?');
    expect(spending.abstained || spending.confidence === 'low').toBe(true);
    expect((await top("What's the best pizza place in Datong?")).abstained).toBe(true);
    const nameless = await top('What is the name of the person who heads the notary office?');
    expect(nameless.abstained || nameless.confidence === 'low').toBe(true); // the report names no one there
    expect((await top('Who is Lu Dongliang?')).confidence).toBe('high');
    const elsewhere = await top('How many notarizations did the notary office in Youyu County handle?');
    expect(elsewhere.abstained || elsewhere.confidence === 'low').toBe(true);
    // "What is the X of …" asks for X: the advisers' number of meetings gives no age.
    const age = await top("What's the average age of the legal advisers at the executive meetings?");
    expect(age.abstained || age.confidence === 'low').toBe(true);
    // A count of a kind the report never names ("maritime" cases) is not its count of cases.
    expect((await top('How many administrative cases were filed?')).confidence).toBe('high');
    const kind = await top('How many maritime administrative cases were filed?');
    expect(kind.abstained || kind.confidence === 'low').toBe(true);
    // …but a word the report holds in another of its senses names nothing unknown ("extra", WordNet's "special").
    expect((await top('How many extra administrative cases were filed?')).confidence).toBe('high');
  });
});
