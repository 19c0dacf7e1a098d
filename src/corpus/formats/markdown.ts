/**
 * A Markdown report's text as its reader sees it: a link is its words ("[25 exemplar services](https://…)" reads "25
 * exemplar services"), an image and an HTML tag are not text, an entity is its character ("&rarr;" reads "→"), and
 * emphasis, code and escape marks are not shown; a paragraph of links only is the page's navigation. Quotes are cut
 * from this text, so they never carry an address or a mark the rendered page does not show. Block structure is kept: headings (an HTML `<h3>` one too), list items, tables
 * and footnotes (`[^1]: …`) are the parser's to read; a line that held only markup is gone, so an HTML block's text
 * stays one paragraph (a figure over its label: "129" over "Organizations requested API access"). A site generator's
 * front matter is no text either: its title and date become the header lines the parser reads ("Title: …"). Pure.
 */
import { decodeHTMLStrict } from 'entities';

/** YAML front matter: `---` lines around `key: value` lines at the very top. */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** Front matter fields a reader of the report is told (parse.ts reads them as header lines). */
const HEADER_FIELDS: Record<string, string> = {
  title: 'Title',
  date: 'Date',
  author: 'Issued by',
  published: 'Published',
};

/** `![alt](address "title")`: a picture, not text. (Its address holds no space, its title is short: one pass per line.) */
const IMAGE = /!\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]{0,300}")?\)/g;
/**
 * `[words](address "title")`, an address holding one level of brackets ("…/Foo_(bar)"); the words may run over a line
 * break, as a wrapped paragraph's do ("[less than 5% than the equivalent face-to-face\ninteraction](…)"), never over a
 * blank line. A file's address may hold spaces, as kramdown renders it ("[Annex: Public Perception Survey
 * (0.07MB)](/files/…/Annex - Survey of legal system infographics.pdf)").
 */
const LINK =
  /\[((?:[^[\]\n]|\n(?![ \t]*\n))*)\]\((?:(?:[^()\s]|\([^()\s]*\))*|(?:\/|https?:\/\/)[^()\n"]*?\.[A-Za-z\d]{2,5})(?:\s+"[^"\n]{0,300}")?\)/g;
/** A line that is one link and nothing else ("[< Back to main 2021 Action Plan page](…)", "[Key findings](#key-findings)"). */
const LINK_LINE = new RegExp(String.raw`^[ \t]*${LINK.source}[ \t]*$`);
/** A paragraph: lines holding more than spaces, one after another (a line of spaces alone parts them, as in Markdown). */
const PARAGRAPH = /(?:^|\n)(?:[^\n]*\S[^\n]*\n?)+/g;
/** An HTML link (`<a href="#milestone-q1">Jump to Quarter 1</a>`): written as a Markdown one, so it reads the same. */
const HTML_LINK = /<a\s[^<>]*?href="([^"\s<>]*)"[^<>]*>([^<>[\]]*)<\/a>/gi;
/** `[words][label]` and `[words][]`: a reference link (its definition is dropped below). */
const REFERENCE_LINK = /\[([^[\]\n]+)\]\[[^[\]\n]*\]/g;
/** `[label]: address "title"` on a line of its own (never a footnote, `[^1]: …`). */
const DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?(?:[a-z][a-z0-9+.-]*:|\/|#)\S*>?(?:[ \t]+["'(][^\n]*)?$/gim;
/** `<https://…>` and `<name@host>`: the address is the text. */
const AUTOLINK = /<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>/gi;
/** An HTML heading on a line of its own (`<h3>Impact</h3>`): a Markdown heading of its level. */
const HTML_HEADING = /^[ \t]*<h([1-6])(?:\s[^<>\n]*)?>(.*?)<\/h\1>[ \t]*$/gim;
/**
 * A heading set as emphasis, on a line of its own, as a page without Markdown headings sets them (Singapore's MinLaw
 * speeches: "**A Growing the Legal Industry**", "***Promotion of Singapore Law***", "<u>International Mediation</u>",
 * "<b>A. Public Defender's Office</b>"): a heading when its words are one (asHeading). Level 3, below a page's title.
 */
const EMPHASIS_LINE =
  /^[ \t]*(?:<(b|strong|u)>([^<>\n]{1,120})<\/\1>|(\*{2,3}|_{2})(?=\S)([^*_\n]{1,120}?)(?<=\S)\3)[ \t]*$/gim;
/**
 * The same heading as a one-item ordered list set in bold, lettered by the browser ("A. Helping Litigants"):
 * `<ol style="list-style-type: upper-alpha; font-weight:bold;">` over `<li>Helping Litigants</li>`.
 */
const BOLD_LIST_HEADING =
  /^[ \t]*<ol\s[^<>\n]*font-weight:\s*bold[^<>\n]*>[ \t]*\n[ \t]*<li>([^<>\n]{1,120})<\/li>[ \t]*\n[ \t]*<\/ol>[ \t]*$/gim;

/** A heading's words: a few, not a sentence ("Helping Litigants"; not "**Note:**" nor "**We did it.**"). */
function asHeading(line: string, words: string): string {
  const text = words.trim();
  return text.split(/\s+/).length <= 12 && !/[.:;!?,]$/.test(text) ? `### ${text}` : line;
}

/**
 * An HTML paragraph on a line of its own (`<p class="text-italic">I submitted the idea …</p>`), as a page's boxes write
 * their text inside an HTML block: a paragraph of its own, as its reader sees it, not run into the lines around it.
 */
const HTML_PARAGRAPH = /^[ \t]*<p(?:\s[^<>\n]*)?>(.*?)<\/p>[ \t]*$/gim;
/**
 * An HTML list item on a line of its own (`<li>We'll build and test earlier.</li>`): a paragraph of its own. Its mark is
 * the browser's (a bullet, "a.", "iii."), drawn and never copied with the text, so none is written: a quote of a list
 * with its lead-in holds the page's words only ("… members will see: 92% of Singaporeans …").
 */
const HTML_ITEM = /^[ \t]*<li(?:\s[^<>\n]*)?>(.*?)<\/li>[ \t]*$/gim;
/** An HTML comment on one line. */
const COMMENT = /<!--[^\n]*?-->/g;
/**
 * A heading written without the space after its marks ("####Digital inclusion", "##05 What we have already done"), as
 * kramdown and other site generators still render it; one mark alone stays text ("#GovTech").
 */
const TIGHT_HEADING = /^(#{2,6})(?=[^#\s])/gm;
/**
 * A kramdown attribute list on a line of its own (`{: .pull-right}`), or a site's own block marker or directive (`{pull}`
 * under a pull quote, `{page-break}`, `{include action01-case-study.md}`: GOV.UK's 2012 strategy pages): styling and
 * the site generator's, not text.
 */
const ATTRIBUTE_LIST = /^[ \t]*\{(?::[^}\n]*|[a-z]+(?:-[a-z]+)*(?:[ \t]+[^{}\s][^{}\n]*)?)\}[ \t]*$/gm;
/** A kramdown attribute list after a span (`[Download](x.pdf){: .usa-button}`): styling, not text. */
const SPAN_ATTRIBUTES = /\{:[ \t]*[.#][^}\n]*\}/g;
/**
 * A Liquid tag (`{{ site.baseurl }}`, `{% include x.html %}`): the site generator's, never shown as written; inside a
 * link's address it would hide the link ("[Agency Actions]({{ site.baseurl }}/agency-actions/)").
 */
const LIQUID = /\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\}/g;
/**
 * A footnote's reference in the text ("… the 2020 Action Plan.[^2] In 2020 …"): its reader sees a small raised number,
 * not words of the sentence. (A footnote itself, `[^2]: …` at a line's start, is the parser's.)
 */
const FOOTNOTE_REFERENCE = /(?<=\S)\[\^[^\]\s]{1,12}\](?!:)/g;
/** The same reference as kramdown writes it in HTML (`<sup><a href="#fn:1">1</a></sup>`): a raised number, no word. */
const HTML_FOOTNOTE_REFERENCE = /<sup\b[^<>]*>\s*<a\s[^<>]*href="#[^"<>]*"[^<>]*>[^<>]{1,6}<\/a>\s*<\/sup>/gi;
/** A quotation's `> ` marks at the start of its lines (not a figure's sign: ">1 to 2 | Low", ">137M"). */
const BLOCKQUOTE = /^[ \t]{0,3}(?:>(?:[ \t]+|$))+/gm;
/** `<br>` inside a line (a table cell's second paragraph): a space. */
const LINE_BREAK = /(?:[ \t]*<br\s*\/?>[ \t]*)+/gi;
/**
 * A table's delimiter row under its header (`| --- | :---: |`; its cells may have one hyphen, `| :- | --- |`, where a pipe
 * sets them apart).
 */
const DELIMITER_ROW =
  /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$|^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;
/** An HTML tag (`<div class="x">`, `</div>`, `<br/>`); "< 5%" and "a<b" are no tag. */
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>\n]*)?\/?>/gi;
/**
 * `**strong**` and `__strong__`, `__` only between non-word characters ("snake__case" stays). The closing `**` may
 * stand after spaces that belong outside it ("**Reporting: **On November 19, …", an exported page's label).
 */
const STRONG =
  /\*\*(?=\S)([^*\n]*?\S)(?:[ \t]+(?=\*\*\S))?\*\*|(?<![\p{L}\p{N}_])__(?=\S)([^_\n]*?\S)__(?![\p{L}\p{N}_])/gu;
/**
 * `*emphasis*` and `_emphasis_`, never a bullet ("* item"), a footnote's star after a figure ("47* | 13*") or an
 * underscore inside a word.
 */
const EMPHASIS =
  /(?<![\p{L}\p{N}*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_\n]*?[^\s_\\])_(?![\p{L}\p{N}_])/gu;
/** `` `code` ``: the code is the text. */
const CODE = /`([^`\n]+)`/g;
/**
 * `\*`, `\_`, `\[`…: the character itself (never `\#`, `\-`, `\+`, `\.` or `\>`, which would make a line a heading, a list
 * item or a quotation).
 */
const ESCAPE = /\\([\\`*_{}[\]()!|])/g;

/** The text of Markdown source `markdown` as rendered. */
export function markdownReaderText(markdown: string): string {
  const text = tablesAsRows(htmlTablesAsRows(withoutFrontMatter(markdown)))
    .replace(TIGHT_HEADING, '$1 ')
    .replace(ATTRIBUTE_LIST, '')
    .replace(SPAN_ATTRIBUTES, '')
    .replace(LIQUID, '')
    .replace(FOOTNOTE_REFERENCE, '')
    .replace(HTML_FOOTNOTE_REFERENCE, '')
    .replace(BLOCKQUOTE, '')
    .replace(LINE_BREAK, ' ')
    .replace(HTML_LINK, '[$2]($1)')
    .replace(DEFINITION, '')
    .replace(HTML_HEADING, (_, level: string, words: string) => `${'#'.repeat(Number(level))} ${words}`)
    .replace(BOLD_LIST_HEADING, asHeading)
    .replace(EMPHASIS_LINE, (line, _tag, tagged?: string, _mark?: string, marked?: string) =>
      asHeading(line, tagged ?? marked ?? ''),
    )
    .replace(HTML_PARAGRAPH, '\n$1\n')
    .replace(HTML_ITEM, '\n$1\n')
    .split('\n')
    .flatMap(withoutMarkup)
    .join('\n')
    .replace(PARAGRAPH, withoutNavigation)
    .replace(LINK, (link, words: string, at: number, whole: string) => apart(words, whole, at, link))
    .replace(REFERENCE_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(CODE, '$1')
    .replace(STRONG, (strong, a: string | undefined, b: string | undefined, at: number, whole: string) =>
      apart(a ?? b ?? '', whole, at, strong),
    )
    .replace(EMPHASIS, (_, a?: string, b?: string) => a ?? b ?? '')
    .replace(ESCAPE, '$1');
  return decodeHTMLStrict(text);
}

/** A character a word ends with, and one a word starts with, where no space parts two words. */
const WORD_END = /[\p{L}\p{N}.,;:!?)”]/u;
const WORD_START = /[\p{L}\p{N}(“]/u;

/**
 * A link's or a strong emphasis's words, with a space at a side where they touch a word: a page exported to Markdown
 * may lose the spaces around its inline elements ("to support[housing stability](…)throughout", "released the[February
 * ERA report](…).[Treasury Announces …](…)", "**Guidance:**OMB published"), where the published page showed the words
 * apart; read glued, "theFebruary" would be one word and "report.Treasury" one sentence. (A link's own punctuation,
 * "[GOV.UK](…)'s" or "([FAQs](…))", touches nothing.)
 */
function apart(words: string, text: string, at: number, markup: string): string {
  const before = WORD_END.test(text[at - 1] ?? '') && WORD_START.test(words[0] ?? '');
  const after = WORD_END.test(words.at(-1) ?? '') && WORD_START.test(text[at + markup.length] ?? '');
  return `${before ? ' ' : ''}${words}${after ? ' ' : ''}`;
}

/**
 * A paragraph of links and nothing else is the page's navigation, not the report's text: a button ("< Back to main
 * page", "Download a PDF"), a table of contents ("[Key findings](#key-findings)" over "[Methodology](#methodology)").
 * Its lines stay, blank, so the paragraphs around it stay apart.
 */
function withoutNavigation(paragraph: string): string {
  const lines = paragraph.split('\n');
  return lines.every((line) => !line.trim() || LINK_LINE.test(line)) ? lines.map(() => '').join('\n') : paragraph;
}

/** A line without its comments, pictures and tags; none at all when it held nothing else. */
function withoutMarkup(line: string): string[] {
  const text = line.replace(COMMENT, '').replace(IMAGE, '').replace(TAG, '');
  return line.trim() && !text.trim() ? [] : [text];
}

/** The front matter's title, date and author as header lines ("Title: Annual Report"), the rest dropped. */
function withoutFrontMatter(text: string): string {
  const front = FRONT_MATTER.exec(text);
  if (!front) return text;
  const fields = front[1]!.split(/\r?\n/).flatMap((line) => {
    const m = /^([a-z]+):[ \t]*(["']?)(\S(?:.*\S)?)\2[ \t]*$/i.exec(line);
    const label = m && HEADER_FIELDS[m[1]!.toLowerCase()];
    return label && !/^[>|]/.test(m[3]!) ? [`${label}: ${m[3]}\n\n`] : [];
  });
  return fields.join('') + text.slice(front[0].length);
}

/**
 * A pipe table's rows as the report parser reads a converted page's: each row a paragraph of its own, its cells
 * separated by " | " without the outer pipes (lists.ts finds the header row over them), the delimiter row dropped, and
 * one between rows too (a table's rows ruled off in groups: "DWP - upper | 430" / "DWP - lower | 260" / "--- | ---").
 */
function tablesAsRows(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes('|') || !DELIMITER_ROW.test(lines[i + 1] ?? '')) {
      out.push(lines[i]!);
      continue;
    }
    out.push(cells(lines[i]!), '');
    for (i += 2; i < lines.length && lines[i]!.includes('|') && lines[i]!.trim(); i++) {
      out.push(DELIMITER_ROW.test(lines[i]!) ? '' : cells(lines[i]!), '');
    }
    i--;
  }
  return out.join('\n');
}

/** An HTML table (`<table>…</table>`), its rows (`<tr>`) and their cells (`<th>`, `<td>`). */
const HTML_TABLE = /<table\b[^<>]*>([\s\S]*?)<\/table>/gi;
const HTML_ROW = /<tr\b[^<>]*>([\s\S]*?)<\/tr>/gi;
const HTML_CELL = /<t([hd])\b[^<>]*>([\s\S]*?)<\/t\1>/gi;

/**
 * An HTML table in the Markdown (a page's `<table class="usa-table">`) read as a pipe table is: each row a paragraph of
 * its cells' words joined by " | ", the header row first ("Phase | # of Projects | Total $" over "Phase Two | 13 |
 * $1,672,400"), not every cell a line of its own run into one paragraph.
 */
function htmlTablesAsRows(text: string): string {
  return text.replace(HTML_TABLE, (_, body: string) => {
    const rows = [...body.matchAll(HTML_ROW)].map((row) =>
      [...row[1]!.matchAll(HTML_CELL)].map((cell) => cell[2]!.replace(TAG, ' ').replace(/\s+/g, ' ').trim()),
    );
    return `\n\n${rows
      .filter((cells) => cells.some(Boolean))
      .map((cells) => cells.join(' | '))
      .join('\n\n')}\n\n`;
  });
}

/** A table row's cells, trimmed, joined by " | " (a pipe escaped in a cell, `\\|`, is its text). */
function cells(row: string): string {
  const parts = row.trim().split(/(?<!\\)\|/);
  if (parts[0]!.trim() === '') parts.shift();
  if (parts.length && parts.at(-1)!.trim() === '') parts.pop();
  return parts.map((cell) => cell.trim().replace(/\\\|/g, '|')).join(' | ');
}
