/**
 * Documents made by the tests themselves: a PDF with a text layer (hand-written PDF syntax:
 * Helvetica text lines, each placed and sized as asked, pages with a running header and a page
 * number) and a Word .docx (the minimal OOXML parts zipped with fflate), so format tests need
 * no binary fixtures.
 */
import { strToU8, zipSync } from 'fflate';

/** A line of a test PDF: its text, or the text with its size, weight and place. */
export type PdfText = string | { text: string; size?: number; bold?: boolean; x?: number; y?: number };

export interface PdfOptions {
  /** The document's metadata title. */
  title?: string;
  /** The document's outline (bookmarks), one level: entry i points at page `page`. */
  outline?: { title: string; page: number }[];
  /** The number printed at the foot of page 1 (later pages follow); false: none. */
  firstPageNumber?: number | false;
}

/**
 * A PDF whose pages hold the given lines, top to bottom unless placed (`y`); each page also gets `header`
 * at the top and its number at the bottom.
 */
export function makePdf(pages: PdfText[][], header = '', options: PdfOptions = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>');
  const pageIds: number[] = [];
  const pagesId = objects.length + 1 + pages.length * 2; // after each page's content and page object
  const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const at = (x: number, y: number, s: string, size = 11, isBold = false): string =>
    `BT /${isBold ? 'F2' : 'F1'} ${size} Tf ${x} ${y} Td (${escape(s)}) Tj ET`;
  pages.forEach((lines, i) => {
    let y = 720;
    const ops = [header ? at(72, 770, header) : ''];
    for (const line of lines) {
      const l = typeof line === 'string' ? { text: line } : line;
      const size = l.size ?? 11;
      const lineY = l.y ?? y;
      ops.push(at(l.x ?? 72, lineY, l.text, size, l.bold));
      y = lineY - Math.max(16, size * 1.3);
    }
    const first = options.firstPageNumber ?? 1;
    if (first !== false) ops.push(at(300, 40, String(first + i)));
    const stream = ops.filter(Boolean).join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  });
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  let outlines = '';
  if (options.outline?.length) {
    const root = objects.length + 1;
    const first = root + 1;
    const ids = options.outline.map((_, k) => first + k);
    add(`<< /Type /Outlines /First ${first} 0 R /Last ${ids.at(-1)} 0 R /Count ${ids.length} >>`);
    options.outline.forEach((o, k) => {
      const links = [k > 0 ? `/Prev ${ids[k - 1]} 0 R` : '', k < ids.length - 1 ? `/Next ${ids[k + 1]} 0 R` : ''].join(
        ' ',
      );
      add(`<< /Title (${escape(o.title)}) /Parent ${root} 0 R ${links} /Dest [${pageIds[o.page - 1]} 0 R /Fit] >>`);
    });
    outlines = ` /Outlines ${root} 0 R`;
  }
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R${outlines} >>`);
  const info = options.title ? add(`<< /Title (${escape(options.title)}) >>`) : 0;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
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

/** A .docx of 40 MB of XML (a few hundred KB deflated) whose directory says each part is 1 KB: a zip bomb that lies. */
export function lyingDocx(): Buffer {
  const liar = makeDocx(Array.from({ length: 400_000 }, () => 'The county paved village roads again this year.'));
  const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
  for (let at = 0; at + 4 <= liar.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50) view.setUint32(at + 22, 1024, true);
    if (sig === 0x02014b50) view.setUint32(at + 24, 1024, true);
  }
  return liar;
}

/** A county's web page: a menu, the report in an <article>, a footer. */
export const HTML_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Water report - Riverside Government</title></head><body>
<header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact</a></nav></header>
<div id="content"><article><h1>Riverside County 2024 Water Report</h1>
<h2>1. Drinking water</h2><p>In 2024 the county tested 1200 drinking water samples, and 99% met the national standard. Work went on through the year across every township.</p>
<p>Two new treatment plants opened in spring, serving 40000 residents in the northern villages and in the town centre.</p>
<h2>2. Flood defences</h2><p>Nine kilometres of river embankment were rebuilt before the rainy season, protecting farmland and homes along the river banks.</p>
</article></div><footer>Copyright Riverside County. Site map. Contact us.</footer></body></html>`;
