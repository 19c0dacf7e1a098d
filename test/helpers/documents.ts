/**
 * Documents made by the tests themselves: a PDF with a text layer (hand-written PDF syntax:
 * one Helvetica text line per Tj, pages with a running header and a page number) and a Word
 * .docx (the minimal OOXML parts zipped with fflate), so format tests need no binary fixtures.
 */
import { strToU8, zipSync } from 'fflate';

/** A PDF whose pages hold the given lines (top to bottom); each page also gets `header` at the top and its number at the bottom. */
export function makePdf(pages: string[][], header = ''): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const pageIds: number[] = [];
  const pagesId = objects.length + 1 + pages.length * 2; // after each page's content and page object
  pages.forEach((lines, i) => {
    const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
    const at = (x: number, y: number, s: string): string => `BT /F1 11 Tf ${x} ${y} Td (${escape(s)}) Tj ET`;
    const ops = [header ? at(72, 770, header) : '', ...lines.map((l, k) => at(72, 720 - k * 16, l)), at(300, 40, String(i + 1))].filter(Boolean).join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  });
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx whose body is the given blocks: `# Title` / `## Heading` become Word heading styles, the rest paragraphs. */
export function makeDocx(blocks: string[]): Buffer {
  const paragraph = (block: string): string => {
    const level = /^(#{1,3}) /.exec(block)?.[1]!.length;
    const text = xmlEscape(level ? block.slice(level + 1) : block);
    const style = level === 1 ? 'Title' : level ? `Heading${level - 1}` : undefined;
    return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  };
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${blocks.map(paragraph).join('')}</w:body></w:document>`,
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
}
