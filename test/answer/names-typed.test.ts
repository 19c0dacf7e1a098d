import { describe, expect, it } from 'vitest';
import {
  mentions,
  namesTyped,
  numberedNamesNotWritten,
  refersBack,
  sitesNotWritten,
  writtenThroughout,
} from '../../src/answer/names-typed.js';

const REPORT = `Canadian Digital Service Annual Report
Health Canada uses GC Notify to send recalls. Service Canada uses the platform for passports.
Since moving to Service Canada, we added teams. The GC Task Success Survey (TSS) measures top tasks;
the Task Success Survey runs all year. Each service in Canada is counted. GC Notify sends messages.`;
const TITLE = 'Canadian Digital Service Annual Report';

describe('the names a question gives, however typed', () => {
  it('are its runs of words the report always writes capitalised, at least twice', () => {
    expect(namesTyped('what does service canada use notify for?', REPORT, TITLE)).toEqual(['service canada']);
    expect(namesTyped('how many messages does gc notify send', REPORT, TITLE)).toEqual(['gc notify']);
    // Longest first, and not its tail again.
    expect(namesTyped('how many tasks are in the task success survey', REPORT, TITLE)).toEqual(['task success survey']);
  });

  it('are not words the report also writes in lower case, nor its title’s, nor words apart in the question', () => {
    expect(namesTyped('which service in canada is counted?', REPORT, TITLE)).toEqual([]);
    expect(namesTyped('what does the digital service do?', REPORT, TITLE)).toEqual([]);
    expect(namesTyped('which service, canada or not?', REPORT, TITLE)).toEqual([]);
    // Written once only: no name of the report's.
    expect(namesTyped('what does health canada use?', REPORT, TITLE)).toEqual([]);
    // Words joined by a hyphen are the same words ("a secure sign-in experience" beside "GC Sign In", "Sign In Canada").
    const signIn = 'GC Sign In is coming. Sign In Canada helps. Sign In Canada grew. A secure sign-in experience.';
    expect(namesTyped('who helped make the sign in page templates', signIn, TITLE)).toEqual([]);
    expect(namesTyped('what is sign in canada for', signIn, TITLE)).toEqual(['sign in canada']);
  });

  it('are mentioned by a passage writing them in any case', () => {
    expect(mentions('■ Service Canada uses the platform', 'service canada')).toBe(true);
    expect(mentions('■ Health Canada uses GC Notify', 'service canada')).toBe(false);
    expect(mentions('Service\nCanada', 'service canada')).toBe(true);
    expect(mentions('GC Sign-In will help', 'gc sign in')).toBe(true);
  });

  it('are what a report is about when more than a share of its passages name them', () => {
    const passages = [
      'The College Scorecard drew users.',
      'Google shows college scorecard data.',
      'Go-Live Date.',
      'Demo.',
    ];
    expect(writtenThroughout(passages, 'college scorecard', 0.15)).toBe(true);
    expect(writtenThroughout(passages, 'college scorecard', 0.5)).toBe(false);
    expect(writtenThroughout(passages, 'service canada', 0.15)).toBe(false);
  });

  it('are referred back to by their last word, capitalised after "the", not by the first word of another name', () => {
    expect(refersBack('Meeting the Standard will be mandatory', 'service standard')).toBe(true);
    expect(refersBack('meeting the standard of care', 'service standard')).toBe(false);
    expect(refersBack('the Canada Revenue Agency', 'service canada')).toBe(false);
    expect(refersBack('The Board met twice.', 'open standards board')).toBe(true);
  });
});

describe('a site a question names', () => {
  it('is a name the passages must write as written, in any case', () => {
    const passages = (): string[] => [
      'One million more customers a week log into SSA.gov.',
      'VA.gov has 19 million users.',
    ];
    expect(sitesNotWritten('what is login.gov used for', passages)).toEqual(['login.gov']);
    expect(sitesNotWritten('how many people log into ssa.gov', passages)).toEqual([]);
    expect(sitesNotWritten('how many people log in each week', passages)).toEqual([]);
  });
});

describe('a name a number opens', () => {
  it('is a name the report must write, not a number any report has', () => {
    const cds = 'The product team completed 10 releases in FY 2023-24, 18 more than planned.';
    expect(numberedNamesNotWritten('when was 10x founded', cds)).toEqual(['10x']);
    expect(numberedNamesNotWritten('10x每年的预算是多少？', cds)).toEqual(['10x']);
    expect(numberedNamesNotWritten('what does 18F do?', cds)).toEqual(['18F']);
    expect(numberedNamesNotWritten('when was 10x founded', 'Since we founded 10x, we have …')).toEqual([]);
    // Not an ordinal, a decade, a magnitude or a unit.
    expect(
      numberedNamesNotWritten('what happened on the 18th, in the 1980s, to 400K users and 8bn dollars?', cds),
    ).toEqual([]);
    expect(numberedNamesNotWritten('is the office open at 9am, within 5km?', cds)).toEqual([]);
  });
});
