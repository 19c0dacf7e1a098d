import { describe, expect, it } from 'vitest';
import { arabicFigures, chineseNumber } from '../../src/search/chinese-numbers.js';

describe('figures written in Chinese characters', () => {
  it('reads numerals with their units and decimals', () => {
    expect(chineseNumber('七十四')).toBe(74);
    expect(chineseNumber('十')).toBe(10);
    expect(chineseNumber('十五')).toBe(15);
    expect(chineseNumber('二百零五')).toBe(205);
    expect(chineseNumber('三万五千')).toBe(35000);
    expect(chineseNumber('一千二百万')).toBe(12_000_000);
    expect(chineseNumber('两亿')).toBe(200_000_000);
    expect(chineseNumber('八十二点五')).toBe(82.5);
    expect(chineseNumber('万')).toBeUndefined();
    expect(chineseNumber('二〇')).toBeUndefined();
    expect(chineseNumber('八点')).toBeUndefined();
  });

  it('writes years, counts, amounts and percentages in numerals', () => {
    expect(arabicFigures('二〇二二年左云县有多少行政诉讼案件？')).toBe('2022年左云县有多少行政诉讼案件？');
    expect(arabicFigures('二零二三年')).toBe('2023年');
    expect(arabicFigures('调解了七十四件案件吗？')).toBe('调解了74件案件吗？');
    expect(arabicFigures('三十多件')).toBe('30多件');
    expect(arabicFigures('投入三万五千元')).toBe('投入35000元');
    expect(arabicFigures('1.5万人')).toBe('15000人');
    expect(arabicFigures('2亿元')).toBe('200000000元');
    expect(arabicFigures('比例是百分之八十二点五吗')).toBe('比例是82.5%吗');
    expect(arabicFigures('百分之一')).toBe('1%');
  });

  it('leaves numerals that are part of words, and a lone 一, as they are', () => {
    for (const text of ['统一', '十分重要', '一站式服务', '一个窗口', '一次性告知', 'How many cases in 2023?'])
      expect(arabicFigures(text)).toBe(text);
  });

  it('leaves an ordinal in words: 第二期 is the second class, not two of them', () => {
    for (const text of ['第二期培训班是什么时候开始的？', '第三批信访积案', '第二十期'])
      expect(arabicFigures(text)).toBe(text);
  });
});
