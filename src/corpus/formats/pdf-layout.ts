/**
 * A PDF page's positioned text lines → the report as a reader sees it, in the Markdown layout
 * the parser reads. Pure: pdf.ts reads the lines from the file.
 *
 * What a reader sees, and what the text layer alone gets wrong:
 * - page numbers are numbers in the page's top or bottom margin band that follow the page
 *   sequence; running headers and footers repeat in those bands. A figure printed alone in
 *   the body ("67") is neither and stays;
 * - headings are set larger than the body text (their levels by size) or numbered
 *   ("2.1 Scope"), and always head something;
 * - a figure set large ("392%", "$17,170,932") reads with its label: beside it, or in the
 *   order the page pairs them (label above figure, or figure above label);
 * - footnotes are the smaller lines at a page's foot that open with a marker: quotable, cited
 *   as footnotes (`[^1]: …`), never a section;
 * - contents pages (dot leaders to page numbers), image credits ("Photomontage: CDS") and
 *   footnote markers left alone on a line are not report text;
 * - a word broken at a line end is joined without its hyphen only when the joined word is a
 *   word (elsewhere in the report, or in the dictionary) and the hyphenated form is not:
 *   "ser- vices" → "services", "high- quality" → "high-quality", "2023- 2024" → "2023-2024".
 */

export interface PdfLine {
  text: string;
  /** Left and right ends of the line and its baseline (PDF units, y bottom up). */
  x: number;
  xEnd: number;
  y: number;
  /** Font size the line starts in (a smaller note at its end, "(Source: …)", leaves it in its paragraph). */
  size: number;
  /** Ends with a hyphen set as a glyph of its own, as layout programs set the hyphens they add. */
  layoutHyphen?: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

export interface PdfLayoutOptions {
  /** The document's own title (its metadata), when it has a usable one. */
  title?: string | undefined;
  /** The document's own outline (bookmarks): titles and depth (0 = top). Headings it lists take its levels. */
  outline?: { title: string; depth: number }[] | undefined;
  /** Whether a word is in the dictionary (WordNet): decides line-end hyphens the report itself does not settle. */
  isWord?: ((word: string) => boolean) | undefined;
}

export interface LaidOutText {
  /** Markdown: `# title`, `##`… headings, `[^n]:` footnotes, one paragraph per block. */
  text: string;
  /** Character offset in `text` where each page (1, 2, …) starts. */
  pageStarts: number[];
}

/** The top and bottom share of a page where running headers, footers and page numbers sit. */
const MARGIN_BAND = 0.09;
const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*(\d{1,4})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** A contents entry: a title, dot leaders, a page number. */
export const LEADER = /(?:\.{4,}|…{2,}|(?:\s?\.){6,})\s*\d{1,4}$/;
const CONTENTS_HEADING = /^(?:table of )?contents$|^目\s*录$/i;
/** A figure set on its own: "392%", "$17,170,932", "138 million", "1.2M", ">137M", "2x". */
export const FIGURE = /^[<>~≈+]?[$€£¥]?\d[\d,.]*\s*(?:%|percent|[KMB]|million|billion|thousand|x|×)?\+?$/i;
/** A footnote's marker: "(1)", "1", "1.", "¹", "*", "†". */
const FOOTNOTE = /^(?:\((\d{1,2})\)|(\d{1,2})[.)]?|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|(\*{1,3}|†|‡))\s*(?=\S)/;
/**
 * A line that opens with a figure ("700,000 + Client visits", "52 GC departments…") states it: not a heading (a section
 * number, "2.1 Scope", is no figure).
 */
const OPENS_WITH_FIGURE = /^[<>~≈]?[$€£¥]?\d/;
const MARKER_ALONE = /^(?:\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|†|‡)$/;
/**
 * An image credit: "Photomontage: CDS", "Cover image: Freepik; Photomontage: CDS", "Source: Unsplash" (no date: a data
 * source keeps its line).
 */
export const CREDIT =
  /^(?:(?:cover |header )?(?:image|photo(?:graph)?|photomontage|illustration|picture|credit|photo credit|source)s?\s*:\s*[^;\d]{1,60}(?:;\s*|$))+$/i;
/**
 * A numbered heading: "2.", "2.1", "2.1.3", "IV.", "Chapter 3", "Part II", "Annex A", then a capitalised title ("52 GC
 * departments" is a count).
 */
const NUMBERED =
  /^(?:(\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.)|[IVX]{1,5}\.|(?:chapter|part|section|annex|appendix)\s+[\dIVXA-Z]{1,5}[.:]?)\s+(?=\p{Lu})/u;
/** A list item or bullet opens a new block even without space above it. */
const OPENS_BLOCK =
  /^(?:[■□▪▫●•◦❏❑◆◇➢►–—-]\s|\d{1,2}\s*[.、．)]\s|\(\d{1,2}\)\s|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/u;
const SENTENCE_END = /[.。!?！？;；,，]["'”’)）]*$/u;
const HAN = /\p{Script=Han}/u;
/** Headings are set at least this much larger than the body text. */
const HEADING_RATIO = 1.2;

type Kind = 'body' | 'heading' | 'figure' | 'footnote' | 'drop';

interface Block {
  page: number;
  lines: PdfLine[];
  size: number;
  kind: Kind;
  level?: number;
  footnote?: string | undefined;
  text: string;
  /** A figure's label, already read with its figure. */
  paired?: boolean;
}

const bandOf = (line: PdfLine, page: PdfPage): boolean =>
  line.y < page.height * MARGIN_BAND || line.y > page.height * (1 - MARGIN_BAND);
const shape = (text: string): string => text.replace(/\d+/g, '#');
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * Page numbers (in a margin band, following the page sequence) and running lines (in a band on many pages), per page.
 */
function marginLines(pages: PdfPage[]): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const offsets = new Map<number, number>();
  const numbers: { line: PdfLine; offset: number }[] = [];
  const repeats = new Map<string, Set<number>>();
  pages.forEach((page, i) => {
    for (const line of page.lines) {
      if (!bandOf(line, page)) continue;
      const n = PAGE_NUMBER.exec(line.text);
      if (n) {
        const offset = Number(n[1]) - (i + 1);
        numbers.push({ line, offset });
        offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
      }
      const key = shape(line.text);
      repeats.set(key, (repeats.get(key) ?? new Set()).add(i));
    }
  });
  // The offset most page numbers share (a cover and front matter shift the sequence, never break it).
  const sequence = [...offsets].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const { line, offset } of numbers) if (offset === sequence) out.add(line);
  const often = Math.max(2, Math.min(3, pages.length / 2));
  for (const page of pages)
    for (const line of page.lines)
      if (bandOf(line, page) && !PAGE_NUMBER.test(line.text) && (repeats.get(shape(line.text))?.size ?? 0) >= often)
        out.add(line);
  return out;
}

/** A contents page's entries (dot leaders to page numbers) and everything between its heading and its last entry. */
function contentsLines(page: PdfPage): PdfLine[] {
  const entries = page.lines.filter((l) => LEADER.test(l.text));
  if (entries.length < 3) return [];
  const first = page.lines.findIndex((l) => CONTENTS_HEADING.test(l.text.trim()));
  const start = first >= 0 ? first : page.lines.indexOf(entries[0]!);
  return page.lines.slice(start, page.lines.lastIndexOf(entries.at(-1)!) + 1);
}

/** The size most of the text is set in. */
function bodySize(lines: PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const l of lines)
    chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * Lines → blocks: one size, one column, no more than a line's spacing apart, a bullet or a short sentence-ending line
 * closing a block.
 */
function blocksOf(lines: PdfLine[], page: number, body: number, listed: (text: string) => boolean): Block[] {
  const blocks: Block[] = [];
  const widest = Math.max(0, ...lines.map((l) => l.xEnd - l.x));
  for (const line of lines) {
    const open = blocks.at(-1);
    const last = open?.lines.at(-1);
    const blockWidest = open ? Math.max(...open.lines.map((l) => l.xEnd - l.x)) : 0;
    const continues =
      open &&
      last &&
      // One size; a line ending in a comma runs on into a slightly smaller one ("Paul N. Wagner," / "CEO, Canadian
      // Digital Service").
      (Math.abs(last.size - line.size) <= 0.6 ||
        (/[,，]$/.test(last.text) && Math.abs(last.size - line.size) <= last.size * 0.2)) &&
      last.y - line.y > 0 &&
      last.y - line.y <= line.size * 1.75 &&
      // Aligned with the line above, or with the text after its bullet.
      (Math.abs(line.x - last.x) <= line.size * 1.5 ||
        (OPENS_BLOCK.test(last.text) && line.x > last.x && line.x - last.x <= line.size * 3)) &&
      !OPENS_BLOCK.test(line.text) &&
      !(line.size < body * 0.9 && FOOTNOTE.test(line.text)) &&
      // A short numbered line, or one the outline lists, is a heading of its own ("1. Libraries").
      !listed(line.text) &&
      !(
        open.lines.length === 1 &&
        (listed(last.text) ||
          (NUMBERED.test(last.text) && !SENTENCE_END.test(last.text) && last.xEnd - last.x < widest * 0.6))
      ) &&
      !(
        /[.。!?！？:：]["'”’)）]*$/u.test(last.text) &&
        open.lines.length > 0 &&
        last.xEnd - last.x < blockWidest * 0.75
      );
    if (open && last && (continues || runsOnIntoColumn(last, line))) open.lines.push(line);
    else blocks.push({ page, lines: [line], size: line.size, kind: 'body', text: '' });
  }
  return blocks;
}

/**
 * A sentence broken off at the foot of a column that runs on at the head of the next ("… over 20% of MSCA users are" /
 * "using the new MSCA-D, …"): the line after is set to the right and above, in the same size, opening in lower case,
 * and the line before ends in no punctuation.
 */
function runsOnIntoColumn(last: PdfLine, line: PdfLine): boolean {
  return (
    Math.abs(last.size - line.size) <= 0.6 &&
    line.x > last.xEnd - line.size &&
    line.y > last.y &&
    /[\p{L}\d]$/u.test(last.text) &&
    /^\p{Ll}/u.test(line.text)
  );
}

/** Every word the report prints whole within a line, and every hyphenated word: what settles a line-end hyphen. */
function vocabularyOf(pages: PdfPage[]): { words: Set<string>; hyphenated: Set<string> } {
  const vocabulary = { words: new Set<string>(), hyphenated: new Set<string>() };
  for (const page of pages)
    page.lines.forEach((line, i) => {
      // Not the halves of a word broken at a line's end.
      let text = line.text.toLowerCase().replace(/[\p{L}\d]*[-‐\u00ad]$/u, '');
      if (/[-‐\u00ad]$/u.test(page.lines[i - 1]?.text ?? '')) text = text.replace(/^[\p{L}\d]+/u, '');
      for (const w of text.match(/[\p{L}\d]+(?:-[\p{L}\d]+)+/gu) ?? []) vocabulary.hyphenated.add(w);
      for (const w of text.match(/[\p{L}\d]+/gu) ?? []) vocabulary.words.add(w);
    });
  return vocabulary;
}

/**
 * Joins two lines of one block: a line-end hyphen kept or dropped by the words it would make, Chinese with no space.
 * A hyphen the author typed ("web-" / "based") is dropped only when the joined word is a word and the hyphenated one is
 * not; one the layout added (set apart, or a soft hyphen) stays only when the report prints the hyphenated word, or the
 * two halves are words and together are not ("high-" / "quality").
 */
function joinLines(
  a: PdfLine,
  b: string,
  vocabulary: ReturnType<typeof vocabularyOf>,
  isWord?: (w: string) => boolean,
): string {
  const broken = /([\p{L}\d]+)[-‐\u00ad]$/u.exec(a.text);
  const next = /^[\p{L}\d]+/u.exec(b);
  if (broken && next) {
    const [left, right] = [broken[1]!.toLowerCase(), next[0].toLowerCase()];
    const word = (w: string): boolean => vocabulary.words.has(w) || (/^\p{L}+$/u.test(w) && !!isWord?.(w));
    const printed = vocabulary.hyphenated.has(`${left}-${right}`);
    const join =
      a.layoutHyphen || a.text.endsWith('\u00ad')
        ? !printed && !(word(left) && word(right) && !word(left + right))
        : !printed && /^\p{Ll}/u.test(next[0]) && word(left + right) && !isWord?.(`${left}-${right}`);
    return join ? a.text.slice(0, -1) + b : a.text + b;
  }
  // A dash after a word at a line's end ("2023–") runs on; one standing apart ("at scale -") is spaced.
  if (/\S[-–—]$/.test(a.text)) return a.text + b;
  return HAN.test(a.text.at(-1) ?? '') && HAN.test(b[0] ?? '') ? a.text + b : `${a.text} ${b}`;
}

/**
 * Marks headings: set larger than the body, or numbered, or listed in the outline; short, not a sentence, and heading
 * something.
 */
const outlineKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s:：.]+/g, ' ')
    .trim();

function markHeadings(blocks: Block[], body: number, outline: PdfLayoutOptions['outline'] = []): void {
  const listed = new Map(outline.map((o) => [outlineKey(o.title), o.depth]));
  const sized = (b: Block): boolean => b.size >= body * HEADING_RATIO;
  const candidate = (b: Block): boolean =>
    b.kind === 'body' &&
    !b.paired &&
    !(OPENS_WITH_FIGURE.test(b.text) && !NUMBERED.test(b.text)) &&
    /\p{L}{2}/u.test(b.text) &&
    words(b.text) <= 20 &&
    b.lines.length <= 5 &&
    // A heading may ask ("What's next?"); it does not end like a statement.
    !/[.。!！;；,，]["'”’)）]*$/u.test(b.text) &&
    (sized(b) ||
      listed.has(outlineKey(b.text)) ||
      (b.lines.length === 1 && Math.abs(b.size - body) <= 0.6 && NUMBERED.test(b.text)));
  const candidates = blocks.filter(candidate);
  const sizes = [...new Set(candidates.filter(sized).map((b) => Math.round(b.size * 2) / 2))].sort((a, b) => b - a);
  const levelOf = (b: Block): number =>
    listed.has(outlineKey(b.text))
      ? listed.get(outlineKey(b.text))! + 2
      : sized(b)
        ? sizes.indexOf(Math.round(b.size * 2) / 2) + 2 + (listed.size ? 1 : 0)
        : sizes.length + 1 + (NUMBERED.exec(b.text)?.[1]?.replace(/\.$/, '').split('.').length ?? 1);
  // Decided from the last block back, so that what follows a candidate is known: a heading heads body text,
  // or a lower heading that does; before the next heading of its own level or above (a series of short lines is a
  // list).
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (!candidates.includes(b)) continue;
    const level = levelOf(b);
    for (const after of blocks.slice(i + 1)) {
      if (after.kind === 'drop' || after.kind === 'footnote') continue;
      if (candidates.includes(after) && (levelOf(after) <= level || after.kind === 'heading')) {
        if (levelOf(after) <= level) break;
        continue;
      }
      b.kind = 'heading';
      b.level = Math.min(6, level);
      break;
    }
  }
}

/** The lowest blocks of a page, set smaller than the body and opening with a marker, are its footnotes. */
function markFootnotes(blocks: Block[], body: number): void {
  const byPage = new Map<number, Block[]>();
  for (const b of blocks) if (b.kind === 'body') byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
  for (const onPage of byPage.values()) {
    for (const b of [...onPage].sort(
      (p, q) => Math.min(...p.lines.map((l) => l.y)) - Math.min(...q.lines.map((l) => l.y)),
    )) {
      const m = FOOTNOTE.exec(b.text);
      if (!m || b.size > body * 0.92 || MARKER_ALONE.test(b.text)) break;
      b.kind = 'footnote';
      b.footnote = m[1] ?? m[2] ?? m[3] ?? m[4];
      b.text = b.text.slice(m[0].length);
    }
  }
  // A marker left alone on a line, smaller than the text, points at a footnote. Set after a paragraph's last line
  // ("… demo in FY 2023-2024 (1)"), it is read there, as the reader sees it, so a quote running past it holds it (the
  // CDS report's figures; the reader's text has them); elsewhere the passage reads without it.
  for (const b of blocks) {
    if (b.kind !== 'body' || !MARKER_ALONE.test(b.text) || b.size >= body) continue;
    b.kind = 'drop';
    const host = endingBeside(b, blocks);
    // "(1)" is a word of its own; a superscript ("¹", "*") is set against the word it marks.
    if (host) host.text += b.text.startsWith('(') ? ` ${b.text}` : b.text;
  }
}

/**
 * The paragraph whose last line ends just before marker block `b`, at its height (the nearest to its left): none when
 * a line of another paragraph lies between them.
 */
function endingBeside(b: Block, blocks: Block[]): Block | undefined {
  const { x, y } = b.lines[0]!;
  let best: { block: Block; line: PdfLine } | undefined;
  for (const o of blocks) {
    if (o === b || o.page !== b.page || o.kind === 'drop') continue;
    for (const l of o.lines)
      if (
        Math.abs(l.y - y) < Math.max(l.size, b.size) &&
        l.xEnd <= x + b.size &&
        l.xEnd > (best?.line.xEnd ?? -Infinity)
      )
        best = { block: o, line: l };
  }
  return best && best.block.lines.at(-1) === best.line && best.block.kind === 'body' ? best.block : undefined;
}

const top = (b: Block): number => Math.max(...b.lines.map((l) => l.y + l.size * 0.8));
const bottom = (b: Block): number => Math.min(...b.lines.map((l) => l.y));
const isLabel = (b: Block | undefined): b is Block => !!b && b.kind === 'body' && !FIGURE.test(b.text);

/** A figure set on its own reads with its label: the one beside it, else the one the page's pairing puts with it. */
function pairFigures(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'figure') {
      out.push(b);
      continue;
    }
    const next = blocks[i + 1];
    const previous = out.at(-1);
    const near = (label: Block): boolean => label.page === b.page;
    const beside = isLabel(next) && near(next) && top(next) >= b.lines[0]!.y - b.size * 0.5 && bottom(next) <= top(b);
    const below = isLabel(next) && near(next) && bottom(b) - top(next) <= b.size * 2.5 && bottom(b) > top(next);
    // Label above the figure, when the page pairs them that way (the label after it is followed by another figure, or
    // there is none).
    const above =
      isLabel(previous) &&
      near(previous) &&
      !previous.paired &&
      words(previous.text) <= 10 &&
      !SENTENCE_END.test(previous.text) &&
      bottom(previous) - top(b) <= b.size * 2.5 &&
      bottom(previous) > bottom(b) &&
      (!below || blocks[i + 2]?.kind === 'figure');
    if (beside || (below && !above)) {
      out.push({ ...next, text: `${b.text} ${next.text}`, lines: [...b.lines, ...next.lines], paired: true });
      i++;
    } else if (above)
      out[out.length - 1] = {
        ...previous,
        text: `${previous.text} ${b.text}`,
        lines: [...previous.lines, ...b.lines],
        paired: true,
      };
    else out.push({ ...b, kind: 'body' });
  }
  return out;
}

/** The largest text on the first page, when it is set larger than the body: the title a reader sees on the cover. */
function coverTitle(page: PdfPage | undefined, skip: Set<PdfLine>, body: number): PdfLine[] {
  const lines = page?.lines.filter((l) => !skip.has(l) && /\p{L}/u.test(l.text)) ?? [];
  const largest = Math.max(0, ...lines.map((l) => l.size));
  if (largest < body * HEADING_RATIO) return [];
  const first = lines.findIndex((l) => l.size >= largest - 0.6);
  const title = [lines[first]!];
  for (const l of lines.slice(first + 1)) {
    if (l.size < largest - 0.6 || title.at(-1)!.y - l.y > l.size * 1.75) break;
    title.push(l);
  }
  return title;
}

/** Lays out a PDF's pages as the report a reader sees (see the module comment). */
export function layoutPdf(pages: PdfPage[], options: PdfLayoutOptions = {}): LaidOutText {
  const skip = marginLines(pages);
  for (const page of pages) for (const line of contentsLines(page)) skip.add(line);
  const kept = pages.map((p) => p.lines.filter((l) => !skip.has(l)));
  const body = bodySize(kept.flat());
  const vocabulary = vocabularyOf(pages);
  const titleLines = options.title ? [] : coverTitle(pages[0], skip, body);
  const title = options.title ?? titleLines.map((l) => l.text).join(' ');

  const outline = new Set(options.outline?.map((o) => outlineKey(o.title)));
  let blocks = kept.flatMap((lines, i) =>
    blocksOf(
      lines.filter((l) => !titleLines.includes(l)),
      i + 1,
      body,
      (text) => outline.has(outlineKey(text)),
    ),
  );
  for (const b of blocks) {
    b.text = b.lines
      .slice(1)
      .reduce(
        (text, l, i) => joinLines({ ...b.lines[i]!, text }, l.text, vocabulary, options.isWord),
        b.lines[0]!.text,
      );
    if (FIGURE.test(b.text)) b.kind = 'figure';
    else if (CREDIT.test(b.text) && b.size <= body + 0.6) b.kind = 'drop';
  }
  markFootnotes(blocks, body);
  blocks = pairFigures(blocks);
  markHeadings(blocks, body, options.outline);

  let text = title ? `# ${title}\n\n` : '';
  const pageStarts: number[] = [0];
  for (const b of blocks) {
    if (b.kind === 'drop') continue;
    while (pageStarts.length < b.page) pageStarts.push(text.length);
    const line =
      b.kind === 'heading'
        ? `${'#'.repeat(b.level!)} ${b.text}`
        : b.kind === 'footnote'
          ? `[^${b.footnote}]: ${b.text}`
          : b.text;
    text += `${line}\n\n`;
  }
  while (pageStarts.length < pages.length) pageStarts.push(text.length);
  return { text, pageStarts };
}
