import { describe, expect, it } from 'vitest';
import { antecedentTerms, earlierNameTerms } from '../../src/answer/anaphora.js';
import { tokenize } from '../../src/search/tokenize.js';

describe('antecedentTerms: what a demonstrative points back to', () => {
  const published = 'Treasury published the “Standard Closeout” Checklist for ERA2 Awards.';

  it('gives the words the sentence before names the noun by ("this checklist": the “Standard Closeout” Checklist)', () => {
    const use = 'ERA2 Grantees can use this checklist to support successful submission of their Final Report.';
    expect(antecedentTerms(published, use)).toEqual(tokenize('closeout standard'));
  });

  it('takes the capitalised words of its name only, back to another word or a mark, no more than three', () => {
    expect(antecedentTerms('We issued new guidance.', 'Agencies read this guidance.')).toEqual([]);
    expect(antecedentTerms('Hire, train and keep Data staff.', 'These staff work well.')).toEqual(tokenize('data'));
    const plan = 'OMB set out the Federal Digital Data Skills Plan.';
    expect(antecedentTerms(plan, 'Agencies follow this plan.')).toEqual(tokenize('skills data digital'));
  });

  it('is undefined when nothing before is pointed back to: another noun, a time, the document itself, or "that" as a conjunction', () => {
    expect(antecedentTerms(published, 'Grantees can use this portal.')).toBeUndefined();
    expect(antecedentTerms('The report covers a year.', 'This year the report grew.')).toBeUndefined();
    const scroll = 'As you scroll through this report you might notice we are a team of 260.';
    expect(antecedentTerms(scroll, 'I wanted to publish this report to show our work.')).toBeUndefined();
    expect(antecedentTerms(published, 'It says that checklist items are due.')).toBeUndefined();
  });

  it('a personal pronoun opening a sentence speaks of the name the sentence before opened on ("They" after "Notify.gov for Families …")', () => {
    const partnered = 'Notify.gov for Families has partnered with Norfolk’s Department of Human Services in Virginia.';
    const sent = 'They have successfully sent over 5,000 text message reminders.';
    expect(antecedentTerms(partnered, sent)).toEqual(tokenize('Notify.gov for Families'));
    // Not "It" (as often "it is …"), nor a sentence before that opens on no name ("the team" is no name).
    expect(antecedentTerms(partnered, 'It is a federal notification system.')).toBeUndefined();
    expect(antecedentTerms('the team met states.', sent)).toBeUndefined();
  });

  it('a demonstrative standing alone gives the phrase the sentence before ends on ("We call this “10x Classic.”")', () => {
    const model = 'But all of these adaptations existed within our traditional four-phased model.';
    expect(antecedentTerms(model, 'We call this “10x Classic.”')).toEqual(
      tokenize('our traditional four-phased model'),
    );
    const program = 'Of the 60 reporting agencies, 54 reported having a Section 508 program.';
    expect(antecedentTerms(program, 'Among these, 36 agencies operate centralized programs.')).toEqual(
      tokenize('the 60 reporting agencies, 54 reported having a Section 508 program'),
    );
    expect(antecedentTerms(model, 'This is a big problem.')).toEqual(tokenize('our traditional four-phased model'));
    // Before its noun, it is the demonstrative of that noun ("this checklist"), not one standing alone.
    expect(antecedentTerms(model, 'This checklist is new.')).toBeUndefined();
  });

  it('a demonstrative whose noun the sentence before does not repeat speaks of the name it gives in quotation marks', () => {
    const hack = 'The team launched "Hack the Pentagon," the first bug bounty program in the Federal Government.';
    const adopting = 'Adopting this private sector best practice led to the resolution of 138 vulnerabilities.';
    expect(antecedentTerms(hack, adopting)).toEqual(tokenize('Hack the Pentagon'));
    const pin = 'One approach was to send a “PIN in the mail”.';
    expect(antecedentTerms(pin, 'The IRS was not satisfied with this solution.')).toEqual(tokenize('PIN in the mail'));
    // A quoted name before its noun is not the whole name: the noun after it is what is spoken of.
    const step = 'One approach was to add a “PIN in the mail” step to the registration process.';
    expect(antecedentTerms(step, 'The IRS was not satisfied with this solution.')).toBeUndefined();
    // A quoted phrase that is no name (no capital) is no antecedent, nor one word.
    expect(
      antecedentTerms('They called it "input was too long" there.', 'This message confused users.'),
    ).toBeUndefined();
    expect(antecedentTerms('They launched "Vets" there.', 'This site grew.')).toBeUndefined();
  });

  it('a demonstrative the sentence before names nothing for speaks of the name an earlier passage gives its noun', () => {
    const earlier =
      'A good example is our De-Biasing Public Infrastructure Investments project.\n\nWe learned that the problem is real.';
    const proceed = 'We elected not to proceed with Phase Two of this project due to the risk of duplication.';
    expect(earlierNameTerms(proceed, () => earlier)).toEqual(tokenize('Investments Infrastructure Public'));
    // The nearest named mention: a later mention without a name is passed over, a later named one wins.
    expect(earlierNameTerms(proceed, () => `${earlier} Other infrastructure projects wait.`)).toEqual(
      tokenize('Investments Infrastructure Public'),
    );
    expect(earlierNameTerms(proceed, () => `${earlier} The Notify project grew.`)).toEqual(tokenize('Notify'));
    // No demonstrative, or a noun named nowhere: nothing.
    expect(earlierNameTerms('We elected not to proceed with Phase Two.', () => earlier)).toBeUndefined();
    expect(earlierNameTerms('We elected not to proceed with this idea.', () => earlier)).toBeUndefined();
  });
});
