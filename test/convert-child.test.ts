import { describe, expect, it } from 'vitest';
import { ConversionChild } from '../src/convert-child.js';

const page = (body: string): Buffer =>
  Buffer.from(
    `<!doctype html><html><head><title>Riverside County Water Report</title></head><body>${body}</body></html>`,
  );
const GOOD = page(
  '<article><h1>Riverside County Water Report</h1><p>In 2024 the county tested 1200 drinking water samples, and 99% met the national standard.</p></article>',
);

describe('conversion in a child process with limits', () => {
  it('a file past its time is stopped and named; the next file converts in a new child', async () => {
    const converter = new ConversionChild({ baseMs: 1500, msPerMb: 0, heapMb: 512 });
    try {
      // Readability's time grows steeply with nesting: 1,500 nested divs take far longer than 1.5 s.
      const nested = page(
        `${'<div>'.repeat(1500)}<p>Deep text that goes on for a while, long enough to count as content.</p>${'</div>'.repeat(1500)}`,
      );
      await expect(converter.convert('nested.html', nested)).rejects.toThrow(
        'nested.html: took over 2 s to convert; stopped and skipped.',
      );
      expect((await converter.convert('good.html', GOOD)).text).toContain('tested 1200 drinking water samples');
    } finally {
      converter.close();
    }
  });

  it('a file past the memory cap stops the child and is named; a converter error keeps its reason', async () => {
    const converter = new ConversionChild({ baseMs: 60_000, msPerMb: 0, heapMb: 48 });
    try {
      const huge = page(
        Array.from(
          { length: 200_000 },
          (_, i) => `<p>Paragraph ${i} of a page far larger than its converter may hold.</p>`,
        ).join(''),
      );
      await expect(converter.convert('huge.html', huge)).rejects.toThrow(
        /^huge\.html: stopped the converter \(.*past its 48 MB of memory\?\); skipped\.$/,
      );
      await expect(converter.convert('scan.pdf', Buffer.from('%PDF-1.4 garbage'))).rejects.toThrow(
        /^scan\.pdf: is not a readable PDF/,
      );
      expect((await converter.convert('good.html', GOOD)).layout).toBe('markdown');
    } finally {
      converter.close();
    }
  });
});
