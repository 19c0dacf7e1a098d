import { describe, expect, it } from 'vitest';
import { documentFieldsAsked } from '../../src/answer/document-fields.js';

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

  it('leaves questions about what the report says, or about other documents, to their words', () => {
    expect(documentFieldsAsked('When does the report say the new rules take effect?')).toEqual([]);
    expect(documentFieldsAsked('When was the annual report on 2022 published?')).toEqual([]);
    expect(documentFieldsAsked("When's the FY 2026 assessment going to be published?")).toEqual([]);
    expect(documentFieldsAsked('How many documents were submitted to the city?')).toEqual([]);
    expect(documentFieldsAsked('What does the report say about legal aid?')).toEqual([]);
  });
});
