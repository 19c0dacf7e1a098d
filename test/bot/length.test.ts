import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import { answerView } from '../../src/bot/reply.js';
import { VIEWS } from '../../src/bot/callback-data.js';
import {
  answerHtml,
  clipQuote,
  clipText,
  contextMessages,
  hardSplit,
  packMessages,
  reportLine,
  sectionOutline,
} from '../../src/bot/format.js';
import { STRINGS } from '../../src/bot/i18n.js';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import { noticePayload } from '../../src/notices/notifier.js';
import { NOTICE_STRINGS } from '../../src/notices/strings.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';
import { prng } from '../helpers/offline-bot.js';
import { expectValidTelegramHtml } from '../helpers/telegram-html.js';

const WORDS = [
  'court',
  'cases',
  'law',
  'R&D',
  '<budget>',
  'mediation',
  '🙂',
  '行政',
  'fees',
  '46.55%',
  'No. 2',
  'village',
  'doctors',
  '&amp;',
  'x'.repeat(300),
];

function randomReport(rand: () => number): string {
  const pick = (): string => WORDS[Math.floor(rand() * WORDS.length)]!;
  const words = (n: number): string => Array.from({ length: n }, pick).join(' ');
  const lines = [rand() < 0.5 ? words(700) : `Title ${words(5)}`, `Issued by: ${words(rand() < 0.3 ? 600 : 3)}`];
  for (let part = 1; part <= 3; part++) {
    lines.push(`${part}、 ${words(rand() < 0.3 ? 700 : 4)}`);
    lines.push(`(1) ${words(rand() < 0.3 ? 700 : 3)}`);
    for (let p = 0; p < 3; p++) lines.push(rand() < 0.3 ? words(900) : `${words(12)}. ${words(20)}. ${words(8)}.`);
  }
  return lines.join('\n');
}

describe('length-safe rendering', () => {
  it('clips text at a sentence or word boundary, keeping each side verbatim', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('One sentence here. Another sentence follows it.', 30)).toBe('One sentence here.…');
    expect(clipText('word '.repeat(20), 23)).toBe('word word word word…');
    expect(clipText('🙂'.repeat(20), 6)).toBe('🙂🙂…');
  });

  it('clips a quote around its first marked word', () => {
    const text = `${'lead '.repeat(400)}the marked word ${'tail '.repeat(400)}`;
    const start = text.indexOf('marked');
    const q = clipQuote({ text, highlights: [{ start, end: start + 6 }], start: 0, end: text.length }, 300);
    expect(q.text.length).toBeLessThanOrEqual(300);
    expect(q.text.startsWith('…') && q.text.endsWith('…')).toBe(true);
    expect(text).toContain(q.text.slice(1, -1).trim());
    expect(q.text.slice(q.highlights[0]!.start, q.highlights[0]!.end)).toBe('marked');
  });

  it('splits one oversized piece between words, closing and re-opening its tags', () => {
    const parts = hardSplit(`<b>${'bold &amp; words '.repeat(600)}</b>`, 4096);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expectValidTelegramHtml(p);
      expect(p.startsWith('<b>') && p.endsWith('</b>')).toBe(true);
    }
    for (const p of hardSplit(`<i>${'y'.repeat(9000)}</i>`, 4096)) expectValidTelegramHtml(p);
  });

  it('any report text, any question: every message the bot would send is valid HTML of at most 4096 characters', async () => {
    const rand = prng(4096);
    let messages = 0;
    for (let r = 0; r < 12; r++) {
      const report = parseReport(randomReport(rand), `fuzz-${r}.txt`);
      const index = new CorpusIndex();
      index.addReport(report, chunkReport(report));
      const engine = new AnswerEngine(index);
      const all: string[] = [
        ...packMessages([reportLine(report)]),
        noticePayload(report, NOTICE_STRINGS.en, ['x'.repeat(300)], 'en').text,
      ];
      for (let q = 0; q < 6; q++) {
        const question = Array.from(
          { length: 1 + Math.floor(rand() * 4) },
          () => WORDS[Math.floor(rand() * WORDS.length)],
        ).join(' ');
        const answer = await engine.answer(question, 3);
        for (let page = 0; page < Math.max(1, answer.answers.length); page++)
          for (const view of VIEWS) all.push(answerView(answer, 'id', page, STRINGS.en, view, report).text);
        all.push(...packMessages(answer.answers.map((a) => answerHtml(a))));
        for (const a of answer.answers) {
          const n = a.citation.paragraph;
          all.push(
            ...contextMessages(report, n, n),
            ...contextMessages(report, n - 1, n + 1),
            sectionOutline(report, n, STRINGS.en).html,
          );
        }
      }
      for (const m of all) expectValidTelegramHtml(m);
      messages += all.length;
    }
    expect(messages).toBeGreaterThan(200);
  });
});
