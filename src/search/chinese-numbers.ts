/**
 * Figures written in Chinese characters, read as Arabic ones so a Chinese question's year and
 * count meet the report's: "二〇二二年" → 2022年, "七十四件" → 74件, "三万元" → 30000元,
 * "1.5万" → 15000, "百分之八十二点五" → 82.5%; and the months a text names (9月, 十一月). Pure.
 *
 * Only figures that are plainly figures are read: a year of four digits, a number after 百分之, and
 * a number followed by a measure word or unit (件, 个, 人, 元…), but for an ordinal (第二批). A bare
 * numeral is left alone, as it is as often part of a word ("统一", "十分", "一站式").
 */
const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const DIGIT = '[〇零○一二三四五六七八九]';
const NUMERAL = `(?:${DIGIT}|[两十百千万亿])+(?:点${DIGIT}+)?`;
/** Measure words and units a count or amount stands before. */
const MEASURE =
  '(?:多|余)?(?:个|件|次|名|户|份|起|人|家|所|项|条|位|天|年|月|元|块|倍|例|宗|批|场|期|篇|部|台|辆|座|套|间|张|本|公里|千米|米|吨|亩|公顷|小时|分钟|岁|万|亿)';

const YEAR = new RegExp(`${DIGIT}{4}(?=\\s*年)`, 'gu');
const PERCENT = new RegExp(`百分之(${NUMERAL})`, 'gu');
/** (Not an ordinal: 第二期 is "the second class", no count of two; nor the tail of a numeral that one begins.) */
const COUNT = new RegExp(`(?<!第|${DIGIT}|[两十百千万亿])(${NUMERAL})(?=${MEASURE})`, 'gu');
const FRACTION = new RegExp(`^${DIGIT}+$`, 'u');
const ARABIC_WITH_UNIT = /(\d+(?:\.\d+)?)\s*([万亿])/gu;

/** Digit characters written as digits ("二〇二二" → "2022"). */
const digitsOf = (chars: string): string => chars.replace(/./gu, (ch) => String(DIGITS[ch]));

/** The value of a Chinese numeral ("七十四" → 74, "三万五千" → 35000, "八十二点五" → 82.5); undefined when not one. */
export function chineseNumber(numeral: string): number | undefined {
  const [whole = '', fraction] = numeral.split('点');
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of whole) {
    if (ch in DIGITS) {
      // Two digits in a row are no numeral this reads ("二〇" outside a year), but for a 零 holding a place ("二百零五").
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = undefined;
    } else if (ch in LARGE_UNITS) {
      if (total + section + (digit ?? 0) === 0) return undefined; // "万" alone: a unit of nothing
      total = (total + section + (digit ?? 0)) * LARGE_UNITS[ch]!;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  let value = total + section + (digit ?? 0);
  if (fraction !== undefined) {
    if (!FRACTION.test(fraction)) return undefined;
    value += Number(`0.${digitsOf(fraction)}`);
  }
  return whole || fraction ? value : undefined;
}

/** `text` with the figures it writes in characters written in Arabic numerals (see the module comment). */
export function arabicFigures(text: string): string {
  const figure = (numeral: string, whole: string, suffix = ''): string => {
    const value = chineseNumber(numeral);
    return value === undefined ? whole : `${value}${suffix}`;
  };
  return (
    text
      .replace(ARABIC_WITH_UNIT, (_, n: string, unit: string) => String(Math.round(Number(n) * LARGE_UNITS[unit]!)))
      .replace(YEAR, digitsOf)
      .replace(PERCENT, (whole, numeral: string) => figure(numeral, whole, '%'))
      // A lone 一 before a measure word ("一个", "一次性") is an article more often than a count.
      .replace(COUNT, (whole, numeral: string) => (numeral === '一' ? whole : figure(numeral, whole)))
  );
}

/** A month named in Chinese: its number in digits or characters before 月 (9月, 十一月; not 9个月, nine months). */
const MONTH_ZH = /(?<![\d个一二三四五六七八九十])(\d{1,2}|十[一二]?|[一二三四五六七八九])月/gu;

/** The months a text names in Chinese, each with where it stands: 2016年9月 → 9 at 5, 2 characters. */
export function chineseMonths(text: string): { number: number; at: number; length: number }[] {
  return [...text.matchAll(MONTH_ZH)].flatMap((m) => {
    const n = /\d/.test(m[1]!) ? Number(m[1]) : (chineseNumber(m[1]!) ?? 0);
    return n >= 1 && n <= 12 ? [{ number: n, at: m.index, length: m[0].length }] : [];
  });
}
