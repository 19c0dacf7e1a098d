import { describe, expect, it } from 'vitest';
import { contextMessages, escapeHtml, MAX_MESSAGE, packMessages } from '../../src/bot/format.js';
import { parseReport } from '../../src/corpus/parse.js';
import { parseStartPayload, startPayload, decodeCallback, encodeCallback } from '../../src/bot/callback-data.js';

describe('Telegram HTML formatting', () => {
  it('escapes report text', () => {
    expect(escapeHtml('a < b & c > "d"')).toBe('a &lt; b &amp; c &gt; "d"');
  });

  it('splits a long paragraph into messages under 4096 characters on sentence boundaries', () => {
    const sentence = 'The R&D <budget> rose by 5% to "more" than before. ';
    const text = `Title line\n\n${sentence.repeat(300)}\n`;
    const report = parseReport(text, 'long.txt');
    const body = report.paragraphs.find((p) => p.role === 'body')!;
    const messages = contextMessages(report, body.n, body.n);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(m).not.toMatch(/<(?!\/?b>)/);
      expect(m.replace(/<\/?b>/g, '')).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    const plain = messages
      .join(' ')
      .replace(/<\/?b>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(plain.split('The R&D <budget> rose').length - 1).toBe(300);
  });

  it('cuts an oversized single piece on whitespace, never inside an entity', () => {
    const piece = escapeHtml('&&&& '.repeat(2000));
    for (const m of packMessages([piece])) {
      expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(m).not.toMatch(/&(?!amp;)/);
    }
  });
});

describe('callback data', () => {
  it('round-trips every action and rejects anything else', () => {
    const actions = [
      { kind: 'context', report: '0123abcd', paragraph: 26 },
      { kind: 'wider', report: '0123abcd', paragraph: 1 },
      { kind: 'contents', report: '0123abcd' },
      { kind: 'view', question: 'a1', page: 2, view: 'card' },
      { kind: 'view', question: 'a1', page: 0, view: 'outline' },
      { kind: 'example', index: 0 },
      { kind: 'reportExample', report: '0123abcd', index: 1 },
      { kind: 'example', index: 2, lang: 'zh' },
      { kind: 'reportExample', report: '0123abcd', index: 1, lang: 'en' },
    ] as const;
    for (const a of actions) expect(decodeCallback(encodeCallback(a))).toEqual(a);
    for (const bad of [
      '',
      'c:0123abcd',
      'c:0123ABCD:1',
      'x:a',
      'v:a1:999:0',
      'u:2:0',
      'u:1',
      'x:-1',
      'v:a1:1:4',
      's:0123abcd:1',
      'p:a1:1',
      'e:-1',
      'c:0123abcd:1:extra',
      'c'.repeat(65),
    ])
      expect(decodeCallback(bad)).toBeUndefined();
  });
});

describe('deep links', () => {
  it('round-trip and reject anything else', () => {
    for (const link of [
      { kind: 'paragraph', report: '0123abcd', paragraph: 26 },
      { kind: 'report', report: '0123abcd' },
    ] as const)
      expect(parseStartPayload(startPayload(link))).toEqual(link);
    for (const bad of [undefined, '', 'p_0123abcd', 'p_0123ABCD_1', 'r_xyz', 'subscribe', 'p_0123abcd_1234567'])
      expect(parseStartPayload(bad)).toBeUndefined();
  });
});
