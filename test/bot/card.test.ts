import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngine, loadSet } from '../../scripts/bench-quality.js';
import { VIEWS } from '../../src/bot/callback-data.js';
import { MAX_CITATION, sectionNumbers, shortCitation } from '../../src/bot/format.js';
import { STRINGS } from '../../src/bot/i18n.js';
import { answerView } from '../../src/bot/reply.js';
import { REPO, tempDir } from '../helpers/fixtures.js';
import { expectValidTelegramHtml } from '../helpers/telegram-html.js';

describe('the answer card', () => {
  it('cites by section numbers', () => {
    expect(sectionNumbers(['1 Main Measures and Achievements', '(3) The system of administration', 'Sixth, consciously accept supervision'])).toBe(
      '§1 › (3) › Sixth',
    );
    expect(sectionNumbers(['四、下一步工作安排', '（二）加强', 'The second is to improve'])).toBe('§四 › （二） › Second');
    expect(sectionNumbers(['Report header', 'Date of issue'])).toBe('Report header › Date of issue');
    expect(sectionNumbers([])).toBe('Opening');
    const long = { reportId: 'r', reportTitle: 'T'.repeat(300), section: '', paragraph: 12345 };
    expect(shortCitation(long, ['x'.repeat(200), 'y'.repeat(200)]).length).toBeLessThanOrEqual(MAX_CITATION);
  });

  it('for every dev question, in every view: quote in a blockquote, citation line ≤ 120 characters, valid HTML ≤ 4096', async () => {
    const { engine } = await buildEngine(join(REPO, 'corpus'), undefined, {}, tempDir());
    let cards = 0;
    for (const { q } of [...loadSet('dev-questions.jsonl'), ...loadSet('dev-realistic.jsonl')]) {
      const answer = await engine.answer(q, 5);
      if (answer.abstained) continue;
      for (const [page, item] of answer.answers.entries()) {
        const report = engine.index.reports.get(item.citation.reportId)!;
        for (const view of VIEWS) expectValidTelegramHtml(answerView(answer, 'id', page, STRINGS.en, view, report).text);
        const card = answerView(answer, 'id', page, STRINGS.en).text;
        expect(card).toMatch(/<blockquote>[\s\S]+<\/blockquote>/);
        const citation = card.split('\n').at(-1)!;
        expect(citation).toMatch(/^📄 .* · ¶\d+$/);
        expect(citation.length).toBeLessThanOrEqual(MAX_CITATION + 3);
        cards++;
      }
    }
    expect(cards).toBeGreaterThan(300);
  });

  it('links to the original when the report names its page, and a low-confidence card says so first', async () => {
    const { engine } = await buildEngine(join(REPO, 'corpus'), undefined, {}, tempDir());
    const answer = await engine.answer('How many mediation statements were issued?', 3);
    answer.answers[0]!.citation.reportUrl = 'https://example.gov/report.html';
    const high = answerView(answer, 'id', 0, STRINGS.en);
    expect(high.keyboard.inline_keyboard.flat().find((b) => b.text === '🌐 Original')).toMatchObject({ url: 'https://example.gov/report.html' });
    expect(high.text.startsWith('<blockquote>')).toBe(true);
    const low = answerView({ ...answer, confidence: 'low' }, 'id', 0, STRINGS.en);
    expect(low.text).toMatch(/^⚠️ <i>Closest passages — the report may not answer this exactly:<\/i>\n<blockquote>/);
  });
});
