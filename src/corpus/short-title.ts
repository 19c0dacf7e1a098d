/**
 * A short name for a report that has none of its own (no sidecar `shortTitle`), for citations:
 * who issued it, its year and its kind, from its title — "The People's Government of Zuoyun
 * County 2023 Annual Report on the Construction of …" → "Zuoyun County 2023 Annual Report". Pure.
 */

/** Most characters a derived short title has; a longer one is not derived (the caller clips the title). */
export const MAX_SHORT_TITLE = 40;

/** Words naming a kind of report, longest first. */
const KIND =
  /\b(annual report|work report|impact report|policy address|progress report|report|assessment|address|review|plan|budget|statement|strategy|yearbook|bulletin)\b/i;
const YEAR = /\b(?:FY\s?)?((?:19|20)\d{2}(?:\s?[-–]\s?(?:19|20)?\d{2})?)\b/;
/** Words of an issuer's name that say nothing about which one it is. */
const GENERIC = /^(the|of|people's|government|governments|office|annual|our|a|an)$/i;

export function deriveShortTitle(title: string): string | undefined {
  const kind = KIND.exec(title);
  const year = YEAR.exec(title);
  if (!kind || !year) return undefined;
  const capitalised = (text: string): string[] =>
    text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !GENERIC.test(w));
  // Who: the capitalised words before the year or the kind, whichever comes first, generic ones dropped.
  const who = capitalised(title.slice(0, Math.min(year.index, kind.index)));
  // What: the kind, with the words between the year and it when they are few ("2024 Library Report", "2025 Policy
  // Address").
  const between = year.index < kind.index ? title.slice(year.index + year[0].length, kind.index).trim() : '';
  const qualifier = between && between.split(/\s+/).length <= 2 ? capitalised(between) : [];
  const kindWords = kind[1]!.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  // A year and a kind alone ("2025 Assessment") name no report in particular.
  if (!who.length && !qualifier.length) return undefined;
  const short = [...who, year[1]!.replace(/\s/g, ''), ...qualifier, kindWords].join(' ');
  return short.length <= MAX_SHORT_TITLE ? short : undefined;
}
