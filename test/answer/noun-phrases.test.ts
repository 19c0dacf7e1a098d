import { describe, expect, it } from 'vitest';
import {
  conflatedAgent,
  countedAfter,
  countedByFigures,
  countedAsOf,
  countedModifiersOf,
  countedOf,
  countsEvents,
  definedTermOf,
  definesTerm,
} from '../../src/answer/noun-phrases.js';
import { tokenize } from '../../src/search/tokenize.js';

describe('what a "how many" question counts', () => {
  it('the noun phrase after "how many", up to its verb, preposition, determiner or adverb', () => {
    expect(countedOf('How many public rental housing flats will be completed over the next five years?')).toEqual([
      'public',
      'rental',
      'hous',
      'flat',
    ]);
    expect(countedOf('how many standing (executive) meetings did the county hold')).toEqual(['stand', 'meet']);
    expect(countedOf('how many agencies actually sent in data for FY25?')).toEqual(['agenc']);
    // 多少人 counts people (not 人次, visits; nor 人口, the population).
    expect(countedOf('国家安全展览馆开幕以来有多少人参观？')).toEqual(tokenize('people'));
    expect(countedOf('展览馆有多少人次参观？')).toEqual([]);
    expect(countedOf('全县有多少人口？')).toEqual([]);
    expect(countedOf('how many hours a week do they put in?')).toEqual(['hour']);
    expect(countedOf('what is the number of lawyers in the county?')).toEqual(['lawyer']); // "the number of X"
    // The phrase ends in its plural head: the word after it is the verb.
    expect(countedOf('how many people work at the digital transformation office')).toEqual(['peopl']);
    expect(countedOf('how many sports facilities opened')).toEqual(tokenize('sports facilities'));
    expect(countedOf('how many rights and responsibilities items were adjusted')).toEqual(
      tokenize('rights and responsibilities items'),
    );
    expect(countedOf("no clue how many software apps they've got")).toEqual(['softwar', 'app']);
    // An adverb in -ly ends the phrase; a noun or adjective in -ly does not.
    expect(countedOf('how many newborn supply kits were handed out')).toEqual(tokenize('newborn supply kits'));
    expect(countedOf('how many daily logins does sign in canada get')).toEqual(tokenize('daily logins'));
    expect(countedOf('how many family doctors are there')).toEqual(tokenize('family doctors'));
  });

  it('the modifiers before its plural head say which of them are counted', () => {
    expect(countedModifiersOf('how many French-speaking employees does CDS have')).toEqual(['french', 'speak']);
    expect(countedModifiersOf('how many visa applications did the state department process')).toEqual(['visa']);
    // The words after the head are the question's verb, not what is counted.
    expect(countedModifiersOf('how many agencies just didnt bother responding')).toEqual([]);
    expect(countedModifiersOf('how many people sit on the PSC')).toEqual([]);
    expect(countedModifiersOf('how many software')).toEqual([]); // no plural head: cannot tell
  });

  it('what those counted are said to be: a plural noun after a copula', () => {
    expect(countedAsOf('how many usds staff are veterans themselves')).toBe('veterans');
    expect(countedAsOf('how many of the leaders were women?')).toBe('women');
    expect(countedAsOf('How many administrative cases were there?')).toBeUndefined();
    expect(countedAsOf('how many complaints were resolved?')).toBeUndefined(); // a doing, said in other words too
    expect(countedAsOf('how many agencies are compliant')).toBeUndefined();
  });

  it("what a text's figure counts: the first plural noun of the phrase after it", () => {
    expect(countedAfter(' national security education district tutors have been trained')).toBe('tutor');
    expect(countedAfter(' agencies (40%)')).toBe('agenc');
    expect(countedAfter('complaints were reported')).toBe('complaint');
    expect(countedAfter(' agency reported none')).toBeUndefined(); // no plural: cannot tell
    expect(countedAfter(' OAS rate tables or calling a centre')).toBe('tabl'); // an abbreviation is no plural
    expect(countedAfter(' Canada.ca web pages using the tool')).toBe('page'); // a dot inside a word ends nothing
    expect(countedAfter(' preparing taxes each year')).toBeUndefined(); // a verb: "$150 preparing …"
    expect(countedAfter(' their taxes each year')).toBeUndefined(); // "… $150 on their taxes": another phrase's
    // A participle before its noun describes it: "1.5M+ Registered users", "500 trained volunteers".
    expect(countedAfter('\n    Registered users since May 2017 launch')).toBe('user');
    expect(countedByFigures('1.5M+\n    Registered users since May 2017 launch')).toEqual(['user', undefined]);
    expect(countedByFigures('670K+ User accounts since launch')).toEqual(['account']);
  });

  it('nothing when occurrences are counted or the phrase is empty', () => {
    expect(countedOf('How many times did the county meet?')).toEqual([]);
    expect(countedOf('How many of the agencies replied?')).toEqual([]);
    expect(countedOf('What share of agencies replied?')).toEqual([]);
  });

  it('knows the agent nouns Porter reads as the word they are made from', () => {
    expect(conflatedAgent('officers')).toBe('officer'); // "offic", as "office"
    expect(conflatedAgent('Managers')).toBe('manager'); // "manag", as "manage"
    expect(conflatedAgent('workers')).toBeUndefined(); // "worker" stays itself
    expect(conflatedAgent('order')).toBeUndefined();
  });
});

describe('a count of what happened', () => {
  it('is asked by a verb in the past after the counted noun, not by "be" or "have"', () => {
    expect(countsEvents('how many ministerial department websites moved to gov.uk this quarter')).toBe(true);
    expect(countsEvents('how many agencies joined the program')).toBe(true);
    expect(countsEvents('how many services are on sign in canada')).toBe(false);
    expect(countsEvents('how many registered users are there')).toBe(false);
  });
});

describe('a definition asked for', () => {
  it('"what is X?" with X a noun phrase of up to four words, and nothing after it', () => {
    expect(definedTermOf('what is GC Notify?')).toEqual(['gc', 'notifi']);
    expect(definedTermOf("What's 'double publicity'")).toEqual(tokenize('double publicity'));
    expect(definedTermOf('what are digital credentials')).toEqual(['digit', 'credenti']);
    expect(definedTermOf('what does report stream do?')).toEqual(tokenize('report stream'));
    expect(definedTermOf('what does ex parte mean')).toEqual(tokenize('ex parte'));
    expect(definedTermOf('GC Notify是什么？')).toEqual(['gc', 'notifi']);
    expect(definedTermOf('什么是GC Notify？')).toEqual(['gc', 'notifi']);
    expect(definedTermOf('法律援助是什么？')).toBeUndefined(); // Chinese words are read by the glossary
    expect(definedTermOf('what is the plan for cutting red tape?')).toBeUndefined();
    expect(definedTermOf('what did the county do?')).toBeUndefined();
    // An adverb of emphasis and a possessor are not part of what is defined.
    expect(definedTermOf("What do the government's legal advisers actually do?")).toEqual(tokenize('legal advisers'));
    expect(definedTermOf('what is human centered design anyway')).toEqual(tokenize('human centered design'));
    // Where it is done says whose it is, not what it is.
    expect(definedTermOf('what is rapid response at usds')).toEqual(tokenize('rapid response'));
    // What it is used for is what it does.
    expect(definedTermOf("what's notify.gov used for")).toEqual(tokenize('notify.gov'));
    expect(definedTermOf('what is the digital transformation office responsible for')).toEqual(
      tokenize('digital transformation office'),
    );
  });

  it('a sentence opening with X, a copula and a noun phrase defines it', () => {
    const terms = ['gc', 'notifi'];
    expect(definesTerm('GC Notify is a cloud-based platform product.', terms)).toBe(true);
    expect(definesTerm('The GC Notify (GCN) is one of our products.', terms)).toBe(true);
    expect(definesTerm('GC Notify is used by 27 services.', terms)).toBe(false);
    // …or with what it does, its verb in the present.
    expect(definesTerm('GC Notify sends email and text messages for departments.', terms)).toBe(true);
    expect(definesTerm('GC Notify has 27 services.', terms)).toBe(false);
    expect(definesTerm('GC Notify needs to grow.', terms)).toBe(false);
    expect(definesTerm('GC Notify contributes to the client-centred design approach.', terms)).toBe(true);
    // …or with the duty it has, what it is there for.
    expect(definesTerm('The Growth team is responsible for driving product awareness.', ['growth', 'team'])).toBe(true);
    expect(definesTerm('GC Notify is tasked with sending alerts.', terms)).toBe(true);
    expect(definesTerm('GC Notify is responsive to clients.', terms)).toBe(false);
    expect(definesTerm('Health Canada uses GC Notify for alerts.', terms)).toBe(false);
    // A term before a colon, opening its line, is defined after it (a list of definitions).
    const rapid = tokenize('rapid response');
    expect(definesTerm('Rapid response: In response to urgent situations, USDS deploys teams.', rapid)).toBe(true);
    expect(definesTerm('USDS was called on for a rapid response: formula was short.', rapid)).toBe(false);
    // An owner's name before it is still the subject; a description set off after it by a comma describes it.
    const acp = tokenize('affordable connectivity program');
    expect(definesTerm("The Commission's (FCC) Affordable Connectivity Program (ACP) helps households.", acp)).toBe(
      true,
    );
    expect(definesTerm('Enrollment in the Affordable Connectivity Program rose by 130%.', acp)).toBe(false);
    expect(definesTerm('Health Canada uses GC Notify, a cloud-based platform.', terms)).toBe(true);
    expect(definesTerm('Health Canada uses GC Notify, and so does Service Canada.', terms)).toBe(false);
    // A class is defined by its members, listed right after it.
    const ttp = tokenize('trusted traveler programs');
    expect(
      definesTerm(
        'CBP administers Trusted Traveler Programs (TTP)—Global Entry, NEXUS, SENTRI, and FAST—that help.',
        ttp,
      ),
    ).toBe(true);
    expect(definesTerm('Trusted Traveler Programs such as Global Entry and NEXUS save time.', ttp)).toBe(true);
    expect(definesTerm('CBP built a Trusted Traveler Programs comparison tool.', ttp)).toBe(false);
    // …also after a few words of its clause, set off by two hyphens.
    const links = tokenize('three action links');
    const used =
      'They used the three Action links at the top of the page--Make an appointment, Ask a question, and Check status.';
    expect(definesTerm(used, links)).toBe(true);
    expect(definesTerm('They used the three Action links. Later--Make, Ask, and Check.', links)).toBe(false);
    expect(definesTerm('CBP runs Trusted Traveler Programs: they are popular, and Global Entry leads.', ttp)).toBe(
      false,
    );
    // A thing described, then named after a comma ("…, called Caseflow"), is defined there; named as a vehicle, not.
    const caseflow = tokenize('caseflow');
    expect(definesTerm('VA developed a new system that tracks paperless appeals, called Caseflow.', caseflow)).toBe(
      true,
    );
    expect(definesTerm('Staff called Caseflow a success.', caseflow)).toBe(false);
    // An apposition set off by a dash after its noun phrase says what it is; a dash before other words does not.
    const hcd = tokenize('human centered design');
    expect(
      definesTerm(
        'The human-centered design research effort USDS brought—a problem-solving method that puts people first.',
        hcd,
      ),
    ).toBe(true);
    expect(definesTerm('USDS used human-centered design—and a budget of $2 million.', hcd)).toBe(false);
    expect(definesTerm('USDS used human-centered design. Later—a year on—a method that worked was kept.', hcd)).toBe(
      false,
    );
    // A gloss in brackets right after it says what it means; its abbreviation there does not.
    const exParte = tokenize('ex parte');
    expect(definesTerm('States ran the ex parte (automatic) renewal process.', exParte)).toBe(true);
    expect(definesTerm('States ran the ex parte (EP) renewal process.', exParte)).toBe(false);
    // …and inside it, for the whole term ("ex parte renewal").
    const exParteRenewal = tokenize('ex parte renewal');
    expect(definesTerm('States ran the ex parte (automatic) renewal process.', exParteRenewal)).toBe(true);
    expect(definesTerm('States ran the ex parte renewal (automatic) process.', exParteRenewal)).toBe(true);
    expect(definesTerm('States ran the ex parte (EP) renewal process.', exParteRenewal)).toBe(false);
    expect(definesTerm('States ran the ex parte renewal process.', exParteRenewal)).toBe(false);
    // So do examples set off after it.
    const lifeEvents = tokenize('life events');
    expect(definesTerm('It explored “life events,” such as losing a loved one or retiring.', lifeEvents)).toBe(true);
    expect(definesTerm('It explored life events and other models, such as chatbots.', lifeEvents)).toBe(false);
    // A relative clause set off by a comma says what it follows is or does; a restrictive one picks some of them.
    const advisers = tokenize('legal advisers');
    expect(definesTerm('The county employs legal advisers, who take part in all major decisions.', advisers)).toBe(
      true,
    );
    expect(definesTerm('The county invites legal advisers who know the case to 8 meetings.', advisers)).toBe(false);
  });
});
