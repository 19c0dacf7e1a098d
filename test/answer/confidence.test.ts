import { describe, expect, it } from 'vitest';
import { analyzeQuestion, type QuestionAnalysis } from '../../src/answer/question.js';
import {
  amountAttached,
  calibrate,
  CONFIDENCE,
  dateAttached,
  frontedDateOf,
  relativeYearAttached,
  decide,
  evidenceOf,
  figureAttached,
  judge,
  mergePartAnswers,
  relatedness,
  yearOutOfScope,
  type Shown,
} from '../../src/answer/confidence.js';
import { TIME_UNITS } from '../../src/answer/figures.js';
import { tokenize } from '../../src/search/tokenize.js';
import type { Answer, AnswerItem } from '../../src/answer/types.js';

describe('confidence', () => {
  it('judges the evidence of the top three sentences: the words may sit in the second or third, the meaning in another', () => {
    const q = analyzeQuestion('How many legal aid cases were handled?');
    const a = {};
    const b = {};
    const ranked = [
      { report: a, paragraph: 4, score: 2.0, coverage: 0.3, literal: 0.2, related: 1.0 },
      { report: a, paragraph: 4, score: 1.9, coverage: 0.8, literal: 0.7, related: 0.5 },
      { report: a, paragraph: 7, score: 1.5, coverage: 0.4, literal: 0.3, related: 3.5 },
      { report: b, paragraph: 1, score: 1.0, coverage: 0.9, literal: 0.9, related: 4.0 },
    ];
    const e = evidenceOf(q, ranked);
    // Coverage and relatedness of the best three; the fourth (another report) is past the judged ones.
    expect([e.coverage, e.literal, e.related]).toEqual([0.8, 0.7, 3.5]);
    // The margin is to the best sentence of another paragraph, not to the same paragraph's second sentence.
    expect(e.margin).toBeCloseTo(0.5);
    // Closest in meaning is the fourth sentence, another report's: words and meaning do not agree.
    expect([e.open, e.agrees]).toEqual([false, false]);
    expect(evidenceOf(q, ranked.slice(0, 3)).agrees).toBe(false);
    expect(evidenceOf(q, [ranked[0]!, ranked[1]!]).agrees).toBe(true);
  });

  it('puts dense similarities of any model on one scale: standard deviations above off-topic questions', () => {
    const e5Like = calibrate([0.79, 0.8, 0.81, 0.8, 0.79, 0.81]);
    const staticLike = calibrate([0.2, 0.3, 0.4, 0.3, 0.2, 0.4]);
    expect(relatedness(0.84, e5Like)).toBeCloseTo(relatedness(0.6, staticLike)!, 0);
    expect(calibrate([0.5, NaN])).toBeUndefined();
  });

  it('has three outcomes: confident, closest passages, refusal', () => {
    expect(decide({ coverage: 0.9, literal: 0.9, margin: 0 })).toBe('high');
    expect(decide({ coverage: 0.4, literal: 0.4, margin: 0 })).toBe('low');
    expect(decide({ coverage: 0.1, literal: 0.1, margin: 0 })).toBe('refuse');
    // Meaning without words: confident only when clearly related.
    expect(decide({ coverage: 0.1, literal: 0.1, related: CONFIDENCE.highRelatedness + 0.5, margin: 0 })).toBe('high');
    // As related as off-topic questions, and few of the question's own words there: refuse…
    expect(decide({ coverage: 0.4, literal: 0.2, related: 0, margin: 0 })).toBe('refuse');
    // …unless a good share of the question's own words is there: the model missed what the words did not.
    expect(decide({ coverage: 0.4, literal: 0.4, related: 0, margin: 0 })).toBe('low');
    // An open question ("what did they do about…") on a passage about its topic is answered; asked for a figure, the
    // same evidence is not enough.
    expect(decide({ coverage: 0.32, literal: 0.32, related: 1.8, margin: 0, open: true })).toBe('high');
    expect(decide({ coverage: 0.32, literal: 0.32, related: 1.8, margin: 0, open: false })).toBe('low');
    // A clear winner by its own words, but not by a synonym alone.
    expect(decide({ coverage: 0.3, literal: 0.3, margin: 0.5 })).toBe('high');
    expect(decide({ coverage: 0.3, literal: 0, margin: 0.5 })).toBe('low');
    // Words and meaning pointing to the same passage: evidence just above the refusal floors is enough.
    expect(decide({ coverage: 0.27, literal: 0.27, related: 1.8, margin: 0, agrees: true })).toBe('high');
    expect(decide({ coverage: 0.27, literal: 0.27, related: 1.8, margin: 0, agrees: false })).toBe('low');
    expect(decide({ coverage: 0.2, literal: 0.2, related: 1.8, margin: 0, agrees: true })).toBe('low');
  });

  it('a year the report does not cover, or a figure about something else, is no confident answer', () => {
    const report = { title: 'Zuoyun County 2023 Annual Report', date: '2024-01-17' };
    expect(yearOutOfScope(['2022'], report, 'There were 13 cases.')).toBe(true);
    expect(yearOutOfScope(['2023'], report, 'There were 13 cases.')).toBe(false);
    expect(yearOutOfScope(['2022'], report, 'Down 8.5 points on 2022.')).toBe(false);
    // A year opening the span a figure covers gives no figure of that year, unless the question asks since when.
    const since = '>137M notifications sent since the product launched in 2019';
    expect(yearOutOfScope(['2019'], report, since)).toBe(true);
    expect(yearOutOfScope(['2019'], report, since, true)).toBe(false);
    expect(yearOutOfScope(['2019'], report, 'Launched in 2019, it has sent 137M notifications since.')).toBe(false);
    const asked = new Set(tokenize('administrative cases'));
    expect(figureAttached('The court accepted 13 administrative cases.', asked)).toBe(true);
    expect(figureAttached('The court issued nine circulars on administrative cases.', asked)).toBe(true);
    // A count written with a thousands separator is no year, though its index term is the digits alone.
    const tickets = new Set(tokenize('support tickets'));
    expect(figureAttached('Responded to 1,946 tickets within agreed times.', tickets)).toBe(true);
    expect(figureAttached('Tickets were first issued in 1946.', tickets)).toBe(false);
    // A line that opens with its one measure labels it throughout (a "by the numbers" item); a count counts its noun.
    const result = new Set(tokenize('first simple report result'));
    const line = '8 weeks from start of project to first Simple Report test result delivered';
    expect(figureAttached(line, result, 3, TIME_UNITS)).toBe(true);
    const later = 'The first Simple Report test result was delivered to state laboratories after 8 weeks';
    expect(figureAttached(later, result, 3, TIME_UNITS)).toBe(false);
    const complaints = new Set(tokenize('complaints'));
    expect(
      figureAttached('11 agencies fully resolved, addressed or adjudicated all of the complaints', complaints),
    ).toBe(false);
    expect(
      figureAttached(
        'In 2023 the administrative cases were heard; fees rose by 40 yuan for parking permits and licences.',
        asked,
      ),
    ).toBe(false);
  });

  it('a date answers "when" only beside a word of the event asked about', () => {
    const asked = new Set(tokenize('assessment published forum held'));
    expect(dateAttached(tokenize('GSA will host the 2026 forum, anticipated to be held in May 2026.'), asked)).toBe(
      true,
    );
    expect(
      dateAttached(
        tokenize(
          'Agencies self-reported their size; GSA reclassified one cabinet-level agency as a very large agency using January 2026 FedScope data.',
        ),
        asked,
      ),
    ).toBe(false);
    // A date opening its sentence frames all of it, however far the event's word stands.
    const moved = new Set(tokenize('move service'));
    const july =
      'In July 2023, following the announcement of a new Minister for Citizens and a review of its mandate, the team moved to Service Canada.';
    expect(dateAttached(tokenize(july), new Set(tokenize('move')))).toBe(false); // too far for the window
    expect(frontedDateOf(july, moved)).toBe(true);
    expect(frontedDateOf('In 2023, the team moved.', moved)).toBe(true);
    expect(frontedDateOf('In the past, the team moved.', moved)).toBe(false);
    expect(frontedDateOf('The team moved on. In July 2023, it grew.', moved)).toBe(false); // not this sentence's
    expect(frontedDateOf('In July 2023, the budget grew.', moved)).toBe(false); // nothing asked in it
    // A year said from the report's own is a date: "this year", "next year"; not "each year".
    expect(relativeYearAttached('GSA will hold the forum this year.', asked)).toBe(true);
    expect(relativeYearAttached('GSA holds the forum each year.', asked)).toBe(false);
    expect(relativeYearAttached('This year the forum was held online.', asked)).toBe(true);
  });

  it('a "how much" figure is a sum of money standing by the words asked, not another figure beside it', () => {
    const budget = new Set(tokenize('annual budget year'));
    expect(amountAttached('$285 million in projected savings over five years', budget)).toBe(false);
    expect(amountAttached('CDS has a $25.8 million annual budget', budget)).toBe(true);
    expect(amountAttached('The annual budget was 950 million yuan.', budget)).toBe(true);
    const save = new Set(tokenize('infrastructure save'));
    expect(amountAttached('It is expected to save taxpayers an estimated $285M over five years.', save)).toBe(true);
    expect(amountAttached('It is expected to save 400,000 hours.', save)).toBe(false); // no sum of money
    // A currency's name is a whole word after a number: "USDS" is no sum in US dollars, "2,000 USD" is.
    const built = new Set(tokenize('direct file'));
    expect(amountAttached('Starting in June 2023, USDS led the development of Direct File.', built)).toBe(false);
    expect(amountAttached('Direct File cost 2,000 USD to build.', built)).toBe(true);
  });

  it('a number followed by a unit counts that unit, not the thing asked about', () => {
    const flats = new Set(tokenize('public rental housing flats'));
    expect(figureAttached('Applicants waited an average of 6.1 years for a flat.', flats)).toBe(false);
    expect(figureAttached('The Government will complete 30000 flats.', flats)).toBe(true);
    // …but not the period of a rate: "$256,872 per year" is money saved (USDS's VONAPP).
    const saved = new Set(tokenize('retiring vonapp save va'));
    expect(figureAttached('The VONAPP website was retired, saving VA $256,872 per year.', saved)).toBe(true);
    expect(figureAttached('Applicants waited 5.1 years.', new Set(tokenize('how many years waited')))).toBe(true);
    // A word between the number and its unit: still a time.
    const complete = new Set(tokenize('complete full'));
    expect(figureAttached('The waiting time fell by one full year.', complete)).toBe(false);
    // A share is no number of the unit after it.
    const index = new Set(tokenize('hang seng index rise'));
    expect(figureAttached('The Hang Seng Index has risen by over 20% year-to-date.', index)).toBe(true);
    expect(figureAttached('The Hang Seng Index has risen for 2 years.', index)).toBe(false);
    // A unit asked for under another form of its name ("ton" glossed from 吨; the report's "tonnes").
    expect(figureAttached('a storage capacity of 2 000 tonnes of gold', new Set(['ton', 'gold']))).toBe(true);
  });

  it('judges in one step: strong evidence is high only when the passage gives what is asked', () => {
    const strong = { coverage: 0.9, literal: 0.9, margin: 0.5 };
    const shown = (quoted: string, over: Partial<Shown> = {}): Shown => ({
      sentence: quoted,
      quoted,
      quotedTerms: tokenize(quoted),
      context: new Set(tokenize(quoted)),
      names: [],
      report: { title: 'County 2023 Report' },
      named: [],
      persons: [],
      telling: () => true,
      ...over,
    });
    /** The verdict on strong evidence for a passage showing `quoted`. */
    const verdict = (q: QuestionAnalysis, quoted: string, over: Partial<Shown> = {}, unknown: string[] = []) =>
      judge(strong, q, shown(quoted, over), unknown);
    const cases = analyzeQuestion('How many administrative cases were there?');
    expect(verdict(cases, 'There were 13 administrative cases.')).toBe('high');
    expect(verdict(cases, 'Administrative cases were heard in public.')).toBe('low'); // no figure
    expect(verdict(cases, 'There were 13 administrative cases.', {}, ['Youyu'])).toBe('low'); // a place the reports never name
    // "The year before" is a year before the report's own, which the quote must name.
    const before = analyzeQuestion('how many administrative cases were there the year before?');
    expect(verdict(before, 'There were 13 administrative cases.')).toBe('low');
    expect(verdict(before, 'There were 13 administrative cases, up from 9 in 2022.')).toBe('high');
    // …but a comparison with the year before asks about the report's own year.
    const change = analyzeQuestion('how many administrative cases were there, compared with the year before?');
    expect(verdict(change, 'There were 13 administrative cases.')).toBe('high');
    // "Since 2017" asked in any language (自2017年以来, whose 以来 a reading gives as "since") is answered by a figure
    // counted since then.
    const ideas = analyzeQuestion('how many ideas were evaluated by 10x in 2017');
    const sinceRead = { ...ideas, concepts: [...ideas.concepts, { senses: [[tokenize('since')]], weight: 1 }] };
    expect(verdict(ideas, '1,300 ideas evaluated by 10x since 2017')).toBe('low');
    expect(verdict(sinceRead, '1,300 ideas evaluated by 10x since 2017')).toBe('high');
    // A year the report does not cover must be in the quote, in any of its sentences, not only the best one.
    const renew = analyzeQuestion('why did people have to renew their coverage in 2022?');
    const ended = 'The emergency ended on March 31, 2022. This meant that people had to renew their coverage.';
    expect(verdict(renew, ended, { sentence: 'This meant that people had to renew their coverage.' })).toBe('high');
    expect(verdict(renew, 'This meant that people had to renew their coverage.')).toBe('low');
    // …or in its heading: a dated log's month heading dates the items under it (Treasury's ERA page).
    const put = analyzeQuestion('what did treasury put out on october 16 2023 to help governments?');
    const resource = 'On October 16, Treasury published a resource to assist local, state and Tribal governments.';
    const page = { report: { title: 'Emergency Rental Assistance Program', date: '2025-12-08' } };
    expect(verdict(put, resource, page)).toBe('low');
    expect(verdict(put, resource, { ...page, headings: ['Recent updates', 'October 2023'] })).toBe('high');
    // The month asked: June's figure is not May's.
    const may = analyzeQuestion('how low did in-stock rates get in may 2022?');
    expect(verdict(may, 'By June 2022, in-stock rates were as low as 19%.')).toBe('low');
    expect(verdict(may, 'In May 2022, in-stock rates were as low as 47%.')).toBe('high');
    // "Why did the number go down?" asks about a change: a passage stating none does not say; "go down" of a service is
    // an outage, no change of a number.
    const fewer = analyzeQuestion('why did the number of components go down from last year?');
    expect(verdict(fewer, 'Responses from 152 components from 12 parent agencies shows this in 2023.')).toBe('low');
    expect(verdict(fewer, 'Components fell from 160 to 152 in 2023 as agencies merged programs.')).toBe('high');
    const outage = analyzeQuestion('did notify go down when they rotated all the passwords?');
    expect(verdict(outage, 'Achieved full rotation of all secrets, with no downtime.')).toBe('high');
    // "When was it started?" asks when it came to be: "founded" dates that, whatever verb the question used.
    const origin = analyzeQuestion('when was the service started?');
    const notTheSubject = { telling: (t: string) => t !== tokenize('service')[0] };
    expect(verdict(origin, 'Since the service was founded in 2014, it has grown.', notTheSubject)).toBe('high');
    expect(verdict(origin, 'Since the service grew in 2014, it has hired.', notTheSubject)).toBe('low');
    // "How many people download the app?": a count of the downloads counts the doing asked; of ratings, another.
    const downloads = analyzeQuestion('how many people download the app?');
    expect(verdict(downloads, '2.14 million lifetime app downloads')).toBe('high');
    expect(verdict(downloads, '112,000 app ratings')).toBe('low');
    // A light verb says nothing of what a figure counts: "take part" is not "take on three initiatives".
    const tookPart = analyzeQuestion('how many hackers took part?');
    const initiatives =
      'He had the team take on three initiatives: run more bounty programs and tell hackers they act legally.';
    expect(verdict(tookPart, initiatives)).toBe('low');
    expect(verdict(tookPart, 'Over a thousand hackers took part in the challenge.')).toBe('high');
    // "How many people applied for jobs?": people counted, but not ones who applied.
    const applied = analyzeQuestion('how many people applied for jobs at the service?');
    const employees = { persons: tokenize('employees') };
    expect(verdict(applied, 'The service has 269 employees working across Canada.', employees)).toBe('low');
    expect(verdict(applied, 'The service hired 269 employees who applied for jobs.', employees)).toBe('high');
    // A figure of next year is one the report gives as to come (the report's year is 2023).
    const nextYear = analyzeQuestion('what is the budget for next year?');
    expect(verdict(nextYear, 'The county has a $25.8 million annual budget.')).toBe('low');
    expect(verdict(nextYear, 'The county will have a $26 million budget.')).toBe('high');
    expect(verdict(nextYear, 'The budget for 2024 is $26 million.')).toBe('high');
    // A rate asked by its period is a rate of that period.
    const daily = analyzeQuestion('how many veterans use the app every day?');
    expect(verdict(daily, 'The app has 20 million veteran users annually.')).toBe('low');
    expect(verdict(daily, 'The app has 960,400 veteran users daily.')).toBe('high');
    // A year's rate is any figure an annual report gives, but not one said per week, day or month.
    const hoursAYear = analyzeQuestion('how many hours of training does an employee take each year?');
    expect(verdict(hoursAYear, 'Each employee took 8.9 hours of training per week.')).toBe('low');
    expect(verdict(hoursAYear, 'Each employee took 8.9 hours of training.')).toBe('high');
    expect(verdict(hoursAYear, 'Each employee took 8.9 hours of training annually.')).toBe('high');
    // "How long" asks for a length of time: "6.1 years" is that length, not a count of years; a count is no length.
    const howLong = analyzeQuestion('How long is the waiting time for public housing now?');
    expect(verdict(howLong, 'Applicants for public housing waited an average of 6.1 years for a flat.')).toBe('high');
    expect(verdict(howLong, 'Applicants for public housing waited in 130,000 households.')).toBe('low');
    expect(verdict(howLong, 'Public housing applicants: 6.1 years of waiting.')).toBe('high');
    // "How many years" counts years as before; any other count by a unit of time stays no answer.
    const flats = analyzeQuestion('how many flats for public housing are there?');
    expect(verdict(flats, 'Public housing flats took 6.1 years to build.')).toBe('low');
    // What an example names is not what the figure counts, unless the example has a figure of its own.
    const schools = analyzeQuestion('how many schools use the testing system?');
    const sites = 'The testing system has connected with 15,000 testing sites, including nursing homes and schools.';
    expect(verdict(schools, sites)).toBe('low');
    expect(verdict(schools, 'The testing system has connected 15,000 sites, including 120 schools.')).toBe('high');
    expect(verdict(schools, 'The testing system is used by 120 schools, such as those in the north.')).toBe('high');
    // A date opening its sentence is the date of what the sentence says.
    const move = analyzeQuestion('when did the team move to the ministry?');
    const fronted =
      'In July 2023, following the announcement of a new Minister for Citizens and a long public review of its mandate and budget, the team moved to the ministry.';
    expect(verdict(move, fronted)).toBe('high');
    // "This year" in a report is a date: it says when.
    const office = analyzeQuestion('when will the office in Kuala Lumpur be established?');
    expect(verdict(office, 'I will establish an office in Kuala Lumpur this year.')).toBe('high');
    expect(verdict(office, 'I will establish an office in Kuala Lumpur.')).toBe('low');
    // "Last year" is the year before the report's own: the title covers it, or the quote must say it.
    const visitors = analyzeQuestion('how many visitors came last year?');
    const address = { report: { title: 'The 2025 Policy Address', date: '2025-09-17' } };
    expect(verdict(visitors, 'The gallery attracted over one million visitors.', address)).toBe('low');
    expect(verdict(visitors, 'Last year, over one million visitors came.', address)).toBe('high');
    expect(verdict(visitors, 'In 2024, over one million visitors came.', address)).toBe('high');
    const annual = { report: { title: 'County 2023 Annual Report', date: '2024-01-17' } };
    expect(verdict(visitors, 'The gallery attracted over one million visitors.', annual)).toBe('high');
    expect(
      verdict(visitors, 'The gallery attracted over one million visitors.', { report: { title: 'Annual report' } }),
    ).toBe('high'); // no year known
    // "Which states …" is answered by a quote naming a state.
    const states = analyzeQuestion('which states could use direct file?');
    expect(verdict(states, 'Direct File users trusted the IRS more.', { names: ['IRS'], places: [] })).toBe('low');
    expect(verdict(states, 'Direct File ran in Texas.', { names: ['Texas'], places: ['Texas'] })).toBe('high');
    // A name alone states nothing done: it answers a question asking for a name, not one asking what was done.
    const audit = analyzeQuestion('did the Access Board audit any agency websites?');
    expect(verdict(audit, 'Access Board (USAB)', { names: ['Access Board'] })).toBe('low');
    expect(verdict(audit, 'The Access Board audited 12 agency websites.', { names: ['Access Board'] })).toBe('high');
    const which = analyzeQuestion('which agency is a partner of the program?');
    expect(verdict(which, 'Access Board (USAB)', { names: ['Access Board'] })).toBe('high');
    // …but "which agency runs it?" asks who did something: the passage must say it.
    const runs = analyzeQuestion('which agency runs the Access Board?');
    expect(verdict(runs, 'Access Board (USAB)', { names: ['Access Board'] })).toBe('low');
    // A level asked is not answered by a change, a change asked is.
    const level = analyzeQuestion('what was the customer satisfaction score before the relaunch?');
    expect(verdict(level, '53% increase in customer satisfaction since the relaunch')).toBe('low');
    expect(verdict(level, 'Customer satisfaction was 61% before the relaunch.')).toBe('high');
    const rise = analyzeQuestion('how much did customer satisfaction increase after the relaunch?');
    expect(verdict(rise, '53% increase in customer satisfaction since the relaunch')).toBe('high');
    // "Who is the administrator?" is not answered by the Deputy Administrator.
    const administrator = analyzeQuestion('who is the administrator of the digital service?');
    const named = (name: string) => ({ names: [name], persons: [name] });
    expect(verdict(administrator, 'Cori Zarek, Deputy Administrator of the Digital Service', named('Cori Zarek'))).toBe(
      'low',
    );
    expect(verdict(administrator, 'Mina Hsiang, Administrator of the Digital Service', named('Mina Hsiang'))).toBe(
      'high',
    );
    // A class of persons answers "who are the portal's target users?", but not the persons it asks about.
    const users = analyzeQuestion("who are the portal's target users");
    const groups = 'The portal has three target user groups: technologists, City employees, and residents.';
    expect(verdict(users, groups, { persons: tokenize('technologists employees residents') })).toBe('high');
    expect(verdict(users, 'The portal serves more users.', { persons: tokenize('users') })).toBe('low');
    // A figure counting another thing the question names ("24 agencies" for web pages agencies have) is no count of X.
    const pages = analyzeQuestion('how many public web pages do federal agencies have?');
    expect(verdict(pages, 'Public web pages: 24 agencies (40%)')).toBe('low');
    expect(verdict(pages, 'Public web pages: 24 agencies own 1,683,529 pages')).toBe('high');
    expect(verdict(pages, 'Federal agencies own 1 683 529 public web pages.')).toBe('high');
    // …but what a count names by its kind is that kind: "agency collaborators" are agencies.
    // A naming says the name, whatever its words ("10x Classic" is no name the dictionary does not know).
    const classic = analyzeQuestion('what do they call the old four phase model');
    expect(
      verdict(
        classic,
        'But all of these adaptations existed within our traditional four-phased model. We call this “10x Classic.”',
      ),
    ).toBe('high');
    expect(verdict(classic, 'But all of these adaptations existed within our traditional four-phased model.')).toBe(
      'low',
    );
    const collaborators = analyzeQuestion('how many agencies did 10x collaborate with');
    expect(verdict(collaborators, '60 agency and sub-agency collaborators')).toBe('high');
    expect(verdict(collaborators, '60 collaborators')).toBe('low');
    // A sum spent on doing something counts nothing ("$150 preparing their taxes").
    const hours = analyzeQuestion('how many hours does it take to prepare taxes?');
    expect(verdict(hours, 'Taxpayers spend about nine hours and $150 preparing taxes each year.')).toBe('high');
    // "Here are 3 300 national security education tutors": the counted noun ends the phrase, not its first word.
    const tutors = analyzeQuestion('how many tutors got trained to spread national security messages?');
    expect(verdict(tutors, 'More than 3 300 national security education tutors have been trained.')).toBe('high');
    // "How many staff are veterans?": a count of the staff is no count of the veterans among them.
    const veterans = analyzeQuestion('how many usds staff are veterans themselves');
    expect(verdict(veterans, '32% of our staff identify as minorities')).toBe('low');
    expect(verdict(veterans, 'Of our staff, 41 are veterans of the armed forces.')).toBe('high');
    // "What does OMB stand for?" is answered by a passage spelling it out, not one only using it.
    const omb = analyzeQuestion('What does OMB stand for?');
    expect(verdict(omb, 'OMB distributed the assessment criteria to agencies.')).toBe('low');
    expect(verdict(omb, 'GSA consulted the Office of Management and Budget (OMB) and the Access Board.')).toBe('high');
    expect(verdict(omb, 'The Office of Management and Budget distributed the criteria.')).toBe('high');
    // A small word may give a letter ("Digital Service at the Centers for Medicare and Medicaid Services (DSAC)").
    const dsac = analyzeQuestion("what's DSAC");
    expect(verdict(dsac, 'The Digital Service at the Centers for Medicare Services (DSAC) began in 2014.')).toBe(
      'high',
    );
    expect(verdict(dsac, 'DSAC was started by a team of current and former USDS members.')).toBe('low');
    // "How much" asks for the sum of money by the words asked.
    const budget = analyzeQuestion("what's the agency's budget per year?");
    expect(verdict(budget, '$285 million in projected savings over five years')).toBe('low');
    expect(verdict(budget, 'The agency has a $25.8 million budget each year.')).toBe('high');
    // "Spend" says the figure is money; what it was spent on is what the sum must stand by.
    const spent = analyzeQuestion('how much did the agency spend on contractors?');
    expect(verdict(spent, 'Taxpayers spend about $150 preparing their taxes.')).toBe('low');
    expect(verdict(spent, 'The agency spent $2 million on contractors.')).toBe('high');
    // "How long has it been around?" is answered by when it came to be, as by how long it has been.
    const around = analyzeQuestion('how long has the digital service been around?');
    expect(verdict(around, 'Formed in 2017, the digital service was created to help people.')).toBe('high');
    expect(verdict(around, 'The digital service has helped people for over 7 years.')).toBe('high');
    expect(verdict(around, 'The digital service helped 7,000 people in 2017.')).toBe('low');
    // A length of time is what the event took ("take" is a light verb elsewhere), however it is asked.
    const redesign = analyzeQuestion('how long was the redesign supposed to take?');
    const proposed =
      'When first planned, the redesign of the front end of the application was proposed to take 18 months.';
    expect(verdict(redesign, proposed)).toBe('high');
    expect(
      verdict(analyzeQuestion('how quickly did the team fix the site?'), 'The team fixed it in just four days.'),
    ).toBe('high');
    const spend = analyzeQuestion('how long did the team spend building the site?');
    expect(verdict(spend, 'The team spent six months building the site.')).toBe('high');
    // …also without a number ("take weeks rather than months"), but not as a rate ("every week").
    const updates = analyzeQuestion('how long do map updates take now?');
    expect(verdict(updates, 'Map updates now take weeks rather than months.')).toBe('high');
    expect(verdict(updates, 'Map updates are published every week.')).toBe('low');
    // "How often" is answered by a frequency in words as by a number of times.
    const often = analyzeQuestion('how often do digital leaders meet?');
    expect(verdict(often, 'Digital Leaders meet on a monthly basis to steer the work.')).toBe('high');
    expect(verdict(often, 'Digital Leaders met to steer the work.')).toBe('low');
    // A share written out in words ("12 percent") is the share asked, its unit the one asked.
    const appealed = analyzeQuestion('what percentage of claims get appealed?');
    expect(
      verdict(appealed, 'Since 1996, the appeal rate has averaged 11 to 12 percent of all claims decisions.'),
    ).toBe('high');
    expect(verdict(appealed, 'Claims were appealed 12 times in the year.')).toBe('low');
    // "How much did it drop?" is answered by a factor of change beside the words asked, not by one of something else.
    const drop = analyzeQuestion('how much did the error rate drop?');
    expect(verdict(drop, 'The team achieved a 4x reduction in the error rate before launch.')).toBe('high');
    expect(verdict(drop, 'Monitoring allowed the agency to achieve a fourfold drop in the error rate.')).toBe('high');
    expect(verdict(drop, 'The error rate is tracked daily; the number of users doubled last year.')).toBe('low');
    // "Does it spend less than …?", "X vs Y": a fraction or a multiple compared is how much less, beside the words asked.
    const recruiting = analyzeQuestion('does the service spend less on recruiting than the private sector does?');
    const half = 'The service hires technologists for less than half of the recruiting costs of the private sector.';
    expect(verdict(recruiting, half)).toBe('high');
    expect(verdict(recruiting, 'The service hires technologists from the private sector.')).toBe('low');
    expect(verdict(analyzeQuestion('recruiting cost vs private sector'), half)).toBe('high');
    // "How old is it?" is answered by its age in years, or by when it came to be.
    const old = analyzeQuestion('how old is the case tracking system?');
    expect(verdict(old, 'The case tracking system is more than 20 years old.')).toBe('high');
    expect(verdict(old, 'The case tracking system was created in 1996.')).toBe('high');
    expect(verdict(old, 'The case tracking system handled 20,000 cases.')).toBe('low');
    // A sum received is not what something cost.
    const cost = analyzeQuestion('how much did the filing tool cost the agency to build?');
    expect(verdict(cost, 'Users of the filing tool the agency built received $90 million in tax refunds.')).toBe('low');
    expect(verdict(cost, 'The filing tool cost the agency $9 million to build.')).toBe('high');
    const refunds = analyzeQuestion('how much did users of the filing tool get back?');
    expect(verdict(refunds, 'Users of the filing tool received $90 million in tax refunds.')).toBe('high');
    // …unless such a sum is what is asked ("spending review" names a review; the question asks what could be saved).
    const saved = analyzeQuestion('how much could be saved during this spending review period?');
    const review = 'Approximately £1.2 billion of savings could be created during the current spending review period.';
    expect(verdict(saved, review)).toBe('high');
    // The kind of sum asked stands by its figure however common its word is (a report on savings: "save" tells nothing).
    const save = analyzeQuestion('how much could the government save a year by going digital?');
    const everywhere = { telling: (t: string) => !['save', 'govern', 'digit'].includes(t) };
    expect(verdict(save, 'Going digital could save the government £1.7bn to £1.8bn every year', everywhere)).toBe(
      'high',
    );
    expect(verdict(save, 'Going digital could cost the government £1.7bn to £1.8bn every year', everywhere)).toBe(
      'low',
    );
    // …and so does what the sum is for ("spend on travel"), in a report on travel.
    const travel = analyzeQuestion('how much does DoD spend on travel a year?');
    const onTravel = { telling: (t: string) => !['dod', 'depart', 'defens', 'travel'].includes(t) };
    const travelSpend = "Currently, the Department of Defense's travel spend is over $8.7 billion per year.";
    expect(verdict(travel, travelSpend, onTravel)).toBe('high');
    expect(verdict(travel, 'The Department of Defense has a budget of over $8.7 billion per year.', onTravel)).toBe(
      'low',
    );
    // A change with its amount after "by" says by how much (UK Digital Efficiency Report 2012).
    const shrink = analyzeQuestion('by how much is the civil service meant to shrink by 2015');
    const fall = 'The number of civil servants would fall from 2010 levels by around 23% to 380,000 by 2015.';
    expect(verdict(shrink, fall)).toBe('high');
    expect(verdict(shrink, 'The civil service had 380,000 staff in 2015 after a long programme of reform.')).toBe(
      'low',
    );
    // "Per year" says how often, never what a figure is about; "headcount" asks for a figure.
    const yearly = analyzeQuestion('what does the app cost taxpayers per year?');
    expect(verdict(yearly, 'People spend about $150 on their app each year.')).toBe('high');
    expect(verdict(yearly, 'Households spend about $150 on food each year.')).toBe('low');
    const headcount = analyzeQuestion('what was the agency headcount in 2015?');
    expect(verdict(headcount, 'In early 2015, the agency began to work with the VA.')).toBe('low');
    expect(verdict(headcount, 'In 2015, the agency headcount was 40.')).toBe('high');
    // A number the question names says which; the passage must name it ("82.5%" names 82.5).
    const over = analyzeQuestion('what percentage of the users were over 65?');
    expect(verdict(over, '86% of users say they trust the service more.')).toBe('low');
    expect(verdict(over, 'Of users over 65, 40% use the app.')).toBe('high');
    const share = analyzeQuestion('is the 82.5% share of good days up or down?');
    expect(verdict(share, 'The share of good days is 82.5%, down 8.5 points.')).toBe('high');
    // A share is asked for: a percentage or a part of a whole, not any figure.
    const women = analyzeQuestion('what percentage of estimator users were women?');
    expect(verdict(women, 'Women users navigated over 400 rate tables.')).toBe('low');
    expect(verdict(women, 'Of the estimator users, 52% were women.')).toBe('high');
    expect(verdict(women, 'Women were 52 of the 100 estimator users.')).toBe('high');
    // "What is the X of …" asks for X: the passage must name it.
    const age = analyzeQuestion("what's the average age of the agency's employees?");
    const head = { head: tokenize('age') };
    expect(verdict(age, 'The agency has 269 employees.', head)).toBe('low');
    expect(verdict(age, "The employees' average age is 41.", head)).toBe('high');
    // What it measures stands by the figure, however common a word it is where only common words are asked.
    const number = analyzeQuestion('whats the overall conformance number across govt');
    const common = { head: tokenize('conformance'), telling: (t: string) => tokenize('govt').includes(t) };
    const average =
      'Agencies reported a low governmentwide average for conformance of ICT, at 1.96 on a 5-point scale.';
    expect(verdict(number, average, common)).toBe('high');
    expect(verdict(number, average, { ...common, head: [] })).toBe('low');
    // A measure asked in a unit is a figure in that unit.
    const wait = analyzeQuestion("what's the average wait time at service centres in minutes");
    expect(verdict(wait, 'The average wait time at service centres was 68%.')).toBe('low');
    expect(verdict(wait, 'The average wait time at service centres was 12 minutes.')).toBe('high');
    const gold = analyzeQuestion('how many tonnes of gold can the facility store?');
    expect(verdict(gold, 'The facility can store over 2 000 tonnes of gold.')).toBe('high');
    expect(verdict(gold, 'The facility can store gold for 20 banks.')).toBe('low');
    // A sum asked in a currency is one in that currency, by its name or its sign.
    const yuan = analyzeQuestion('What was the total budget for 2023, in yuan?');
    expect(verdict(yuan, 'The total operating budget for 2023 was $19,574,746.')).toBe('low');
    expect(verdict(yuan, 'The total budget for 2023 was 950,000 yuan.')).toBe('high');
    expect(verdict(yuan, 'The total budget for 2023 was RMB 950,000.')).toBe('high');
    const dollars = analyzeQuestion('What was the total budget for 2023, in dollars?');
    expect(verdict(dollars, 'The total operating budget for 2023 was $19,574,746.')).toBe('high');
    expect(verdict(dollars, 'The total budget for 2023 was 950,000 yuan.')).toBe('low');
    expect(
      judge(
        strong,
        analyzeQuestion('How many complaints did the VA get?'),
        shown('There were 136 complaints.', { named: ['va'] }),
        [],
      ),
    ).toBe('low');
    // People are counted by whoever the quote names as persons.
    const people = analyzeQuestion('How many people get the tips?');
    const tips = 'The tips reach 1,670 subscribers.';
    expect(verdict(people, tips)).toBe('low');
    expect(verdict(people, tips, { persons: tokenize('subscribers') })).toBe('high');
    // Whatever is asked about it: "did the VA …" is not answered by a passage on another body's website.
    const va = analyzeQuestion('Did the VA redesign its website?');
    expect(verdict(va, 'The website was redesigned.', { named: ['va'] })).toBe('low');
    expect(verdict(va, 'The VA redesigned the website.', { named: ['va'] })).toBe('high');
    // …nor "what does service canada use notify for?" by what Health Canada uses it for: a name however typed.
    const uses = analyzeQuestion('what does service canada use notify for?');
    const healthCanada = 'Health Canada uses GC Notify to send recalls.';
    expect(verdict(uses, healthCanada, { unmentioned: () => ['service canada'] })).toBe('low');
    expect(verdict(uses, healthCanada)).toBe('high');
    expect(verdict(analyzeQuestion('Who signed it?'), 'The report was signed.')).toBe('low');
    // What is counted must be named: figures beside the question's other words count something else.
    const students = analyzeQuestion('How many students will the new university town take?');
    expect(verdict(students, 'Three batches of sites for the University Town will be ready.')).toBe('low');
    expect(verdict(students, 'The University Town will take 20000 students.')).toBe('high');
    // Officers are not an office, though Porter's stems are one ("offic").
    const officers = analyzeQuestion('How many law enforcement officers hold certificates?');
    expect(verdict(officers, 'The law enforcement office held seven meetings.')).toBe('low');
    expect(verdict(officers, '120 law enforcement officers hold certificates.')).toBe('high');
    // What is counted stands by its figure, however common the word is in the report.
    const sent = analyzeQuestion('how many agencies actually sent in data?');
    const commonAgencies = { telling: (t: string) => t !== 'agenc' };
    const submissions = 'GSA analyzed submissions from 212 agencies, parent agencies, and components.';
    expect(verdict(sent, submissions, commonAgencies)).toBe('high');
    expect(
      judge(
        strong,
        sent,
        shown('In total 212 submissions came in; the later analysis then covered the agencies.', commonAgencies),
        [],
      ),
    ).toBe('low');
    // A quote saying the opposite of the question's verb gives the other figure (the engine reads it: Shown.opposes).
    const rejected = analyzeQuestion('how many tax returns were rejected?');
    expect(verdict(rejected, '140,803 tax returns accepted', { opposes: true })).toBe('low');
    expect(verdict(rejected, '140,803 tax returns accepted', { opposes: false })).toBe('high');
    expect(verdict(analyzeQuestion('did returns increase?'), 'Returns decreased.', { opposes: true })).toBe('high');
    // "Who did X" is answered by a passage saying the doing, not one naming someone for something else.
    const designed = analyzeQuestion('who designed the GC Forms logo?');
    const names = { names: ['Microsoft'] };
    expect(verdict(designed, 'Of the two (GC Forms, Microsoft), only GC Forms can hold Protected B.', names)).toBe(
      'low',
    );
    expect(verdict(designed, 'Microsoft designed the GC Forms logo.', names)).toBe('high');
    // Whose figure it is asked must be in the passage, unless it is the report's subject or a word most passages share.
    const salary = analyzeQuestion("what is the ceo's salary?");
    expect(verdict(salary, 'Salary $17,170,932')).toBe('low');
    expect(verdict(salary, 'The CEO is paid a salary of $250,000.')).toBe('high');
    expect(verdict(salary, 'Salary $17,170,932', { telling: (t) => t !== 'ceo' })).toBe('high');
    // A count of what is there is no count of what is not.
    const inaccessible = analyzeQuestion('how many design system components are not accessible');
    expect(verdict(inaccessible, 'Implemented all 11 mandatory components, all accessible.')).toBe('low');
    expect(verdict(inaccessible, '11 design system components are not accessible yet.')).toBe('high');
    // A count of those added is no count of all there are, unless the question asks for new ones.
    const services = analyzeQuestion('how many services are on sign in canada');
    expect(verdict(services, 'Onboarded 5 new services to the Sign In Canada platform')).toBe('low');
    expect(verdict(services, 'Sign In Canada operates with 14 services, 5 new services among them')).toBe('high');
    const added = analyzeQuestion('how many new services were added to sign in canada');
    expect(verdict(added, 'Onboarded 5 new services to the Sign In Canada platform')).toBe('high');
    // …or for what happened: the websites that moved are those added.
    const moved = analyzeQuestion('how many ministerial department websites moved to gov.uk this quarter');
    expect(verdict(moved, 'We moved 6 more ministerial department websites to GOV.UK.')).toBe('high');
    // A count of the very noun counted is the count asked, however far the question's other words stand.
    const feedbackPages = analyzeQuestion('how many pages use the page feedback tool');
    const tool = '12,000 Canada.ca web pages using the page-feedback tool to improve content';
    expect(verdict(feedbackPages, tool)).toBe('high');
    expect(
      verdict(feedbackPages, '12,000 Canada.ca web visitors using the page-feedback tool to improve content'),
    ).toBe('low');
    // "What are the X costs?": a sum of money is a cost, whatever word it stands by; a count is none.
    const costs = analyzeQuestion('what are the operations and management costs');
    const om = 'Operations & Management (O&M) $2,133,558';
    expect(verdict(costs, om, { head: tokenize('costs') })).toBe('high');
    expect(verdict(costs, 'Operations & Management (O&M) 2,133 staff', { head: tokenize('costs') })).toBe('low');
    // A share of what is counted is the report's answer to how many of them did something.
    const partners = analyzeQuestion('how many partners think cds help sped up their projects');
    expect(verdict(partners, '67% Percentage of partners who report an acceleration of project delivery')).toBe('high');
    expect(verdict(partners, '50.2% of customers report an acceleration of project delivery by partners')).toBe('low');
    // "Next year" says when, never what a figure counts: "$150 … each year" is no number of states.
    const ahead = analyzeQuestion('How many states will the pilot reach next year?');
    expect(
      judge(
        strong,
        ahead,
        shown('Taxpayers in the states spend nine hours and $150 preparing their taxes each year.'),
        [],
      ),
    ).toBe('low');
    expect(verdict(ahead, 'The pilot will reach 25 states next year.')).toBe('high');
    // A date to come is not one before the report's own year.
    const ahead2024 = (quoted: string): Shown => shown(quoted, { report: { title: 'Impact Report', date: '2024-05' } });
    const shutDown = analyzeQuestion('When will the formula tracking system be shut down?');
    expect(judge(strong, shutDown, ahead2024('In May 2022 the formula tracking system was shut down.'), [])).toBe(
      'low',
    );
    expect(judge(strong, shutDown, ahead2024('The formula tracking system will be shut down in May 2025.'), [])).toBe(
      'high',
    );
    const when = analyzeQuestion('When was the formula tracking system shut down?');
    expect(judge(strong, when, ahead2024('In May 2022 the formula tracking system was shut down.'), [])).toBe('high');
    // "Which … the best …" is answered by a passage naming an extreme.
    const best = analyzeQuestion('Which university has the best engineering school?');
    expect(verdict(best, 'The land will be used for the third medical school.')).toBe('low');
    expect(verdict(best, 'The engineering school of HKU is the best ranked.')).toBe('high');
    // The asker's own day or week is no report's period: "this weekend" is about something else, whatever films it names.
    const films = 'The exhibitions include film screenings.';
    expect(verdict(analyzeQuestion('What films are showing this weekend?'), films)).toBe('low');
    expect(verdict(analyzeQuestion('明天放映什么电影？'), films)).toBe('low');
    expect(verdict(analyzeQuestion('What films are showing?'), films)).toBe('high');
    expect(
      judge({ coverage: 0.1, literal: 0.1, margin: 0 }, cases, shown('There were 13 administrative cases.'), []),
    ).toBe('refuse');
  });
});

describe('mergePartAnswers: a message asking two things', () => {
  /** A quote of report `reportId` at [start, end). */
  const item = (start: number, end: number, reportId = 'r'): AnswerItem => ({
    quote: { text: `${start}-${end}`, highlights: [], start, end },
    score: 1,
    citation: { reportId, reportTitle: reportId, section: 'S', paragraph: 1 },
    sectionPath: ['S'],
  });
  const answer = (confidence: 'high' | 'low' | undefined, answers: AnswerItem[]): Answer => ({
    question: 'q',
    abstained: confidence === undefined,
    ...(confidence ? { confidence } : {}),
    answers,
    nearestSections: confidence ? [] : [{ reportId: 'r', section: 'S', paragraph: 9 }],
    mode: 'lexical',
  });
  const quotes = (a: Answer): string[] => a.answers.map((x) => `${x.citation.reportId}:${x.quote.text}`);

  it('keeps the whole answer first, then each confident part’s best quote, then the rest, up to the limit', () => {
    const whole = answer('high', [item(0, 10), item(50, 60), item(70, 80)]);
    const parts = [answer('high', [item(20, 30), item(90, 99)]), answer('low', [item(40, 45)])];
    expect(quotes(mergePartAnswers(whole, parts, 3))).toEqual(['r:0-10', 'r:20-30', 'r:50-60']);
    expect(quotes(mergePartAnswers(whole, parts, 2))).toEqual(['r:0-10', 'r:20-30']);
    // Confident because the whole message was, though one part was not.
    expect(mergePartAnswers(whole, parts, 3).confidence).toBe('high');
  });

  it('a part’s quote overlapping one already there is not added; the same offsets in another report are', () => {
    const whole = answer('low', [item(0, 10)]);
    expect(quotes(mergePartAnswers(whole, [answer('high', [item(5, 15)]), answer('high', [item(9, 12)])], 3))).toEqual([
      'r:0-10',
    ]);
    expect(quotes(mergePartAnswers(whole, [answer('high', [item(10, 20)])], 3))).toEqual(['r:0-10', 'r:10-20']);
    expect(quotes(mergePartAnswers(whole, [answer('high', [item(0, 10, 'other')])], 3))).toEqual([
      'r:0-10',
      'other:0-10',
    ]);
  });

  it('confident when every part is, low when one part is only low and the whole was low', () => {
    const whole = answer('low', [item(0, 10)]);
    expect(
      mergePartAnswers(whole, [answer('high', [item(20, 30)]), answer('high', [item(40, 50)])], 3).confidence,
    ).toBe('high');
    const mixed = mergePartAnswers(whole, [answer('high', [item(20, 30)]), answer('low', [item(40, 50)])], 3);
    expect(mixed.confidence).toBe('low');
    // A low part adds nothing to an answer the whole message found.
    expect(quotes(mixed)).toEqual(['r:0-10', 'r:20-30']);
  });

  it('a refused whole message takes what its parts found, confident ones first, and is no longer a refusal', () => {
    const refused = answer(undefined, []);
    const merged = mergePartAnswers(refused, [answer('low', [item(40, 50)]), answer('high', [item(20, 30)])], 3);
    expect(quotes(merged)).toEqual(['r:20-30', 'r:40-50']);
    expect(merged).toMatchObject({ abstained: false, confidence: 'low', nearestSections: [] });
  });

  it('parts that were all refused leave the whole answer as it was', () => {
    const refused = answer(undefined, []);
    expect(mergePartAnswers(refused, [answer(undefined, []), answer(undefined, [])], 3)).toBe(refused);
    const whole = answer('high', [item(0, 10)]);
    expect(mergePartAnswers(whole, [answer(undefined, [])], 3)).toBe(whole);
  });
});

describe('the verdict, exactly at its bars', () => {
  it('calibrates from the finite best similarities of at least five probes', () => {
    expect(calibrate([0.1, 0.2, 0.3, 0.4])).toBeUndefined();
    expect(calibrate([0.1, 0.2, 0.3, 0.4, NaN])).toBeUndefined();
    const c = calibrate([0.2, 0.4, 0.2, 0.4, 0.3, NaN])!;
    expect(c.offTopicMean).toBeCloseTo(0.3, 10);
    // Population standard deviation: sqrt((4 × 0.01) / 5).
    expect(c.offTopicSd).toBeCloseTo(Math.sqrt(0.04 / 5), 10);
    expect(calibrate([0.5, 0.5, 0.5, 0.5, 0.5])).toEqual({ offTopicMean: 0.5, offTopicSd: 0.01 });
  });

  it('relatedness: standard deviations above the off-topic mean; nothing without a similarity or a calibration', () => {
    const c = { offTopicMean: 0.3, offTopicSd: 0.1 };
    expect(relatedness(0.55, c)).toBeCloseTo(2.5, 10);
    expect(relatedness(0.2, c)).toBeCloseTo(-1, 10);
    expect(relatedness(undefined, c)).toBeUndefined();
    expect(relatedness(0.5, undefined)).toBeUndefined();
    expect(relatedness(NaN, c)).toBeUndefined();
  });

  /** Round bars, so each rule can be hit exactly at its edge. */
  const T = {
    ...CONFIDENCE,
    highCoverage: 0.8,
    highRelatedness: 4,
    supportCoverage: 0.5,
    supportRelatedness: 2,
    minCoverage: 0.2,
    minRelatedness: 1,
    unrelated: 0.5,
    clearMargin: 0.3,
    marginCoverage: 0.4,
    openCoverage: 0.3,
    openRelatedness: 1.5,
  };
  const weak = { coverage: 0.25, literal: 0, margin: 0, related: 0.9 };

  it('each way to a confident answer, at its bar and just under it', () => {
    expect(decide({ ...weak, coverage: 0.8 }, T)).toBe('high');
    expect(decide({ ...weak, coverage: 0.79 }, T)).toBe('low');
    expect(decide({ ...weak, related: 4 }, T)).toBe('high');
    expect(decide({ ...weak, related: 3.99 }, T)).toBe('low');
    expect(decide({ ...weak, coverage: 0.5, related: 2 }, T)).toBe('high');
    expect(decide({ ...weak, coverage: 0.49, related: 2 }, T)).toBe('low');
    expect(decide({ ...weak, coverage: 0.5, related: 1.99 }, T)).toBe('low');
    expect(decide({ ...weak, margin: 0.3, literal: 0.4 }, T)).toBe('high');
    expect(decide({ ...weak, margin: 0.29, literal: 0.4 }, T)).toBe('low');
    expect(decide({ ...weak, margin: 0.3, literal: 0.39 }, T)).toBe('low');
    expect(decide({ ...weak, open: true, coverage: 0.3, related: 1.5 }, T)).toBe('high');
    expect(decide({ ...weak, open: false, coverage: 0.3, related: 1.5 }, T)).toBe('low');
    expect(decide({ ...weak, open: true, coverage: 0.29, related: 1.5 }, T)).toBe('low');
    expect(decide({ ...weak, open: true, coverage: 0.3, related: 1.49 }, T)).toBe('low');
    expect(decide({ ...weak, agrees: true, coverage: 0.2, related: 1 }, T)).toBe('high');
    expect(decide({ ...weak, agrees: false, coverage: 0.2, related: 1 }, T)).toBe('low');
    expect(decide({ ...weak, agrees: true, coverage: 0.19, related: 1 }, T)).toBe('low');
    expect(decide({ ...weak, agrees: true, coverage: 0.2, related: 0.99 }, T)).toBe('low');
  });

  it('refuses when both coverage and relatedness are under their floors, or the meaning is off-topic and the words few', () => {
    expect(decide({ ...weak, coverage: 0.19, related: 0.99 }, T)).toBe('refuse');
    expect(decide({ ...weak, coverage: 0.2, related: 0.99 }, T)).toBe('low');
    expect(decide({ ...weak, coverage: 0.19, related: 1 }, T)).toBe('low');
    // Without a model, coverage alone.
    expect(decide({ coverage: 0.19, literal: 0, margin: 0 }, T)).toBe('refuse');
    expect(decide({ coverage: 0.2, literal: 0, margin: 0 }, T)).toBe('low');
    // Off-topic meaning (under `unrelated`) refuses unless the question's own words are there.
    expect(decide({ ...weak, coverage: 0.3, related: 0.49, literal: 0.49 }, T)).toBe('refuse');
    expect(decide({ ...weak, coverage: 0.3, related: 0.5, literal: 0.49 }, T)).toBe('low');
    expect(decide({ ...weak, coverage: 0.3, related: 0.49, literal: 0.5 }, T)).toBe('low');
    // …whatever synonyms cover ("apply for a passport" → "pass"): coverage over the bar does not save it.
    expect(decide({ ...weak, coverage: 0.9, related: 0.49, literal: 0 }, T)).toBe('refuse');
    expect(decide({ ...weak, coverage: 0.9, related: 0.49, literal: 0.5 }, T)).toBe('high');
    // …unless the meaning points to the same passage ("hand out booklets" → "pamphlets were distributed").
    expect(decide({ ...weak, coverage: 0.9, related: 0.49, literal: 0, agrees: true }, T)).toBe('high');
    expect(decide({ ...weak, coverage: 0.3, related: 0.49, literal: 0, agrees: true }, T)).toBe('refuse');
  });

  it('a question naming something the reports name gets the closest passages, not a refusal, however it is worded', () => {
    // As related as off-topic questions, few of its own words there: refused…
    expect(decide({ ...weak, coverage: 0.3, related: 0.49, literal: 0.3 }, T)).toBe('refuse');
    // …unless it names what the reports name ("the NM steering group"): the closest passages.
    expect(decide({ ...weak, coverage: 0.3, related: 0.49, literal: 0.3, named: true }, T)).toBe('low');
    // Never a confident quote that way, whatever synonyms cover…
    expect(decide({ ...weak, coverage: 0.9, related: 0.49, literal: 0, named: true }, T)).toBe('low');
    // …and evidence too weak for anything is still refused.
    expect(decide({ ...weak, coverage: 0.19, related: 0.49, literal: 0, named: true }, T)).toBe('refuse');
  });

  it('evidence: the best of the top three, the margin over another paragraph, and whether words and meaning agree', () => {
    const [a, b] = [{ id: 'a' }, { id: 'b' }];
    const q = analyzeQuestion('What did the county do about roads?');
    const ranked = [
      { report: a, paragraph: 1, score: 1, coverage: 0.4, literal: 0.3, related: 1 },
      { report: a, paragraph: 1, score: 0.9, coverage: 0.6, literal: 0.2, related: 2 },
      { report: b, paragraph: 1, score: 0.7, coverage: 0.1, literal: 0.5, related: -1 },
      { report: a, paragraph: 2, score: 0.6, coverage: 0.9, literal: 0.9, related: 3 },
    ];
    expect(evidenceOf(q, ranked)).toEqual({
      coverage: 0.6,
      literal: 0.5,
      related: 2,
      margin: 1 - 0.7,
      open: true,
      // The closest in meaning of all ranked (a#2, relatedness 3) is not the first passage.
      agrees: false,
    });
    const agreeing = ranked.slice(0, 3);
    expect(evidenceOf(q, agreeing)).toMatchObject({ agrees: true, related: 2 });
    // Same report, another paragraph: still the runner-up.
    expect(evidenceOf(q, [ranked[0]!, ranked[3]!]).margin).toBeCloseTo(0.4, 10);
    // Without relatedness: undefined, and nothing agrees.
    const lexical = ranked.map((s) => ({ ...s, related: undefined }));
    expect(evidenceOf(q, lexical)).toMatchObject({ related: undefined, agrees: false });
    // One relatedness among the three is enough to have one.
    expect(evidenceOf(q, [lexical[0]!, { ...lexical[1]!, related: -2 }]).related).toBe(-2);
    expect(evidenceOf(q, [])).toEqual({
      coverage: 0,
      literal: 0,
      related: undefined,
      margin: 0,
      open: true,
      agrees: false,
    });
    expect(evidenceOf(q, [ranked[0]!]).margin).toBe(1);
    expect(evidenceOf(analyzeQuestion('How many roads?'), ranked).open).toBe(false);
    expect(evidenceOf(analyzeQuestion('When were the roads built?'), ranked).open).toBe(false);
    expect(evidenceOf(analyzeQuestion('Who built the roads?'), ranked).open).toBe(false);
  });
});
