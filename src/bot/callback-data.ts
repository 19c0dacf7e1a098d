/**
 * Inline-button payloads (at most 64 bytes, as Telegram allows). Pure.
 * Anything that does not parse exactly is rejected: stale or forged data gets a short
 * answer, never an exception.
 *
 *   c:<report>:<¶>   a paragraph, sent as a new message (nearest sections, table of contents)
 *   w:<report>:<¶>   the same with the paragraph before and after
 *   t:<report>       the report's table of contents, as a new message
 *   T:<report>       the same, in place (back from one of its paragraphs)
 *   k:<report>:<¶>   a paragraph opened from the table of contents, in place
 *   v:<question>:<k>:<view>  answer k (0-based) of a remembered question, shown in place as the
 *                    card (0), its paragraph (1), ±1 paragraph (2) or its section outline (3)
 *   j:<question>:<k>:<¶>  paragraph ¶ of answer k's report, shown in place (from the section outline)
 *   o:<question>:<k>:<¶>  the section outline of answer k around paragraph ¶, in place (its earlier or later items)
 *   e:<lang>:<i>     example question i from /start, in the language it was offered in (en, zh)
 *   r:<report>:<lang>:<i>  example question i of a newly announced report, likewise
 *   l:<page>         page `page` (0-based) of /reports, shown in place
 *                    (e:<i> and r:<report>:<i> from before the language was carried: the reader's language)
 * Plug-ins add their own kinds, with prefixes of their own (notices: u: and x:, notices/callback-data.ts).
 * <report> is a short hash of the report id, stable across restarts and re-ingests.
 */
import { createHash } from 'node:crypto';
import type { ExampleLang } from '../answer/examples.js';

/** How an answer is shown in its message: the card, its paragraph, ±1 paragraph, its section outline. */
export const VIEWS = ['card', 'paragraph', 'wider', 'outline'] as const;
export type View = (typeof VIEWS)[number];

export type CallbackAction =
  | { kind: 'context' | 'wider'; report: string; paragraph: number }
  | { kind: 'contents' | 'contentsInPlace'; report: string }
  | { kind: 'contentsParagraph'; report: string; paragraph: number }
  | { kind: 'view'; question: string; page: number; view: View }
  | { kind: 'jump' | 'outlineAt'; question: string; page: number; paragraph: number }
  | { kind: 'example'; index: number; lang?: ExampleLang }
  | { kind: 'reportExample'; report: string; index: number; lang?: ExampleLang }
  | { kind: 'reports'; page: number };

/** 8 hex characters identifying a report id. */
export function reportKey(reportId: string): string {
  return createHash('sha1').update(reportId).digest('hex').slice(0, 8);
}

const KINDS = { c: 'context', w: 'wider' } as const;

export function encodeCallback(a: CallbackAction): string {
  switch (a.kind) {
    case 'context':
      return `c:${a.report}:${a.paragraph}`;
    case 'wider':
      return `w:${a.report}:${a.paragraph}`;
    case 'contents':
      return `t:${a.report}`;
    case 'contentsInPlace':
      return `T:${a.report}`;
    case 'contentsParagraph':
      return `k:${a.report}:${a.paragraph}`;
    case 'view':
      return `v:${a.question}:${a.page}:${VIEWS.indexOf(a.view)}`;
    case 'jump':
      return `j:${a.question}:${a.page}:${a.paragraph}`;
    case 'outlineAt':
      return `o:${a.question}:${a.page}:${a.paragraph}`;
    case 'example':
      return a.lang ? `e:${a.lang}:${a.index}` : `e:${a.index}`;
    case 'reportExample':
      return a.lang ? `r:${a.report}:${a.lang}:${a.index}` : `r:${a.report}:${a.index}`;
    case 'reports':
      return `l:${a.page}`;
  }
}

/** Parses callback data; undefined for anything malformed. */
export function decodeCallback(data: string | undefined): CallbackAction | undefined {
  if (!data || data.length > 64) return undefined;
  let m = /^([cw]):([0-9a-f]{8}):(\d{1,6})$/.exec(data);
  if (m) return { kind: KINDS[m[1] as keyof typeof KINDS], report: m[2]!, paragraph: Number(m[3]!) };
  m = /^([tT]):([0-9a-f]{8})$/.exec(data);
  if (m) return { kind: m[1] === 't' ? 'contents' : 'contentsInPlace', report: m[2]! };
  m = /^k:([0-9a-f]{8}):(\d{1,6})$/.exec(data);
  if (m) return { kind: 'contentsParagraph', report: m[1]!, paragraph: Number(m[2]!) };
  m = /^v:([0-9a-z]{1,12}):(\d{1,2}):([0-3])$/.exec(data);
  if (m) return { kind: 'view', question: m[1]!, page: Number(m[2]!), view: VIEWS[Number(m[3]!)]! };
  m = /^([jo]):([0-9a-z]{1,12}):(\d{1,2}):(\d{1,6})$/.exec(data);
  if (m)
    return {
      kind: m[1] === 'j' ? 'jump' : 'outlineAt',
      question: m[2]!,
      page: Number(m[3]!),
      paragraph: Number(m[4]!),
    };
  m = /^e:(?:(en|zh):)?(\d{1,2})$/.exec(data);
  if (m) return { kind: 'example', index: Number(m[2]!), ...(m[1] ? { lang: m[1] as ExampleLang } : {}) };
  m = /^r:([0-9a-f]{8}):(?:(en|zh):)?(\d{1,2})$/.exec(data);
  if (m)
    return {
      kind: 'reportExample',
      report: m[1]!,
      index: Number(m[3]!),
      ...(m[2] ? { lang: m[2] as ExampleLang } : {}),
    };
  m = /^l:(\d{1,5})$/.exec(data);
  if (m) return { kind: 'reports', page: Number(m[1]!) };
  return undefined;
}

/**
 * Deep links (`https://t.me/<bot>?start=<payload>`, payload [A-Za-z0-9_-], at most 64):
 *   p_<report>_<¶>   open a paragraph    r_<report>   a report's contents
 * (plug-ins may take others first: notices take `subscribe`)
 */
export type StartLink = { kind: 'paragraph'; report: string; paragraph: number } | { kind: 'report'; report: string };

export function startPayload(link: StartLink): string {
  switch (link.kind) {
    case 'paragraph':
      return `p_${link.report}_${link.paragraph}`;
    case 'report':
      return `r_${link.report}`;
  }
}

/** Parses a /start payload; undefined for none or anything malformed. */
export function parseStartPayload(payload: string | undefined): StartLink | undefined {
  if (!payload) return undefined;
  let m = /^p_([0-9a-f]{8})_(\d{1,6})$/.exec(payload);
  if (m) return { kind: 'paragraph', report: m[1]!, paragraph: Number(m[2]!) };
  m = /^r_([0-9a-f]{8})$/.exec(payload);
  if (m) return { kind: 'report', report: m[1]! };
  return undefined;
}

/** A link that opens paragraph `n` of a report in a chat with the bot. */
export function paragraphLink(bot: string, reportId: string, paragraph: number): string {
  return `https://t.me/${bot}?start=${startPayload({ kind: 'paragraph', report: reportKey(reportId), paragraph })}`;
}
