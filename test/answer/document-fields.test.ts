import { describe, expect, it } from 'vitest';
import { asksOverview, documentFieldsAsked, selfDescribed } from '../../src/answer/document-fields.js';
import { parseReport } from '../../src/corpus/parse.js';

describe('documentFieldsAsked', () => {
  it('reads when the document came out, whom it went to and who signed it', () => {
    expect(documentFieldsAsked('When did they put this report out?')).toEqual(['published', 'date', 'signedDate']);
    expect(documentFieldsAsked('When was the report issued?')).toEqual(['date', 'published', 'signedDate']);
    expect(documentFieldsAsked('What date was the report signed?')).toEqual(['signedDate', 'date', 'published']);
    expect(documentFieldsAsked('Which office was this report submitted to?')).toEqual(['addressee']);
    expect(documentFieldsAsked('who signed off on this report?')).toEqual(['signature', 'issuer']);
    expect(documentFieldsAsked('Who published this document?')).toEqual(['issuer', 'signature']);
    expect(documentFieldsAsked('这份报告是什么时候发布的？')).toEqual(['published', 'date', 'signedDate']);
  });

  it('reads the document’s particulars however they are asked: author, publication date, title, the date it bears', () => {
    expect(documentFieldsAsked('who authored the report?')).toEqual(['issuer', 'signature']);
    // The document by a word of its kind ("the intro letter", "the foreword"), not only by "report".
    expect(documentFieldsAsked('who wrote the intro letter?')).toEqual(['issuer', 'signature']);
    expect(documentFieldsAsked('who wrote the foreword?')).toEqual(['issuer', 'signature']);
    expect(documentFieldsAsked('who is the author?')).toEqual(['issuer', 'signature']);
    expect(documentFieldsAsked('which agency put out this report?')).toEqual(['issuer', 'signature']);
    expect(documentFieldsAsked('publication date?')).toEqual(['published', 'date', 'signedDate']);
    expect(documentFieldsAsked("what's the date on this report?")).toEqual(['published', 'date', 'signedDate']);
    expect(documentFieldsAsked('what date is the report from?')).toEqual(['published', 'date', 'signedDate']);
    expect(documentFieldsAsked("what's the report called?")).toEqual(['title']);
    expect(documentFieldsAsked('what is the name of this report?')).toEqual(['title']);
    // Another document's author, a document's authors as a topic, a name the report's text gives: not the document's.
    expect(documentFieldsAsked('who is the author of the Eighth Five-Year Plan?')).toEqual([]);
    expect(documentFieldsAsked('how many agencies train document authors?')).toEqual([]);
    expect(documentFieldsAsked('what is the name of the new committee?')).toEqual([]);
    expect(documentFieldsAsked('What date does the report give for the opening?')).toEqual([]);
  });

  it('reads its number asked for, in whatever words: "the document number", 文号, "index number"', () => {
    expect(documentFieldsAsked('whats the document number on this report?')).toEqual(['documentNumber', 'indexNumber']);
    expect(documentFieldsAsked('这份年度报告的文号是什么？')).toEqual(['documentNumber', 'indexNumber']);
    expect(documentFieldsAsked("what's its index number?")).toEqual(['indexNumber']);
    expect(documentFieldsAsked('how many documents did they number?')).toEqual([]);
  });

  it("reads the issuer's address asked for, not the address a policy address is", () => {
    expect(documentFieldsAsked("what's cds's street address?")).toEqual(['address']);
    expect(documentFieldsAsked('what is their mailing address')).toEqual(['address']);
    expect(documentFieldsAsked('whats the address of the usds office')).toEqual(['address']);
    expect(documentFieldsAsked('what are the 2 big themes the whole address is built around')).toEqual([]);
    expect(documentFieldsAsked('How many regional headquarters does HK have?')).toEqual([]);
    expect(documentFieldsAsked('what does the policy address say about housing?')).toEqual([]);
    expect(documentFieldsAsked('how will they address the backlog?')).toEqual([]);
  });

  it('leaves questions about what the report says, or about other documents, to their words', () => {
    expect(documentFieldsAsked('When does the report say the new rules take effect?')).toEqual([]);
    expect(documentFieldsAsked('When was the annual report on 2022 published?')).toEqual([]);
    expect(documentFieldsAsked("When's the FY 2026 assessment going to be published?")).toEqual([]);
    expect(documentFieldsAsked('How many documents were submitted to the city?')).toEqual([]);
    expect(documentFieldsAsked('What does the report say about legal aid?')).toEqual([]);
  });
});

describe('asksOverview', () => {
  it('reads a question asking what the whole document is about, not what it says of something', () => {
    expect(asksOverview('what are the main themes of the report?')).toBe(true);
    expect(asksOverview('what are the 2 big themes the whole address is built around')).toBe(true);
    expect(asksOverview("hey, what's this report about?")).toBe(true);
    expect(asksOverview("what's the purpose of this report?")).toBe(true);
    expect(asksOverview('这份报告主要讲了什么？')).toBe(true);
    expect(asksOverview('What does the report say about legal aid?')).toBe(false);
    expect(asksOverview('what are the main themes of the 10x investment portfolio?')).toBe(false);
  });
});

describe('selfDescribed', () => {
  it('finds where a report says what it does near its top, in order: "this report covers", its title, "as follows"', () => {
    const report = parseReport(
      [
        '# FY 2025 Parks Assessment',
        'The county planted trees along the river.',
        'The FY 2025 Parks Assessment establishes a baseline for the county parks.',
        'The county government will report one plan to the city.',
        'The office prepared this report, in consultation with the city.',
        'This report covers playgrounds and trees.',
        'Our work in 2025 is as follows: trees and playgrounds.',
      ].join('\n\n'),
      'parks-2025.md',
    );
    const said = selfDescribed(report).map((n) =>
      report.text.slice(report.paragraphs[n - 1]!.start, report.paragraphs[n - 1]!.end),
    );
    expect(said).toEqual([
      'The FY 2025 Parks Assessment establishes a baseline for the county parks.',
      'This report covers playgrounds and trees.',
      'Our work in 2025 is as follows: trees and playgrounds.',
    ]);
  });
});
