import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/search/tokenize.js';
import { asksForOverview, followUp, readMessage, splitQuestion, withoutRequest } from '../../src/answer/message.js';

describe('splitQuestion', () => {
  it('finds the second question of a message that asks two', () => {
    expect(splitQuestion('How many lawsuits were filed, and how many did the county lose?')).toEqual([
      'How many lawsuits were filed',
      'how many did the county lose?',
    ]);
    expect(splitQuestion('Who runs the legal aid centre? Does it charge fees?')).toEqual([
      'Who runs the legal aid centre',
      'Does it charge fees?',
    ]);
    expect(splitQuestion('Who runs the legal aid centre? Is it free?')).toEqual([
      'Who runs the legal aid centre? Is it free?',
    ]); // "free" alone cannot stand as a question
    expect(splitQuestion('县里受理了多少起案件，调解了几起？')).toEqual(['县里受理了多少起案件', '调解了几起？']);
    expect(splitQuestion('What did law and order work achieve?')).toEqual(['What did law and order work achieve?']);
  });

  it('finds the questions of a numbered list, and after a semicolon or a plus', () => {
    const two = ['how many cases were there in 2023', 'how many notaries were handled'];
    expect(splitQuestion('1) how many cases were there in 2023 2) how many notaries were handled')).toEqual(two);
    expect(splitQuestion('(1) how many cases were there in 2023 (2) how many notaries were handled')).toEqual(two);
    expect(splitQuestion('how many cases were there in 2023; how many notaries were handled')).toEqual(two);
    expect(splitQuestion('how many cases were there in 2023 + how many notaries were handled')).toEqual(two);
    // A figure is no list's number.
    expect(splitQuestion('How many flats took 5.1 years, or 2 years less?')).toEqual([
      'How many flats took 5.1 years, or 2 years less?',
    ]);
  });
});

describe('readMessage', () => {
  it('what writers first say of themselves sets the scene: the question is what they then ask', () => {
    expect(
      readMessage('I need a lawyer for a land issue. How many practising lawyers or law firms are there in Zuoyun?'),
    ).toEqual({ kind: 'question', question: 'How many practising lawyers or law firms are there in Zuoyun?' });
    expect(readMessage("We're doing a similar exercise. What did Zuoyun take over from Datong?")).toEqual({
      kind: 'question',
      question: 'What did Zuoyun take over from Datong?',
    });
  });

  it('a sentence about anything else stays part of the question, and a dot inside a word ends no sentence', () => {
    expect(readMessage('Youyu County. How many firms registered?')).toEqual({
      kind: 'question',
      question: 'Youyu County. How many firms registered?',
    });
    expect(readMessage('How many visits did Section508.gov get?')).toEqual({
      kind: 'question',
      question: 'How many visits did Section508.gov get?',
    });
  });

  it('a request for the whole report is no question about something in it', () => {
    for (const m of [
      'summarize the report',
      'Can you summarise this report please?',
      'give me a summary',
      'what are the main points?',
      'what is this report about?',
      "what's it all about?",
      'tl;dr',
      'key findings?',
      '总结一下这份报告',
      '这份报告讲了什么？',
      '报告的主要内容是什么？',
      'summarize chapter III',
      'can you give me a summary of section 2?',
      '总结一下第三章',
      'what is the cds annual report about',
      'summarize the USDS impact report',
    ])
      expect(readMessage(m), m).toEqual({ kind: 'overview' });
    for (const m of [
      'what are the main points of the legal aid reform?',
      'what does the report say about legal aid?',
      'give me a summary of the complaints',
      'summarize chapter III on housing supply',
      'summarize the section on legal aid',
      '总结一下法律援助的情况',
      'what is the affordable connectivity program about?',
      'summarize the findings on the annual report of agencies',
    ])
      expect(asksForOverview(m), m).toBe(false);
  });

  it('asks about a report an indexed one mentions when no title holds the words naming it (Treasury ERA page)', () => {
    const titled = (terms: string[]): boolean => terms.every((t) => tokenize('CDS Annual Report 2023-24').includes(t));
    const tribal = "what's the tribal housing stability report about?";
    expect(readMessage(tribal, titled)).toEqual({ kind: 'question', question: tribal });
    expect(readMessage('what is the cds annual report about', titled)).toEqual({ kind: 'overview' });
    expect(readMessage('what is this report about?', titled)).toEqual({ kind: 'overview' });
  });

  it('the request around a question is not what it asks: greetings, "tell me", "I was wondering", thanks', () => {
    const asked = 'how many notarizations were there?';
    for (const message of [
      `pls tell me ${asked}`,
      `hey bot, ${asked}`,
      `Hi there! Can you please tell me ${asked}`,
      `quick question: I was wondering ${asked}`,
      `${asked} thanks!`,
      `${asked} Thank you so much 🙏`,
      `ok, do you know ${asked} pls`,
      `hey thx, quick one - ${asked}`, // a greeting needs no mark after it
    ])
      expect(readMessage(message)).toEqual({ kind: 'question', question: asked });
    // What is asked stays whole, and a message that is only a request stays as it is.
    expect(withoutRequest('Tell me about the notary office')).toBe('about the notary office');
    expect(withoutRequest('What did the bureau tell me last time?')).toBe('What did the bureau tell me last time?');
    expect(withoutRequest('please, thanks')).toBe('please, thanks');
    expect(withoutRequest('thx! one more - how many ppl does cds employ')).toBe('how many ppl does cds employ');
    expect(withoutRequest('Thanks, another question: who signed it?')).toBe('who signed it?');
  });
});

describe('follow-ups', () => {
  const previous = 'How many administrative cases were there in 2023?';
  it('reads a message that leans on the previous question together with it', () => {
    expect(followUp(previous, 'and in 2022?')).toBe('How many administrative cases were there in 2022?');
    expect(followUp(previous, 'and the year before?')).toBe('How many administrative cases were there in 2022?');
    expect(followUp(previous, 'what about legal aid?')).toBe('How many legal aid in 2023?');
    expect(followUp(previous, 'and how many were mediated?')).toBe('how many were mediated in 2023?');
    expect(followUp(previous, 'more on that')).toBe(previous);
  });

  it('reads a Chinese follow-up asking the previous question of another year', () => {
    const zh = '2023年全县有多少起行政案件？';
    expect(followUp(zh, '那2022年呢？')).toBe('2022年全县有多少起行政案件？');
    expect(followUp(zh, '2021年的呢')).toBe('2021年全县有多少起行政案件？');
    expect(followUp(zh, '前一年呢？')).toBe('2022年全县有多少起行政案件？');
    expect(followUp(zh, '下一年呢？')).toBe('2024年全县有多少起行政案件？');
    expect(followUp(previous, '那2022年呢？')).toBe('How many administrative cases were there in 2022?');
    expect(followUp(zh, '2022年全县有多少起行政诉讼？')).toBeUndefined();
    expect(followUp('全县有多少起行政案件？', '前一年呢？')).toBeUndefined(); // no year to move from
  });

  it('leaves a message that stands on its own', () => {
    expect(followUp(previous, 'How many notaries were there?')).toBeUndefined();
    expect(followUp(previous, 'Were any village doctors dismissed?')).toBeUndefined();
  });
});
