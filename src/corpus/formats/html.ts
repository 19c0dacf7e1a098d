/**
 * HTML → report text. A web page's main content is found with Mozilla's Readability (the
 * reader view of Firefox) over a linkedom DOM, so menus, footers and sidebars are left
 * out; Word documents arrive here as mammoth's clean HTML and skip that step. Headings
 * become Markdown headings (the section path), every other block one paragraph, with its
 * text as the page shows it (whitespace collapsed), so quotes stay verbatim to it.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Elements whose text is one paragraph. */
const BLOCKS = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'DT', 'DD', 'FIGCAPTION', 'CAPTION', 'TR', 'ADDRESS']);
const HEADINGS = /^H([1-6])$/;
/** Never content. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'NAV', 'FORM', 'BUTTON', 'SELECT', 'IFRAME']);

interface Block {
  text: string;
  /** 1–6 for a heading. */
  level?: number | undefined;
}

/** Minimal DOM node shape used here (linkedom's nodes have these). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Blocks of an element tree in document order. Text outside any block (loose text in a div) becomes its own paragraph.
 */
function blocksOf(root: DomNode): Block[] {
  const out: Block[] = [];
  let loose = '';
  const flush = (): void => {
    if (clean(loose)) out.push({ text: clean(loose) });
    loose = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      loose += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 || SKIP.has(node.nodeName)) return;
    const heading = HEADINGS.exec(node.nodeName);
    if (heading || BLOCKS.has(node.nodeName)) {
      flush();
      // A table row reads as its cells side by side; a list item that holds blocks is walked instead.
      const text = node.nodeName === 'TR' ? rowText(node) : clean(node.textContent ?? '');
      if (node.nodeName === 'LI' && hasBlocks(node)) Array.from(node.childNodes).forEach(walk);
      else if (text) out.push({ text, level: heading ? Number(heading[1]) : undefined });
      return;
    }
    if (node.nodeName === 'BR') loose += '\n';
    const isBlockContainer =
      /^(DIV|SECTION|ARTICLE|MAIN|BODY|TABLE|TBODY|THEAD|UL|OL|DL|HEADER|FOOTER|ASIDE|CENTER)$/.test(node.nodeName);
    if (isBlockContainer) flush();
    Array.from(node.childNodes).forEach(walk);
    if (isBlockContainer) flush();
  };
  walk(root);
  flush();
  return out;
}

const rowText = (tr: DomNode): string =>
  Array.from(tr.childNodes)
    .filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH')
    .map((c) => clean(c.textContent ?? ''))
    .filter(Boolean)
    .join(' | ');

const hasBlocks = (node: DomNode): boolean =>
  Array.from(node.childNodes).some((c) => BLOCKS.has(c.nodeName) || HEADINGS.test(c.nodeName));

/**
 * Blocks as the Markdown layout the report parser reads: `# title`, then headings shifted so
 * the highest level used below the title is `##`, paragraphs separated by blank lines.
 */
function blocksToMarkdown(blocks: Block[], title?: string): string {
  const first = blocks[0];
  const titleText = title ? clean(title) : first?.level ? first.text : undefined;
  const body = titleText && first?.text === titleText ? blocks.slice(1) : blocks;
  const top = Math.min(7, ...body.filter((b) => b.level).map((b) => b.level!));
  const lines = body.map((b) => (b.level ? `${'#'.repeat(Math.min(6, b.level - top + 2))} ${b.text}` : b.text));
  return `${titleText ? `# ${titleText}\n\n` : ''}${lines.join('\n\n')}\n`;
}

/** A page title without its site's name ("Water report - Riverside Government" → "Water report"): its longest part. */
const withoutSiteName = (title: string): string =>
  title
    .split(/\s+[-|–—·:]\s+/)
    .sort((a, b) => b.length - a.length)[0]!
    .trim();
const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/**
 * The report's title: the fullest of the page's `<h1>`, its `og:title` and its `<title>` (without the
 * site's name). Readability drops an `<h1>` that repeats the `<title>` from the content, so the
 * content's first heading alone could be a section ("1. Drinking water").
 */
function titleOf(document: {
  querySelector(selector: string): { textContent: string | null; getAttribute(name: string): string | null } | null;
}): string | undefined {
  const candidates = [
    clean(document.querySelector('h1')?.textContent ?? ''),
    clean(document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? ''),
    withoutSiteName(clean(document.querySelector('title')?.textContent ?? '')),
  ].filter(Boolean);
  return candidates.sort((a, b) => wordCount(b) - wordCount(a))[0];
}

/**
 * An HTML document as report text.
 * @param mainContent find the page's main content first (web pages); false for documents that are all content
 * (converted Word files)
 */
export function htmlToReportText(html: string, mainContent = true): string {
  const { document } = parseHTML(html);
  if (mainContent) {
    const title = titleOf(document);
    // Readability edits the DOM it reads: give it its own copy.
    const article = new Readability(parseHTML(html).document, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: main } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      return blocksToMarkdown(blocksOf(main.body), title ?? (clean(article.title ?? '') || undefined));
    }
    for (const chrome of Array.from(document.querySelectorAll('header, footer, nav, aside'))) chrome.remove();
    return blocksToMarkdown(blocksOf(document.body), title);
  }
  for (const chrome of Array.from(document.querySelectorAll('nav'))) chrome.remove();
  const blocks = blocksOf(document.body);
  // A converted document's title is the heading it opens with.
  return blocksToMarkdown(blocks, blocks[0]?.level ? blocks[0].text : undefined);
}
