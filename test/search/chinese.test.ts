import { describe, expect, it } from 'vitest';
import {
  ChineseGlossary,
  chineseSimplifier,
  ensureGlossary,
  glossReadings,
  monthsInEnglish,
  senseReadings,
  withSuffix,
} from '../../src/search/chinese.js';
import { chineseMonths } from '../../src/search/chinese-numbers.js';
import { sortKeyedLines } from '../../src/search/keyed-lines.js';

const glossary = ChineseGlossary.parse(
  sortKeyedLines([
    '行政\tadministration|(attributive) administrative; executive',
    '案件\tcase|instance',
    '行政案件\tadministrative lawsuit',
    '了\t(completed action marker)|to finish',
    '件\titem|classifier for events, things, clothes etc',
    '普法\tto disseminate knowledge of the law',
    '普\tgeneral|popular',
    '法\tlaw|method',
    '新增\tnewly added; additional',
    '去年\tlast year',
    "没有\thaven't|hasn't|doesn't exist|to not have|to not be",
    '有没有\tIs there a ...?',
    '根本\tfundamental|basic|root|simply|absolutely (not)|(not) at all',
    '回应\tto respond; response',
    '原因\tcause; reason',
    '最\t(before an adjective or verb) to the highest degree; (the) most ...; -est|best or most extreme example',
    '低\tlow',
    '年\tyear',
    "年成\tthe year's harvest",
    '成立\tto establish|to set up',
    '哪一\twhich one',
    '几个\ta few|several|how many',
    '州\tprefecture|state',
    '個\t=个',
    '幾\t=几',
    '多久\t(of time) how long?',
    '邊\t=边',
    '該\t=该',
    '沒\t=没',
    '應\t=应',
    '機\t=机',
    '構\t=构',
    '可\t(prefix) can; may; able to; -able|to approve; to permit',
    '用\tto use; to make use of; to employ|(coverb) with; using',
    '性\tnature|character|property|suffix forming noun from adjective, corresponding to -ness or -ity',
    '测试\tto test|test',
    '花\tflower|blossom|fancy pattern|florid|to spend (money, time)',
    '名\tname|noun (part of speech)|classifier for people',
    '名数\tnoun (grammar)',
    '数字\tnumeral; digit; digital',
    '专家\texpert; specialist',
    '家\thome; family|classifier for families or businesses',
    '家庭\tfamily; household',
    '招聘\tto recruit; to invite applications for a job',
    '截至\tup to (a time)|by (a time)',
    '截\tto cut off (a length)|to stop',
    '至\tto arrive|most',
  ]).join('\n'),
);

describe('Chinese questions', () => {
  it('segments by longest dictionary match', () => {
    expect(glossary.segment('2023年全县有多少起行政案件？')).toEqual([
      '年',
      '全',
      '县',
      '有',
      '多',
      '少',
      '起',
      '行政案件',
    ]);
    expect(glossary.segment('行政的案件')).toEqual(['行政', '的', '案件']);
  });

  it('turns dictionary senses into readings of stemmed English words', () => {
    expect(senseReadings('to dismiss an employee')).toEqual([[['dismiss'], ['employe']]]);
    expect(senseReadings('newly added; additional')).toEqual([[['newli', 'new'], ['ad']], [['addit']]]);
    expect(senseReadings('CL:條|条[tiao2]')).toEqual([]);
    expect(senseReadings('classifier for events, things, clothes etc')).toEqual([]);
  });

  it('reads a measure of something as that something too: 满意度 "degree of satisfaction" is "satisfaction"', () => {
    expect(senseReadings('degree of satisfaction')).toEqual([[['degre'], ['satisfact']], [['satisfact']]]);
    expect(senseReadings('number of visits; hits')).toEqual([[['number'], ['visit']], [['visit']], [['hit']]]);
    // (Not any "of": "Department of Justice" is no measure.)
    expect(senseReadings('Department of Justice')).toEqual([[['depart'], ['justic']]]);
  });

  it('reads a place as its name and kind, not where it lies (the report’s own county is not "Shanxi")', () => {
    expect(glossReadings('Zuoyun county in Datong 大同[Da4 tong2], Shanxi')).toEqual([
      { text: 'Zuoyun county', reading: [['zuoyun'], ['counti']] },
    ]);
    expect(senseReadings('Nanjiao district of Datong city 大同市[Da4 tong2 shi4], Shanxi')).toEqual([
      [['nanjiao'], ['district']],
    ]);
    // Not a place description: every part read as before.
    expect(senseReadings('Datong, prefecture-level city in Shanxi Province 山西省[Shan1 xi1 Sheng3]')).toEqual([
      [['datong']],
    ]);
  });

  it('keeps the English words of each reading as written, for a model to embed', () => {
    expect(glossReadings('to dismiss an employee; to sack')).toEqual([
      { text: 'dismiss an employee', reading: [['dismiss'], ['employe']] },
      { text: 'sack', reading: [['sack']] },
    ]);
    // One gloss per reading, the Chinese word's own reading and a compound's part-by-part reading having none.
    for (const c of glossary.concepts('普法了几件行政案件？')) expect(c.glosses).toHaveLength(c.senses.length);
    expect(glossary.concepts('行政案件')[0]!.glosses).toEqual(['administrative lawsuit', '', '']);
  });

  it('makes concepts of content words only, with compounds also read part by part', () => {
    const concepts = glossary.concepts('普法了几件行政案件？');
    expect(concepts.map((c) => c.senses.at(-1))).toEqual([[['普法']], [['行政案件']]]);
    const law = concepts[0]!;
    expect(law.senses).toContainEqual([
      ['gener', 'popular'],
      ['law', 'method'],
    ]);
    expect(concepts.every((c) => c.translated)).toBe(true);
  });

  it('reads affixes as the dictionary gives them: 可 "-able" with the verb after it, 性 "-ness or -ity" as nothing more', () => {
    // 可用性测试 "usability testing": 可用 is in no dictionary; 可 + 用 "to use" is "usable", which stems as "usability".
    const concepts = glossary.concepts('可用性测试');
    expect(concepts.map((c) => c.senses)).toEqual([[[['usabl']], [['可用']]], expect.anything()]);
    expect(concepts[0]!.glosses).toEqual(['usable', '']);
    expect(concepts[1]!.senses.at(-1)).toEqual([['测试']]);
    // 性 alone, where it is no suffix, is a word of its own.
    expect(glossary.concepts('性').map((c) => c.senses.at(-1))).toEqual([[['性']]]);
    expect(['use', 'rely', 'read', 'agree'].map((verb) => withSuffix(verb, 'able'))).toEqual([
      'usable',
      'reliable',
      'readable',
      'agreeable',
    ]);
  });

  it('reads a word before an aspect particle (了, 过) as a verb: 花了 is "spent", not "flower"', () => {
    const spent = glossary.concepts('花了多少钱').find((c) => c.source === '花')!;
    expect(spent.glosses?.[0]).toBe('spend');
    expect(spent.verb).toBe(true);
    expect(glossary.concepts('花').find((c) => c.source === '花')!.glosses?.[0]).toBe('flower');
  });

  it("time said relative to now (去年) is the report's own period, not a topic", () => {
    expect(glossary.concepts('去年新增几件行政案件？').map((c) => c.senses.at(-1))).toEqual([
      [['新增']],
      [['行政案件']],
    ]);
  });

  it('reads negation and the questions made of it as grammar, and 根本 before a negation as "at all"', () => {
    // 根本没有回应 "did not respond at all": not "fundamental", not "doesn't exist" (GSA's "Fundamental Alteration").
    expect(glossary.concepts('有多少个机构根本没有回应？').map((c) => c.senses.at(-1))).toEqual([[['回应']]]);
    expect(glossary.concepts('有没有原因？').map((c) => c.senses.at(-1))).toEqual([[['原因']]]);
    // An adverb of degree is grammar too: 最低 is "lowest" (the tokenizer's "low"), not "high degree" and "low".
    expect(glossary.concepts('最低').map((c) => c.senses.at(-1))).toEqual([[['低']]]);
    // Elsewhere 根本 is a word of its own: the fundamental cause.
    expect(glossary.concepts('根本原因').map((c) => c.senses.at(-1))).toEqual([[['根本']], [['原因']]]);
  });

  it('reads 年 after a year as part of the year, not the word "year"; after any other number it counts years', () => {
    const glossed = (q: string): string[][][] => glossary.concepts(q).map((c) => c.senses.at(-1)!);
    expect(glossed('2023年行政案件')).toEqual([[['行政案件']]]);
    expect(glossed('2023 年行政案件')).toEqual([[['行政案件']]]);
    expect(glossed('3年行政案件')).toEqual([[['年']], [['行政案件']]]);
  });

  it('reads question phrases apart before segmenting, so they do not glue onto the next word', () => {
    const glossed = (q: string): string[][][] => glossary.concepts(q).map((c) => c.senses.at(-1)!);
    // Longest match first would read 哪一 | 年成 "the year's harvest" | 立.
    expect(glossed('行政案件是哪一年成立的？')).toEqual([[['行政案件']], [['成立']]]);
    // 几个 before a measure word asks "how many", it is not "several".
    expect(glossed('在几个州成立？')).toEqual([[['州']], [['成立']]]);
  });

  it('sets a classifier after a count apart from the word after it, where that word reaches further (名 | 数字, not 名数 | 字)', () => {
    const glossed = (q: string): string[][][] => glossary.concepts(q).map((c) => c.senses.at(-1)!);
    expect(glossed('招聘了多少名数字专家？')).toEqual([[['招聘']], [['数字']], [['专家']]]);
    expect(glossed('招聘了200名数字专家')).toEqual([[['招聘']], [['数字']], [['专家']]]);
    // A word the classifier's character begins, that the next word does not outreach, stays whole: 家庭 "households".
    expect(glossed('有多少家庭？')).toEqual([[['家庭']]]);
    // Elsewhere longest match first, as before: 名数 "noun" where no count is before it.
    expect(glossary.segment('名数字')).toEqual(['名数', '字']);
  });

  it('reads a Chinese month as the English month name and 截至 "as of" as grammar', () => {
    expect(monthsInEnglish('截至2016年9月，招聘了多少名专家？')).toBe('截至2016年 September ，招聘了多少名专家？');
    expect(monthsInEnglish('十一月和3月')).toBe(' November 和 March ');
    expect(monthsInEnglish('用了9个月')).toBe('用了9个月'); // nine months, a length of time
    expect(chineseMonths('2016年十二月')).toEqual([{ number: 12, at: 5, length: 3 }]);
    // (Not 截 "to cut off" and 至 "to arrive", its characters read part by part.)
    expect(glossary.concepts('截至招聘').map((c) => c.senses.at(-1))).toEqual([[['招聘']]]);
    expect(chineseSimplifier(undefined)('截至9月招聘')).toBe('截至 September 招聘');
  });

  it('reads traditional characters as the simplified ones, a character at a time, only those no simplified word uses', () => {
    expect(glossary.simplified('有多少個機構？')).toBe('有多少个机构？');
    expect(glossary.simplified('著名的機構 ok')).toBe('著名的机构 ok'); // 著 is written in both scripts: as it is
    // 沒有 is 没有, a negation (grammar), and 回應 is 回应, "to respond".
    expect(glossary.concepts('根本沒有回應')).toEqual(glossary.concepts('根本没有回应'));
    expect(glossary.concepts('根本沒有回應').map((c) => c.senses.at(-1))).toEqual([[['回应']]]);
  });

  it('reads Hong Kong’s written Cantonese as standard written Chinese: its question and function words', () => {
    expect(glossary.simplified('有幾多宗？')).toBe('有多少宗？');
    expect(glossary.simplified('要等幾耐？')).toBe('要等多久？');
    expect(glossary.concepts('要等幾耐？')).toEqual([]); // "how long" asks, as 多少 does: no topic
    expect(glossary.simplified('由邊個主持？')).toBe('由谁主持？');
    expect(glossary.simplified('佢哋有冇回應？')).toBe('他们有没有回应？');
    expect(glossary.simplified('系统有没有')).toBe('系统有没有'); // 系 is Mandarin's too
    expect(glossary.simplified('唔該晒！')).toBe('谢谢！'); // thanks, not 不该 "should not"
    // 有冇 is 有没有, a whether-frame: grammar, as in Mandarin.
    expect(glossary.concepts('佢哋有冇回應？')).toEqual(glossary.concepts('他们有没有回应？'));
  });

  it('the glossary built from CC-CEDICT knows which traditional characters to read as simplified', async () => {
    const built = ChineseGlossary.load((await ensureGlossary())!);
    expect(built.simplified('左雲縣受理了多少宗行政案件？')).toBe('左云县受理了多少宗行政案件？');
    expect(built.simplified('著名 乾隆')).toBe('著名 乾隆');
  });

  it('the built glossary reads a sense that is a variant spelling as the word it spells (回复 "variant of 回覆": reply)', async () => {
    const built = ChineseGlossary.load((await ensureGlossary())!);
    const glosses = built.concepts('回复').flatMap((c) => c.glosses ?? []);
    expect(glosses).toContain('reply');
    expect(glosses.some((g) => /variant/.test(g))).toBe(false);
  });

  it('the built glossary reads the senses digital-government reports use first (漏洞: a vulnerability)', async () => {
    const built = ChineseGlossary.load((await ensureGlossary())!);
    const first = (word: string): string | undefined => built.concepts(word)[0]?.glosses?.[0];
    expect([first('漏洞'), first('积压'), first('托管')]).toEqual(['vulnerability', 'backlog', 'host']);
    // 试点 is a pilot (CC-CEDICT: "to test; to experiment"), 投入 an investment of time or money, 想法 an idea, 清单 an inventory.
    expect([first('试点'), first('投入'), first('想法'), first('清单')]).toEqual([
      'pilot',
      'invest',
      'idea',
      'inventory',
    ]);
    // 局 ending a body's name is its administration, bureau or agency (社会保障局: the Social Security Administration).
    expect(built.concepts('局')[0]?.glosses?.slice(0, 3)).toEqual(['administration', 'bureau', 'agency']);
    // 项目 a programme as often as a project (508项目经理: a Section 508 program manager).
    expect(built.concepts('项目')[0]?.glosses).toContain('program');
    // 合规 is conformance to a standard as well as compliance with a rule; 平均分 an average score (分 alone divides).
    expect(built.concepts('合规')[0]?.glosses?.slice(0, 2)).toEqual(['compliance', 'conformance']);
    expect(built.concepts('平均分')[0]?.glosses?.[0]).toBe('average score');
    // 再犯率 is the recidivism rate, 资助 is funding, 第一阶段 is Phase One, 漏洞 a bug too.
    expect([first('资助'), first('第一阶段'), first('再犯率')]).toEqual(['fund', 'phase one', 'recidivism rate']);
    expect(built.concepts('漏洞')[0]?.glosses).toContain('bug');
    // 数字 before a noun is digital; 启用 a service is to launch it.
    expect([first('数字'), first('启用')]).toEqual(['digital', 'launch']);
  });
});
