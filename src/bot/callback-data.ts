/**
 * Inline-button payloads (at most 64 bytes, as Telegram allows). Pure.
 * Anything that does not parse exactly is rejected: stale or forged data gets a short
 * answer, never an exception.
 *
 *   c:<report>:<¶>   more context (the whole paragraph)
 *   w:<report>:<¶>   wider context (¶-1 … ¶+1)
 *   s:<report>:<¶>   section outline
 *   p:<question>:<k> page k (0-based) of the answers to a remembered question
 *   e:<i>            example question i from /start
 *   r:<report>:<i>   example question i of a newly announced report
 * <report> is a short hash of the report id, stable across restarts and re-ingests.
 */
import { createHash } from 'node:crypto';

export type CallbackAction =
  | { kind: 'context' | 'wider' | 'section'; report: string; paragraph: number }
  | { kind: 'page'; question: string; page: number }
  | { kind: 'example'; index: number }
  | { kind: 'reportExample'; report: string; index: number };

/** 8 hex characters identifying a report id. */
export function reportKey(reportId: string): string {
  return createHash('sha1').update(reportId).digest('hex').slice(0, 8);
}

const KINDS = { c: 'context', w: 'wider', s: 'section' } as const;

export function encodeCallback(a: CallbackAction): string {
  switch (a.kind) {
    case 'context':
      return `c:${a.report}:${a.paragraph}`;
    case 'wider':
      return `w:${a.report}:${a.paragraph}`;
    case 'section':
      return `s:${a.report}:${a.paragraph}`;
    case 'page':
      return `p:${a.question}:${a.page}`;
    case 'example':
      return `e:${a.index}`;
    case 'reportExample':
      return `r:${a.report}:${a.index}`;
  }
}

/** Parses callback data; undefined for anything malformed. */
export function decodeCallback(data: string | undefined): CallbackAction | undefined {
  if (!data || data.length > 64) return undefined;
  let m = /^([cws]):([0-9a-f]{8}):(\d{1,6})$/.exec(data);
  if (m) return { kind: KINDS[m[1] as keyof typeof KINDS], report: m[2], paragraph: Number(m[3]) };
  m = /^p:([0-9a-z]{1,12}):(\d{1,2})$/.exec(data);
  if (m) return { kind: 'page', question: m[1], page: Number(m[2]) };
  m = /^e:(\d{1,2})$/.exec(data);
  if (m) return { kind: 'example', index: Number(m[1]) };
  m = /^r:([0-9a-f]{8}):(\d{1,2})$/.exec(data);
  if (m) return { kind: 'reportExample', report: m[1], index: Number(m[2]) };
  return undefined;
}
