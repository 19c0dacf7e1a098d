import { describe, expect, it } from 'vitest';
import { FORMATS, formatOfName, formatOfResponse } from '../../src/corpus/formats/registry.js';

const html = FORMATS.find((f) => f.name === 'html')!;

describe('the registry of report formats', () => {
  it('a file name says its format by its extension, any case; other files are no report', () => {
    expect(
      ['a.txt', 'b.MD', 'c.markdown', 'd.Pdf', 'e.docx', 'f.htm', 'g.HTML'].map((n) => formatOfName(n)?.name),
    ).toEqual(['text', 'markdown', 'markdown', 'pdf', 'docx', 'html', 'html']);
    expect(formatOfName('notes.odt')).toBeUndefined();
    expect(formatOfName('a.meta.json')).toBeUndefined();
  });

  it('a download: its first bytes first, then its content type, then its address', () => {
    const body = (s: string): Buffer => Buffer.from(s);
    // A PDF served as text/html is a PDF; a page with a doctype is HTML whatever the server says.
    expect(formatOfResponse('text/html', 'https://x.gov/a', body('  %PDF-1.7\n…'))?.name).toBe('pdf');
    expect(formatOfResponse('application/octet-stream', 'https://x.gov/a', body('<!DOCTYPE html><p>x'))?.name).toBe(
      'html',
    );
    expect(formatOfResponse('', 'https://x.gov/a', body('\n<html lang="en">'))?.name).toBe('html');
    expect(formatOfResponse('Application/PDF; charset=binary', 'https://x.gov/a', body('binary'))?.name).toBe('pdf');
    expect(
      formatOfResponse(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'https://x.gov/a',
        body('PK'),
      )?.name,
    ).toBe('docx');
    expect(formatOfResponse('application/xhtml+xml', 'https://x.gov/a', body('<?xml'))?.name).toBe('html');
    expect(formatOfResponse('application/octet-stream', 'https://x.gov/r/Report.DOCX?v=2', body('PK'))?.name).toBe(
      'docx',
    );
    // Text formats are not converted: a plain-text download is no converted report.
    expect(formatOfResponse('text/plain', 'https://x.gov/a.txt', body('Roads.'))).toBeUndefined();
    // Only the first 512 bytes are looked at.
    expect(formatOfResponse('', 'https://x.gov/a', body(`${' '.repeat(600)}%PDF-`))).toBeUndefined();
  });

  it('HTML is read in the encoding it declares, UTF-8 otherwise or when the label is unknown', async () => {
    const gbk = Buffer.concat([
      Buffer.from('<html><head><meta charset="gbk"><title>t</title></head><body><h1>'),
      Buffer.from([0xd7, 0xf3, 0xd4, 0xc6]), // 左云 in GBK
      Buffer.from('</h1><p>The county built roads in every township this year, and more besides.</p></body></html>'),
    ]);
    expect((await html.convert!(gbk, 'a.html')).text).toContain('左云');
    const unknown = Buffer.from(
      '<html><head><meta charset="x-nonesuch"></head><body><h1>Roads é</h1><p>Built.</p></body></html>',
    );
    expect((await html.convert!(unknown, 'b.html')).text).toContain('Roads é');
    expect((await html.convert!(unknown, 'b.html')).layout).toBe('markdown');
  });
});
