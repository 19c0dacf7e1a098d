import { describe, expect, it } from 'vitest';
import { reportYears } from '../../src/answer/figures.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { reportPreference, scoreSentence, type TitleFacts } from '../../src/answer/rerank.js';
import { tokenize } from '../../src/search/tokenize.js';

const facts = (title: string): TitleFacts => {
  const terms = new Set(tokenize(title));
  return { text: title, terms, names: new Set(), ownNames: new Set(), kinds: new Set(), years: reportYears({ title }) };
};
const ZUOYUN = facts('Zuoyun County 2023 Annual Report on the Construction of a Rule of Law Government');
const YOUYU = facts('Youyu County 2022 Annual Report on the Construction of a Rule of Law Government');
/** How many of the two titles hold each term. */
const frequency = new Map<string, number>();
for (const f of [ZUOYUN, YOUYU]) for (const t of f.terms) frequency.set(t, (frequency.get(t) ?? 0) + 1);

describe('the report a question names', () => {
  it('a year in one title prefers that report most; a word of one title only, less; a word of every title, not at all', () => {
    const byYear = analyzeQuestion('How many legal aid cases were there in 2022?');
    expect(reportPreference(byYear, YOUYU, frequency, 2)).toBe(0.1);
    expect(reportPreference(byYear, ZUOYUN, frequency, 2)).toBe(0);
    const byName = analyzeQuestion('How many legal aid cases were there in Zuoyun?');
    expect(reportPreference(byName, ZUOYUN, frequency, 2)).toBe(0.05);
    expect(reportPreference(byName, YOUYU, frequency, 2)).toBe(0);
    const byCommonWord = analyzeQuestion('How many legal aid cases were there in the county?');
    expect(reportPreference(byCommonWord, ZUOYUN, frequency, 2)).toBe(0);
  });

  it('one report indexed: nothing to prefer', () => {
    expect(reportPreference(analyzeQuestion('cases in 2023 in Zuoyun?'), ZUOYUN, frequency, 1)).toBe(0);
  });
});

/** A sentence with nothing around it: no paragraph, no headings. */
const sentence = (text: string) => ({
  terms: tokenize(text),
  text,
  paragraphTerms: new Set<string>(),
  headingTerms: new Set<string>(),
});

/** A sentence's score for a question, every word weighing the same. */
const score = (question: string, text: string): number =>
  scoreSentence(
    analyzeQuestion(question),
    sentence(text),
    () => 1,
    () => 1,
  ).score;

describe('bodies asked for', () => {
  it('"which departments …" prefers a sentence naming a department to one about the work only', () => {
    const q = 'which departments are doing the wildfire fuels data work';
    expect(analyzeQuestion(q).bodyAsked).toBe('Department');
    const named = score(q, 'The Department of the Interior and the Department of Agriculture will do the data work.');
    expect(named).toBeGreaterThan(score(q, 'Interagency coordination will do the data work for the department heads.'));
    expect(analyzeQuestion('which agency made the tool').bodyAsked).toBe('Agency');
    expect(analyzeQuestion('which states took part').bodyAsked).toBeUndefined();
    expect(analyzeQuestion('哪些部门负责野火燃料数据管理？').bodyAsked).toBe('Department');
  });
});

describe('an extreme asked for', () => {
  it('"which … the worst …" prefers a sentence naming an extreme to one naming none', () => {
    const q = 'Which type of tech had the worst pass rate when tested?';
    expect(
      score(q, 'Electronic documents had a 38% pass rate when tested, the lowest among ICT types.'),
    ).toBeGreaterThan(score(q, 'Electronic documents had a 38% pass rate when tested, among ICT types.'));
    // A question asking for no extreme: no preference.
    const plain = 'What pass rate did electronic documents have when tested?';
    expect(score(plain, 'Electronic documents had a 38% pass rate when tested, the lowest among ICT types.')).toBe(
      score(plain, 'Electronic documents had a 38% pass rate when tested, among ICT types.'),
    );
  });
});

describe('places asked for', () => {
  it('"which provinces …" prefers the sentence naming several places to one naming one or none', () => {
    const q = analyzeQuestion('which provinces are in the notify pilot');
    const text = 'In May 2023, we partnered with two provinces for the Notify pilot.';
    const several = scoreSentence(
      q,
      { ...sentence(text), places: 2 },
      () => 1,
      () => 1,
    ).score;
    expect(several).toBeGreaterThan(
      scoreSentence(
        q,
        { ...sentence(text), places: 1 },
        () => 1,
        () => 1,
      ).score,
    );
    // "Which province …" asks for one: no preference.
    const one = analyzeQuestion('which province signed an agreement on the notify pilot');
    expect(
      scoreSentence(
        one,
        { ...sentence(text), places: 2 },
        () => 1,
        () => 1,
      ).score,
    ).toBe(
      scoreSentence(
        one,
        { ...sentence(text), places: 1 },
        () => 1,
        () => 1,
      ).score,
    );
  });
});

describe('a cause or a purpose asked for', () => {
  it('"why …" prefers the sentence giving a cause or an aim; "what is X for", one giving a purpose', () => {
    const why = 'why was the pin in the mail not chosen';
    expect(score(why, 'The pin in the mail was not chosen because it was slow.')).toBeGreaterThan(
      score(why, 'The pin in the mail was not chosen in the end.'),
    );
    // …a causative verb too (the Federal Data Strategy: "The focus on … priorities has delayed release of the 2021 Action
    // Plan"), and a connective other than "because".
    const late = 'why was the release of the 2021 plan late';
    expect(score(late, 'The focus on priorities has delayed release of the 2021 plan.')).toBeGreaterThan(
      score(late, 'The focus on priorities and the release of the 2021 plan.'),
    );
    expect(score(late, 'The 2021 plan release was late, thanks to the focus on priorities.')).toBeGreaterThan(
      score(late, 'The 2021 plan release was late, and the focus on priorities.'),
    );
    const what = 'what is the express tool for';
    expect(score(what, 'The express tool was rolled out to improve the retrieval of documents.')).toBeGreaterThan(
      score(what, 'The express tool was rolled out to the counsel office.'),
    );
    // A question asking neither has no preference.
    const plain = 'when was the express tool rolled out';
    expect(score(plain, 'The express tool was rolled out to improve the retrieval.')).toBe(
      score(plain, 'The express tool was rolled out to the counsel retrieval.'),
    );
  });
});

describe('quoted words', () => {
  const weigh = { concept: () => 1, term: () => 1 };

  it('are read as one name: a sentence holding them side by side outranks one holding them apart', () => {
    const q = analyzeQuestion("What is the 'four ones' mode at the service hall?");
    expect(q.quoted).toEqual([tokenize('four ones')]);
    const together = scoreSentence(
      q,
      sentence('The "four one" service mode was carried out.'),
      weigh.concept,
      weigh.term,
    );
    const apart = scoreSentence(
      q,
      sentence('The hall has four modes of service, one for each window.'),
      weigh.concept,
      weigh.term,
    );
    expect(together.score).toBeGreaterThan(apart.score);
    expect(together.coverage).toBeGreaterThan(apart.coverage);
  });

  it('are not contractions, possessives, single words or Chinese (read by its glosses)', () => {
    expect(analyzeQuestion("What's in the agencies' 'plan' and don't they say?").quoted).toEqual([]);
    expect(analyzeQuestion('今年全县新培养了多少名“法律明白人”？').quoted).toEqual([]);
  });
});

describe('polarity of a count', () => {
  it('"how many have X" is counted by a sentence saying who has X, not who does not', () => {
    const q = 'How many components run their own 508 programme?';
    expect(score(q, '115 components run their own 508 programme.')).toBeGreaterThan(
      score(q, '20 components do not run their own 508 programme.'),
    );
  });

  it('"how many have no X" the other way round; an open question does not mind', () => {
    const q = 'How many components have no 508 programme?';
    expect(score(q, '20 components have no 508 programme.')).toBeGreaterThan(
      score(q, '115 components have a 508 programme.'),
    );
    const open = 'What about components and their own 508 programme?';
    expect(score(open, 'Components do not run their own 508 programme.')).toBe(
      score(open, 'Components run their own 508 programme.'),
    );
  });
});

describe('a reported question', () => {
  it('says what was asked, not what was found: no answer, unless the question is about what was asked', () => {
    const asked = 'The assessment asked agencies whether they keep alternative means plans for exceptions.';
    const found = 'Two thirds of agencies do not keep alternative means plans for exceptions.';
    const q = 'do agencies keep alternative means plans for exceptions?';
    expect(score(q, found)).toBeGreaterThan(score(q, asked));
    const method = 'what were agencies asked about alternative means plans for exceptions?';
    expect(score(method, asked)).toBeGreaterThanOrEqual(score(method, found));
  });

  it('is put as a question by the report itself: it asks, it states nothing', () => {
    const q = 'do requesters find records through search engines?';
    const asks = 'Do requesters find the records they are seeking through search engines?';
    const states = 'Requesters found the records they were seeking through search engines.';
    expect(score(q, states)).toBeGreaterThan(score(q, asks));
    expect(score(q, 'Do requesters find the records they are seeking through search engines?”')).toBe(score(q, asks));
  });

  it('is reported by a finite "asked", not by a doing described with "asking" ("by … asking doctors to provide …")', () => {
    const q = 'what did usds do with the infant formula webpage?';
    const did =
      'USDS helped relaunch the Infant Formula webpage by conducting user research and asking doctors to provide answers.';
    const asked =
      'USDS helped relaunch the Infant Formula webpage after research; it asked doctors to provide answers.';
    expect(score(q, did)).toBeGreaterThan(score(q, asked));
  });
});

describe('a definition asked for', () => {
  it('"what is X?" is answered by a sentence saying what X is, not one only using X', () => {
    const q = 'what is GC Notify?';
    const defining = 'GC Notify is a cloud-based platform that keeps the public informed.';
    const using = 'Health Canada uses GC Notify to keep the public informed.';
    expect(score(q, defining)).toBeGreaterThan(score(q, using));
    // "CDS is doing this …" says what X does, not what it is.
    expect(score('what is cds?', 'CDS is doing this by building on the foundation.')).toBeLessThan(
      score('what is cds?', 'CDS is a team of public servants.'),
    );
  });

  it('leads however much closer in meaning a sentence only mentioning X is (as a definition of an abbreviation does)', () => {
    const q = analyzeQuestion("what's GC Forms?");
    const related = (text: string, r: number): number =>
      scoreSentence(
        q,
        { ...sentence(text), related: r, paragraphRelated: r },
        () => 1,
        () => 1,
      ).score;
    expect(related('GC Forms is a cloud-based form builder for public servants.', 1.3)).toBeGreaterThan(
      related('As of April 2024, GC Forms is endorsed as one of two Forms providers of choice.', 3.3),
    );
  });
});

describe('phrases through abbreviations', () => {
  it('an abbreviation stands for its long form side by side: "SSA" holds the phrase "Social Security"', () => {
    const q = analyzeQuestion('When did Social Security enlist USDS?');
    const text = 'In 2021, SSA enlisted USDS.';
    const terms = new Set([...tokenize(text), ...tokenize('social security administration')]);
    const plain = scoreSentence(
      q,
      { ...sentence(text), termSet: terms },
      () => 1,
      () => 1,
    );
    const spelled = scoreSentence(
      q,
      {
        ...sentence(text),
        termSet: terms,
        spelledOut: tokenize('In 2021, SSA social security administration enlisted USDS.'),
      },
      () => 1,
      () => 1,
    );
    expect(spelled.coverage).toBe(plain.coverage);
    expect(spelled.score).toBeGreaterThan(plain.score);
  });
});

describe('the year asked', () => {
  it('a sentence of other years only loses; one of the year asked, or of no year, does not', () => {
    const q = analyzeQuestion('What growth is expected this year?');
    const at = (text: string) =>
      scoreSentence(
        q,
        { ...sentence(text), yearsAsked: ['2025'], period: 2025 },
        () => 1,
        () => 1,
      ).score;
    const thisYear = at('This year’s growth is expected at 2% – 3%.');
    expect(at('In 2025, growth is expected at 2% – 3%.')).toBe(thisYear);
    expect(at('Growth is expected at 2% – 3%.')).toBe(thisYear);
    expect(at('Last year’s growth was expected at 2% – 3%.')).toBeLessThan(thisYear);
    expect(at('In 2024, growth was expected at 2% – 3%.')).toBeLessThan(thisYear);
  });
});

describe('a length of time asked', () => {
  it('"how long" prefers a figure in a unit of time to any other figure', () => {
    const q = 'how long does it take people to prepare their taxes?';
    expect(score(q, 'People spend about nine hours preparing their taxes.')).toBeGreaterThan(
      score(q, 'Over 140,000 people prepared their taxes for free.'),
    );
  });
});

describe('a frequency asked', () => {
  it('"how often" prefers a frequency to a length of time', () => {
    const q = 'how often do employees have to take the training';
    expect(score(q, 'Employees must take this training every year.')).toBeGreaterThan(
      score(q, 'Employees must take this training within 90 days of being hired.'),
    );
  });
});

describe('a sum of money asked', () => {
  it('is the money, the spending, the cost the question names, whatever word the sum stands by', () => {
    const q = 'how much did the service spend on salaries?';
    expect(score(q, 'Salary $17,170,932')).toBeGreaterThan(score(q, 'The service spent its time on hiring.'));
    const money = 'how much money in refunds did users get back?';
    expect(score(money, 'Filers received over $90 million in federal tax refunds.')).toBeGreaterThan(
      score(money, 'In addition to refunding taxpayers, users said their trust grew by 86%.'),
    );
    // Only a question asking for a sum: "what did they spend the year on?" is not answered by any sum.
    const open = 'what did the service spend the year on?';
    expect(score(open, 'Salary $17,170,932')).toBeLessThan(score(open, 'The service spent the year on hiring.'));
  });
});

describe('an origin asked', () => {
  it('"when was X started?" is answered by a sentence saying X came to be, not that X started something', () => {
    const q = 'when was the service started?';
    expect(score(q, 'The service was started in 2014.')).toBeGreaterThan(
      score(q, 'The service started a pilot in 2014.'),
    );
    expect(score(q, 'Since 2014, the service started many pilots.')).toBeGreaterThan(
      score(q, 'The service started many pilots in 2014.'),
    );
    // "When did X first launch?" asks the same, and "since the product launched in 2019" answers it.
    const first = 'when did the notify service first launch?';
    expect(
      score(first, 'The notify service has sent 137M notices since the product launched in 2019.'),
    ).toBeGreaterThan(score(first, 'The notify service team helped with the launch of 2019 forms.'));
    // "How long has X been around?" names no verb of origin: "formed", "created" stand for it.
    const around = 'how long has the service been around?';
    expect(score(around, 'Formed in 2017, the service was created to help people.')).toBeGreaterThan(
      score(around, 'The service sent 5,000 notices around the year.'),
    );
    // Any other date question does not mind.
    const when = 'when did the service start a pilot?';
    expect(score(when, 'The service was started in 2014.')).toBeLessThanOrEqual(
      score(when, 'The service started a pilot in 2014.'),
    );
  });
});

describe('a call on the reader to look elsewhere', () => {
  it('is no answer ("Visit SSA.gov to see …"), unless the question asks where to look', () => {
    const call = 'Visit SSA.gov to see the live result of the partnership.';
    const told = 'Readers visit SSA.gov to see the live result of the partnership.';
    const q = 'what was the result of the SSA.gov partnership?';
    expect(score(q, call)).toBeLessThan(score(q, told));
    const where = 'which website shows the result of the SSA.gov partnership?';
    expect(score(where, call)).toBeCloseTo(score(where, told));
  });

  it('"For more information see: …" is such a call (Treasury ERA page)', () => {
    const q = "what's the standard closeout checklist for?";
    const see =
      'For more information see: ERA2 Closeout Resource, ERA2 Standard Closeout Checklist, and the User Guide.';
    const use = 'Grantees can use this checklist to support successful submission of their Final Report.';
    expect(score(q, see)).toBeLessThan(score(q, use));
  });
});

describe('a naming asked', () => {
  it('"what was X called" prefers a sentence naming it to one about it only', () => {
    const q = 'what was the original portal software called';
    expect(score(q, 'The original portal software, known as DKAN, was bought from a vendor.')).toBeGreaterThan(
      score(q, 'The original portal software was bought from a vendor.'),
    );
  });
});

describe('a rate asked', () => {
  it('"how many a year" prefers a figure of that period to one of another ("monthly")', () => {
    const q = 'how many va.gov visitors a year';
    expect(score(q, 'VA.gov receives 20 million site visitors annually.')).toBeGreaterThan(
      score(q, 'VA.gov has 19 million monthly unique visitors.'),
    );
  });

  it('prefers a sentence saying that period in words to one whose figure may be of a span', () => {
    const q = 'how many people get released from prison each year';
    expect(score(q, 'More than 650,000 people are released from prison every year.')).toBeGreaterThan(
      score(q, 'More than 650,000 people are released from prison, and many rearrested within three years.'),
    );
  });
});

describe('an office asked for', () => {
  it('"who is the administrator" is not answered by the office at another rank ("Deputy Administrator")', () => {
    const q = 'who is the administrator of the digital service?';
    expect(score(q, 'Mina Hsiang, Administrator, The U.S. Digital Service')).toBeGreaterThan(
      score(q, 'Cori Zarek, Deputy Administrator at the U.S. Digital Service'),
    );
    // Asked for at that rank, it is the answer.
    const deputy = 'who is the deputy administrator of the digital service?';
    expect(score(deputy, 'Cori Zarek, Deputy Administrator at the U.S. Digital Service')).toBeGreaterThanOrEqual(
      score(deputy, 'Mina Hsiang, Administrator, The U.S. Digital Service'),
    );
  });

  it('"who is the chief executive officer" prefers the CEO to another chief officer, in English or Chinese', () => {
    for (const q of ['who is the ceo of the digital service?', '首席执行官是谁？']) {
      expect(score(q, 'Paul N. Wagner, CEO, Digital Service')).toBeGreaterThan(
        score(q, 'Dominic Rochon, CIO, Digital Service'),
      );
    }
  });
});

describe('a count asked', () => {
  it('is given by a share of what is counted ("80% of clients"), as by a figure of it', () => {
    const q = 'how many clients finished the application on their own';
    expect(score(q, 'Almost 80% of clients finished the application unassisted.')).toBeGreaterThan(
      score(q, 'Clients finished the application at the centres unassisted.'),
    );
    // A share of something else gives no count of clients.
    expect(score(q, 'Almost 80% of the forms were finished by clients unassisted.')).toBeLessThanOrEqual(
      score(q, 'Clients finished the application at the centres unassisted.'),
    );
  });

  it('prefers a figure counting what is asked to one counting something else ("33 institutions", not "12,000 pages")', () => {
    const q = 'how many institutions use the page feedback tool';
    expect(score(q, '33 institutions use the page feedback tool on their web pages.')).toBeGreaterThan(
      score(q, '12,000 web pages of institutions use the page feedback tool.'),
    );
  });

  it('"who is the head of X" prefers a sentence naming a personal office, not the office at another rank', () => {
    const q = 'who is the head of the digital service?';
    expect(score(q, 'Mina Hsiang, Administrator, The U.S. Digital Service')).toBeGreaterThan(
      score(q, 'The U.S. Digital Service hired 230 people.'),
    );
    expect(score(q, 'Mina Hsiang, Administrator, The U.S. Digital Service')).toBeGreaterThan(
      score(q, 'Cori Zarek, Deputy Administrator at the U.S. Digital Service'),
    );
  });
});

describe('a sum of money asked', () => {
  it('"how much funding" is answered by the sum a sentence states, whatever word it stands by (Treasury ERA page)', () => {
    const q = 'how much funding does ERA2 have?';
    const sum =
      'The ERA2 program was authorized by the American Rescue Plan Act and provides $21.55 billion to households.';
    const funds = 'ERA2 grantees may no longer provide financial assistance using ERA2 award funds.';
    expect(score(q, sum)).toBeGreaterThan(score(q, funds));
  });
});

describe('the month asked', () => {
  it('prefers a sentence of that month to one of another', () => {
    const q = 'how low did in-stock rates get in may 2022?';
    expect(score(q, 'In May 2022, in-stock rates were 47%.')).toBeGreaterThan(
      score(q, 'By June 2022, in-stock rates were 19%.'),
    );
  });

  it('prefers a sentence dated in that month to one naming no month (a dated log of releases)', () => {
    const q = 'what data did treasury release in may 2025';
    expect(
      score(q, 'May 29, 2025, Treasury released the final compliance report and demographic data.'),
    ).toBeGreaterThan(score(q, 'In 2025, Treasury released data.'));
  });
});

describe('a doer asked for', () => {
  it('"which official is steering X?" prefers a sentence saying the doing to one naming X only', () => {
    const q = 'which official is steering the task force helping mainland firms?';
    expect(score(q, 'The Secretary will steer the task force for mainland firms.')).toBeGreaterThan(
      score(q, 'The task force helps mainland firms in many places.'),
    );
    // The doer named by its agent noun says the doing too.
    const directs = 'who directs web strategy?';
    expect(score(directs, 'Suran De Silva, Director, Web Strategy')).toBeGreaterThan(
      score(directs, 'The web strategy has many pages.'),
    );
  });

  it('"how many people sign in …?" prefers a count of those who do it to a count of other people', () => {
    const q = 'how many people sign in to the site each month?';
    expect(score(q, '1.7 million monthly signed-in users')).toBeGreaterThan(score(q, '19 million monthly site users'));
  });
});

describe('a concept weighed once per weighting', () => {
  it('one concept scored under two weightings of its words gives each its own share (not one cached for both)', () => {
    // One concept read as a two-word gloss ("mediation statement"), as a Chinese word's is.
    const q = { ...analyzeQuestion('x'), concepts: [{ senses: [[['mediat'], ['statement']]], weight: 1 }] };
    const coverage = (termWeight: (term: string) => number): number =>
      scoreSentence(q, sentence('Mediation was offered.'), () => 1, termWeight).coverage;
    const even = (): number => 1;
    expect(coverage(even)).toBe(0.5);
    // "mediation" weighing three times "statement": the sentence holding it covers three quarters.
    expect(coverage((t) => (t === 'mediat' ? 3 : 1))).toBe(0.75);
    expect(coverage(even)).toBe(0.5);
  });
});

describe('a reason asked', () => {
  it('a sentence giving the purpose asked answers before one naming the same thing without it', () => {
    const q = 'what was the point of the digital foundations theme';
    const purpose = score(
      q,
      'With the Digital Foundations theme, we wanted to fund projects to support infrastructure.',
    );
    const mention = score(q, 'Five other projects supported our Digital Foundations theme and infrastructure.');
    expect(purpose).toBeGreaterThan(mention);
    // A sentence giving no cause or purpose loses what one giving it gains: "why" is not answered by a mention.
    const why = 'why did the theme change?';
    const base = scoreSentence(
      analyzeQuestion('did the theme change?'),
      sentence('The theme changed in 2023.'),
      () => 1,
      () => 1,
    );
    expect(score(why, 'The theme changed in 2023.')).toBeLessThan(base.score);
  });
});
