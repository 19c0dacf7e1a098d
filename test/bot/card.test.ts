import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEngine, loadSet } from '../helpers/quality.js';
import { decodeCallback, VIEWS } from '../../src/bot/callback-data.js';
import {
  MAX_CITATION,
  OUTLINE_WINDOW,
  partItems,
  sectionNumbers,
  sectionOutline,
  shortCitation,
  tableOfContents,
} from '../../src/bot/format.js';
import { STRINGS } from '../../src/bot/i18n.js';
import { answerView, reportsPage } from '../../src/bot/reply.js';
import { REPO, tempDir } from '../helpers/fixtures.js';
import { expectValidTelegramHtml } from '../helpers/telegram-html.js';

describe('the answer card', () => {
  it('cites by section numbers', () => {
    expect(
      sectionNumbers([
        '1 Main Measures and Achievements',
        '(3) The system of administration',
        'Sixth, consciously accept supervision',
      ]),
    ).toBe('§1 › (3) › Sixth');
    expect(sectionNumbers(['四、下一步工作安排', '（二）加强', 'The second is to improve'])).toBe(
      '§四 › （二） › Second',
    );
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
        for (const view of VIEWS)
          expectValidTelegramHtml(answerView(answer, 'id', page, STRINGS.en, view, report).text);
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
    expect(high.keyboard.inline_keyboard.flat().find((b) => b.text === '🌐 Original')).toMatchObject({
      url: 'https://example.gov/report.html',
    });
    expect(high.text.startsWith('<blockquote>')).toBe(true);
    const low = answerView({ ...answer, confidence: 'low' }, 'id', 0, STRINGS.en);
    expect(low.text).toMatch(/^⚠️ <i>Closest passages — the report may not answer this exactly:<\/i>\n<blockquote>/);
  });
});

describe('/reports', () => {
  it('is one message however many reports, ◀ ▶ turning its pages; a stale page shows the last one', () => {
    const reports = new Map(
      Array.from({ length: 40 }, (_, i) => [
        `r${i}`,
        { meta: { title: `County report ${i + 1}`, date: '2024-01-01' } },
      ]),
    );
    const deps = { engine: () => ({ index: { reports } }) } as unknown as Parameters<typeof reportsPage>[0];
    const first = reportsPage(deps, 0, STRINGS.en);
    expect(first.text.split('\n')[0]).toBe('<b>Indexed reports 1–15 of 40:</b>');
    expect(first.text).toContain('County report 15');
    expect(first.text).not.toContain('County report 16');
    expectValidTelegramHtml(first.text);
    const buttons = (page: number): string[] =>
      reportsPage(deps, page, STRINGS.en)
        .keyboard.inline_keyboard.flat()
        .map((b) => `${b.text} ${(b as { callback_data: string }).callback_data}`);
    expect(buttons(0)).toEqual(['Next ▶ l:1']);
    expect(buttons(1)).toEqual(['◀ Previous l:0', 'Next ▶ l:2']);
    expect(reportsPage(deps, 9, STRINGS.en).text.split('\n')[0]).toBe('<b>Indexed reports 31–40 of 40:</b>');
    expect(decodeCallback('l:2')).toEqual({ kind: 'reports', page: 2 });
    expect(
      reportsPage({ engine: () => ({ index: { reports: new Map() } }) } as unknown as typeof deps, 0, STRINGS.en).text,
    ).toBe('No reports are indexed yet.');
  });

  it("links each report's published page by its site, a web address only", () => {
    const reports = new Map([
      ['a', { meta: { title: 'GSA report', url: 'https://www.section508.gov/manage/?a=1&b=2' } }],
      ['b', { meta: { title: 'Odd report', url: 'javascript:alert(1)' } }],
    ]);
    const deps = { engine: () => ({ index: { reports } }) } as unknown as Parameters<typeof reportsPage>[0];
    const { text } = reportsPage(deps, 0, STRINGS.en);
    expect(text).toContain('<a href="https://www.section508.gov/manage/?a=1&amp;b=2">🌐 www.section508.gov</a>');
    expect(text).not.toContain('javascript');
    expectValidTelegramHtml(text);
  });
});

describe('the section outline and the contents', () => {
  it('the outline shows at most 6 items around the answer (8 rows of buttons, under 1,000 characters), ◀ ▶ page through the part; items open their text', async () => {
    const { engine } = await buildEngine(join(REPO, 'corpus'), undefined, {}, tempDir());
    const report = [...engine.index.reports.values()][0]!;
    const sizes = report.paragraphs.map((p) => partItems(report, p.n).length);
    const n = sizes.indexOf(Math.max(...sizes)) + 1; // a paragraph of the longest part
    const outline = sectionOutline(report, n, STRINGS.en);
    expect(outline.items.length).toBeLessThanOrEqual(OUTLINE_WINDOW);
    expect(outline.html.length).toBeLessThan(1000);
    const answer = await engine.answer('How many mediation statements were issued?', 5);
    const view = answerView(answer, 'q1', 0, STRINGS.en, 'outline', report);
    expect(view.keyboard.inline_keyboard.length).toBeLessThanOrEqual(8);
    expectValidTelegramHtml(outline.html);
    // Paging forward from the first window, then on, visits every item of the part once.
    const seen: number[] = [];
    let window = sectionOutline(report, n, STRINGS.en, partItems(report, n)[0]!.start);
    for (;;) {
      seen.push(...window.items.map((i) => i.start));
      if (window.later === undefined) break;
      window = sectionOutline(report, n, STRINGS.en, window.later);
    }
    expect([...new Set(seen)]).toEqual(partItems(report, n).map((i) => i.start)); // the last window may overlap the one before
    // A heading's button opens the first body paragraph under it; the contents list no header lines.
    for (const item of partItems(report, n))
      expect(report.paragraphs[item.paragraph - 1]!.role === 'body' || item.paragraph === item.start).toBe(true);
    expect(tableOfContents(report).map((e) => e.label)).not.toEqual(
      expect.arrayContaining(['Title', 'Signed by', 'Release note', 'Date of issue']),
    );
  });
});
