import { describe, expect, it } from 'vitest';
import { smallTalkOf } from '../../src/bot/small-talk.js';

describe('smallTalkOf', () => {
  it('recognises short greetings, thanks and requests for help', () => {
    expect(smallTalkOf('hi')).toBe('greeting');
    expect(smallTalkOf('Hello there!')).toBe('greeting');
    expect(smallTalkOf('你好')).toBe('greeting');
    expect(smallTalkOf('thanks a lot!')).toBe('thanks');
    expect(smallTalkOf('hi, thanks')).toBe('thanks');
    expect(smallTalkOf('谢谢')).toBe('thanks');
    expect(smallTalkOf('help?')).toBe('help');
    expect(smallTalkOf('What can you do?')).toBe('help');
  });

  it('reads Chinese thanks and greetings with an addressee or a particle, in either script and in Cantonese', () => {
    for (const thanks of ['谢谢你！', '謝謝您', '唔該晒', '多謝晒！', '谢谢大家'])
      expect(smallTalkOf(thanks), thanks).toBe('thanks');
    for (const greeting of ['早晨', '早上好呀', '在吗？', '有人嗎'])
      expect(smallTalkOf(greeting), greeting).toBe('greeting');
    expect(smallTalkOf('谢谢你，2023年有多少起行政案件？')).toBeUndefined();
  });

  it('reads a request for the list of reports, not a question about what a report says', () => {
    for (const m of [
      'what reports do you have?',
      'Which reports can I ask about?',
      'list the reports',
      '你有哪些报告？',
      '收录了哪些報告',
    ])
      expect(smallTalkOf(m), m).toBe('reports');
    // …or for where to read a report whole: the list links each one's page.
    for (const m of [
      'where can I read the full report?',
      'can you send me the pdf?',
      'link to the report',
      '报告全文在哪里看？',
    ])
      expect(smallTalkOf(m), m).toBe('reports');
    for (const m of ['what does the report say about legal aid?', 'which reports did the county publish in 2023?'])
      expect(smallTalkOf(m), m).toBeUndefined();
  });

  it('leaves questions alone, even ones that open with a greeting', () => {
    expect(smallTalkOf('hi, how many cases were there?')).toBeUndefined();
    expect(smallTalkOf('legal aid')).toBeUndefined();
    expect(smallTalkOf('How does mediation work?')).toBeUndefined();
    expect(smallTalkOf('')).toBeUndefined();
  });
});
