import { describe, expect, it } from 'vitest';
import { sortKeyedLines } from '../../src/search/keyed-lines.js';
import { Thesaurus, baseForms, loadThesaurus } from '../../src/search/thesaurus.js';
import {
  britishToAmerican,
  editDistance,
  officesIn,
  leadersIn,
  passiveAgentsIn,
  QueryVocabulary,
} from '../../src/search/vocabulary.js';
import { processTerm, wordCounts } from '../../src/search/tokenize.js';

const REPORT =
  'The labor bureau received 12 license applications. The county organized training and dismissed two village doctors. Lawsuits: the court accepted 13 administrative cases. Registration of 40 firms.';
// A small thesaurus in the cache format (sorted lines): lemma, then "rank:synonym,synonym".
const THESAURUS = Thesaurus.parse(
  sortKeyedLines([
    'sack\t1:plunder\t2:fire,dismiss,give_notice',
    'lawsuit\t1:suit,case,cause',
    'alumnus\t1:alumna,alum,graduate,grad',
    'colour\t1:color',
    'recipe\t1:formula',
    'register\t1:file\td:registration,registry',
    'inspect\td:inspection',
    'ins\t1:immigration_and_naturalization_service\tp',
    'sign_in\t1:check_in',
    'copland\t1:aaron_copland\tp',
    'york\t1:new_york\tp',
    'cour\t1:jacques_cour\tp',
    'wall\t1:paries',
    'new\t1:fresh',
    'take\t1:accept',
    'canada\t1:dominion_of_canada\tp',
    'hong_kong\t1:xianggang\tp',
    'wagner\t1:richard_wagner\tp\th',
    'lawyer\t1:attorney\th',
    'resident\t1:occupant\th\tj',
    'canadian\t1:canadian_river\tp\th\tj',
  ]).join('\n'),
);
const words = wordCounts([REPORT]);
const terms = new Set(
  Object.keys(Object.fromEntries(words))
    .map((w) => processTerm(w))
    .filter(Boolean),
);
const vocabulary = new QueryVocabulary(words, (t) => terms.has(t), THESAURUS);

describe('QueryVocabulary', () => {
  it("turns British spellings into the reports' American ones", () => {
    expect(britishToAmerican('labour')).toContain('labor');
    expect(britishToAmerican('organised')).toContain('organized');
    expect(britishToAmerican('licence')).toContain('license');
    expect(vocabulary.respell('Did the Labour bureau get licence requests?')).toBe(
      'Did the labor bureau get license requests?',
    );
  });

  it('keeps a word the index holds as typed: the initials the reports imply for a name are no typo', () => {
    const usds = new Map([
      ['uses', 3],
      ['service', 1],
    ]);
    const withInitials = new QueryVocabulary(usds, (t) => ['use', 'servic', 'usd'].includes(t), THESAURUS);
    expect(withInitials.respellWord('usds')).toBeUndefined();
    expect(new QueryVocabulary(usds, (t) => ['use', 'servic'].includes(t), THESAURUS).respellWord('usds')).toBe('uses');
  });

  it('keeps a negated auxiliary as written: "wasn" is no typo of "was"', () => {
    const auxiliaries = wordCounts(['The plan was good, and it does work: they did it.']);
    const plain = new QueryVocabulary(auxiliaries, () => true, THESAURUS);
    expect(plain.respell('why wasn’t it good')).toBe('why wasn’t it good');
    expect(plain.respell("it doesn't work, they didn't")).toBe("it doesn't work, they didn't");
    expect(vocabulary.respell("why wasn't the bureau's plan good enough")).toBe(
      "why wasn't the bureau's plan good enough",
    );
    expect(vocabulary.respell('it doesn’t work and they didn’t')).toBe('it doesn’t work and they didn’t');
  });

  it('reads "IT" in capitals as information technology, not the pronoun, unless the whole question is in capitals', () => {
    expect(vocabulary.respell('what percentage of staff work in IT')).toBe(
      'what percentage of staff work in information technology',
    );
    expect(vocabulary.respell('IT spending last year?')).toBe('information technology spending last year?');
    expect(vocabulary.respell('WHAT IS IT?')).toBe('WHAT IS IT?');
    expect(vocabulary.respell('what is it?')).toBe('what is it?');
  });

  it("turns American spellings into a British report's own", () => {
    const british = new Map([
      ['programmes', 3],
      ['centre', 5],
      ['labour', 1],
      ['organisations', 2],
    ]);
    const terms = new Set([...british.keys()].map((w) => processTerm(w)));
    const hk = new QueryVocabulary(british, (t) => terms.has(t), THESAURUS);
    expect(hk.respell('What programs does the labor center run?')).toBe('What programmes does the labour centre run?');
    expect(hk.respell('a program for organizations')).toBe('a programme for organisations');
    // A word the report writes as asked stays as it is.
    expect(vocabulary.respell('the labor bureau')).toBe('the labor bureau');
  });

  it('spells out short fiscal years and chat abbreviations', () => {
    expect(vocabulary.respell("how many agencies sent data for FY25? and FY '24?")).toBe(
      'how many agencies sent data for FY 2025? and FY 2024?',
    );
    expect(vocabulary.respell('whats the avg rating')).toBe('what the average rating');
    // Question words as chat spells them: "wat year" asks for a year.
    expect(vocabulary.respell('wat year did the court get txt msgs')).toBe('what year did the court get text messages');
    expect(vocabulary.respell('how many chats did the support reps handle?')).toBe(
      'how many chats did the support representatives handle?',
    );
    // A web address is as written: "SSA.gov" is no "SSA government", the gov of a govt question is.
    expect(vocabulary.respell('uptime of SSA.gov since the gov relaunch?')).toBe(
      'uptime of SSA.gov since the government relaunch?',
    );
    // A negation typed without its apostrophe is still a negation, not a topic word.
    expect(vocabulary.respell('how many agencies didnt respond, and why cant they')).toBe(
      "how many agencies didn't respond, and why can't they",
    );
  });

  it('corrects typos to the nearest report word, but never a word the reports or the dictionary know', () => {
    expect(vocabulary.respellWord('recieved')).toBe('received');
    expect(vocabulary.respellWord('doctrs')).toBe('doctors');
    expect(vocabulary.respellWord('recipe')).toBeUndefined(); // a real word, just not in the reports
    expect(vocabulary.respellWord('court')).toBeUndefined();
    expect(vocabulary.respellWord('xyz')).toBeUndefined(); // too short to guess
    // An irregular form is a real word too ("took" is take, not a typo of the report's "tool").
    const tools = wordCounts(['The county bought one tool.']);
    expect(new QueryVocabulary(tools, () => true, THESAURUS).respellWord('took')).toBeUndefined();
  });

  it('corrects a long typo against the dictionary when the reports have no close word, never towards a name', () => {
    expect(vocabulary.respellWord('registerd')).toBe('register'); // the reports say only "registration"
    expect(vocabulary.respellWord('recipie')).toBe('recipe');
    expect(vocabulary.respellWord('coplend')).toBeUndefined(); // "Copland" is a name
  });

  it('spells out chat abbreviations', () => {
    expect(vocabulary.respell('what did the govt do')).toBe('what did the government do');
    expect(vocabulary.respell('cds headcount')).toBe('cds number of people'); // a compound said in full
    // Magnitudes as finance writes them, alone or after a figure.
    expect(vocabulary.respell('how many bn for the institute, $1bn?')).toBe(
      'how many billion for the institute, $1billion?',
    );
  });

  it('reads a clipped word WordNet 3.1 lacks as the word it was clipped from too ("tech": technology, "apps")', () => {
    const tech = wordCounts(['The technology industry and tech firms build applications.']);
    const techTerms = new Set([...tech.keys()].map((w) => processTerm(w)));
    const clipped = new QueryVocabulary(tech, (t) => techTerms.has(t), Thesaurus.parse('tech\t1:technical_school'));
    expect(clipped.synonyms('tech')).toEqual([[['technolog']]]);
    expect(clipped.synonyms('apps')).toEqual([[['applic']]]);
    expect(clipped.respell('hire tech people')).toBe('hire tech people'); // the word itself stays: reports write it too
    // …and the phrasal verbs of launching a service, in any form of the verb ("went live", "rolled out").
    const none = Thesaurus.parse('');
    expect(none.synonyms('went_live', 1)).toEqual([['launch'], ['deploy']]);
    expect(none.synonyms('rolled_out', 1)).toEqual([['launch'], ['deploy'], ['introduce']]);
  });

  it('reads a word ending in "-er" as a comparative only of an adjective: "browser" is not the verb "browse"', () => {
    const dictionary = Thesaurus.parse(
      sortKeyedLines([
        'browse\t1:graze,range,surf',
        'browser\t2:web_browser\th',
        'nice\t1:pleasant\tj',
        'pee\t1:urinate',
        'peer\t1:equal,compeer\th',
      ]).join('\n'),
    );
    expect(dictionary.synonyms('browser', 3)).toEqual([['web', 'browser']]);
    expect(dictionary.synonyms('peer', 1)).toEqual([['equal'], ['compeer']]);
    expect(dictionary.synonyms('nicer', 1)).toEqual([['pleasant']]);
  });

  it('reads a clipped word as the words it was clipped from in its later senses too, those the reports hold ("vets")', () => {
    const vet = Thesaurus.parse('vet\t1:veterinarian,veterinary_surgeon\t2:veteran,ex-serviceman\th');
    expect(vet.synonyms('vets', 1)).toEqual([['veterinarian'], ['veterinary', 'surgeon'], ['veteran']]);
    const report = wordCounts(['Services for the 18.25 million Veterans and their families.']);
    const terms = new Set([...report.keys()].map((w) => processTerm(w)));
    expect(new QueryVocabulary(report, (t) => terms.has(t), vet).synonyms('vets')).toEqual([[['veteran']]]);
  });

  it('offers synonyms of the first senses that occur in the reports, as index terms', () => {
    expect(vocabulary.synonyms('sacked', 2)).toEqual([[['dismiss']]]);
    expect(vocabulary.synonyms('sacked', 1)).toEqual([]); // "plunder" is not in the reports
    expect(vocabulary.synonyms('lawsuits')).toEqual([[['case']]]);
    expect(vocabulary.synonyms('13')).toEqual([]);
    // An irregular plural has its singular's synonyms: "alumni" (alumnus) are the report's "alums".
    const alums = wordCounts(['50+ USDS alums have taken new roles.']);
    const alumTerms = new Set([...alums.keys()].map((w) => processTerm(w)));
    expect(new QueryVocabulary(alums, (t) => alumTerms.has(t), THESAURUS).synonyms('alumni')).toContainEqual([
      ['alum'],
    ]);
    // A synonym spelled like an irregular past ("found": establish) is itself where the reports write it so ("founded"),
    // not the past of "find".
    const founded = wordCounts(['The service was founded in 2014 and we find it works.']);
    const foundTerms = new Set([...founded.keys()].map((w) => processTerm(w)));
    const setUp = Thesaurus.parse('set_up\t1:establish,found,launch');
    expect(new QueryVocabulary(founded, (t) => foundTerms.has(t), setUp).synonyms('set_up')).toEqual([[['found']]]);
  });

  it('reads a phrasal verb asked by no other phrasal verb’s verb alone: "sign in" is not "check" (check_in)', () => {
    const checks = wordCounts(['People check the status online and check in at the office.']);
    const checkTerms = new Set([...checks.keys()].map((w) => processTerm(w)));
    const signIn = Thesaurus.parse('sign_in\t1:check_in,register');
    expect(new QueryVocabulary(checks, (t) => checkTerms.has(t), signIn).synonyms('sign_in')).toEqual([]);
  });

  it('offers derived forms the reports use: the noun for the verb people ask with', () => {
    expect(vocabulary.synonyms('registered')).toEqual([[['registr']]]); // "registry" is not in the reports
  });

  it('offers the noun made with "-ship" and the noun it is made of, when the dictionary has both', () => {
    const wordnet = loadThesaurus()!;
    expect(wordnet.derived('members')).toContain('membership');
    expect(wordnet.derived('partnered')).toContain('partnership');
    expect(wordnet.derived('memberships')).toContain('member');
    expect(wordnet.derived('leader')).toContain('leadership');
    // Not a person's: a flagship is no state of a flag.
    expect(wordnet.derived('flagship')).not.toContain('flag');
    expect(wordnet.derived('hardship')).not.toContain('hard');
  });

  it('finds names in a text: words the dictionary knows only as names, or not at all', () => {
    expect(vocabulary.names('Instructions of Lu Dongliang, member of the committee.')).toEqual(['Lu', 'Dongliang']);
    expect(vocabulary.names('The county head took the lead.')).toEqual([]);
    expect(vocabulary.names('Datong Municipal Government', true)).toEqual(['Datong', 'Municipal', 'Government']); // this small dictionary lacks both words
    // A name a number opens is a name; thousands and millions are figures.
    expect(vocabulary.names('with help from 18F and 5G masts; 10K users, 1.5M visits in 2024')).toEqual(['18F', '5G']);
  });

  it("tells the names that may be a person's from places, bodies the dictionary knows and abbreviations", () => {
    expect(vocabulary.personNames('signed by Paul N. Wagner, CEO')).toEqual(['Paul', 'Wagner']);
    expect(vocabulary.personNames('the minister moved the team from the TBS to Canada.')).toEqual([]);
    expect(vocabulary.personNames('offices in Hong Kong and Beijing')).toEqual(['Beijing']); // unknown to this dictionary
    expect(vocabulary.personNames('instructions of Lu Dongliang')).toEqual(['Lu', 'Dongliang']);
  });

  it('finds the nouns that name persons, and no people in an adjective', () => {
    expect(vocabulary.personNouns('55 lawyers and 300 residents met the Canadian team')).toEqual([
      'lawyers',
      'residents',
    ]);
    expect(vocabulary.personNames('signed by two Canadian officers')).toEqual([]);
    const wordnet = new QueryVocabulary(words, (t) => terms.has(t), loadThesaurus());
    expect(wordnet.personNouns('31 federal agencies and 300 residents')).toEqual(['residents']);
    // A name first a place is no person's ("Kansas", though "kansa" is a people).
    expect(wordnet.personNames('states including Kansas, led by Jane Kowalczyk')).toEqual(['Jane', 'Kowalczyk']);
    // A plural capitalised out of respect still names persons; beside another capitalised word it is part of a name.
    expect(wordnet.personNouns('serving 9 million Veterans annually')).toEqual(['veterans']);
    expect(wordnet.personNouns('the Department of Veterans Affairs')).toEqual([]);
  });

  it('finds the body a passive gives as its agent, in lower case too', () => {
    expect(passiveAgentsIn('The investigation will be carried out by an investigation panel set up for it.')).toEqual([
      'an investigation panel',
    ]);
    expect(passiveAgentsIn('Cases were handled by the county courts, and by the way by a man.')).toEqual([
      'the county courts',
    ]);
    expect(passiveAgentsIn('The panel met by the river and stood by the decision.')).toEqual([]);
    // …and a capitalised name, whatever its head (a GDS report: "operated by the The National Archives").
    expect(passiveAgentsIn('a blog operated by the The National Archives. Existing blogs moved')).toEqual([
      'The National Archives',
    ]);
  });

  it('finds who a text says leads something: the "by" phrase of a verb of leading', () => {
    expect(
      leadersIn('They created the Identity Assurance Office, led by a senior IRS executive with experience.'),
    ).toEqual(['a senior IRS executive']);
    expect(leadersIn('The review was headed by the deputy director.')).toEqual(['the deputy director']);
    expect(leadersIn('It was led by example and helped by a senior executive.')).toEqual([]);
  });

  it('finds who a text names as doing something: its names, and "I", the speaker of an address', () => {
    expect(vocabulary.agents('I will establish and chair the committee.')).toEqual(['I']);
    expect(vocabulary.agents('Lu Dongliang agreed, and I agree.')).toEqual(['Lu', 'Dongliang', 'I']);
    expect(vocabulary.agents('Tier I: the head of the department investigates.')).toEqual(['Tier']); // a numeral, not the speaker
    expect(vocabulary.agents('and the county head took the lead.')).toEqual([]); // no name, no speaker
  });

  it('finds the offices and bodies a text names: capitalised runs holding the head noun of one', () => {
    expect(officesIn('The team will be led by the Deputy Chief Secretary for Administration.')).toEqual([
      'Deputy Chief Secretary for Administration',
    ]);
    expect(officesIn('The Secretary for Commerce and Economic Development will steer the work.')).toEqual([
      'Secretary for Commerce and Economic Development',
    ]);
    expect(officesIn('we will engage the Mass Transit Railway Corporation Limited (MTRCL) to conduct it')).toEqual([
      'Mass Transit Railway Corporation Limited',
    ]);
    expect(officesIn("USDS gathered input from the United Kingdom's Government Digital Service.")).toEqual([
      "United Kingdom's Government Digital Service",
    ]);
    // A sentence's first word, a lower-case "the secretary" and capitalised words with no head noun name no office.
    expect(officesIn('Committees were formed. The secretary of the Northern Metropolis said so.')).toEqual([]);
  });

  it('reads a name a number opens as the reports index it, by its number', () => {
    const numbered = new QueryVocabulary(new Map([['builds', 1]]), (t) => ['18', 'build'].includes(t), THESAURUS);
    expect(numbered.namesNotInReports('what API approach does 18F use')).toEqual(['API']);
    expect(numbered.namesNotInReports('what does 19F build')).toEqual(['19F']);
  });

  it('finds names in a question that the reports never mention', () => {
    expect(vocabulary.namesNotInReports('How many firms registered in Youyu County?')).toEqual(['Youyu']);
    expect(vocabulary.namesNotInReports('Who is the mayor of New York?')).toEqual(['York']); // "New" is a word the dictionary knows
    expect(vocabulary.namesNotInReports('Did the Labor bureau get requests on a Sunday in Dec?')).toEqual([]); // report words, a day, a month
    expect(vocabulary.namesNotInReports('Youyu? Registration of 40 firms. Wall of text')).toEqual([]); // capitalised because sentences start there
    // An abbreviation that is an index term (the initials of a name the reports spell out: acronym-terms.ts) is known.
    const withInitials = new QueryVocabulary(words, (t) => terms.has(t) || t === 'lb', THESAURUS);
    expect(withInitials.namesNotInReports('What did the LB receive in Youyu?')).toEqual(['Youyu']);
    expect(vocabulary.namesNotInReports('What did the LB receive?')).toEqual(['LB']);
    // A word with a capital inside is one name ("eGMS"), not the capitals alone ("GMS", which no report writes).
    const withEgms = new QueryVocabulary(words, (t) => terms.has(t) || t === processTerm('egms'), THESAURUS);
    expect(withEgms.namesNotInReports("what's eGMS")).toEqual([]);
    expect(vocabulary.namesNotInReports("what's eGMS")).toEqual(['eGMS']);
  });

  it('reads a name typed in lower case as the name, when the dictionary knows it only with its capitals ("texas")', () => {
    expect(vocabulary.namesNotInReports('how many firms registered in york?')).toEqual(['york']);
    expect(vocabulary.namesNotInReports('How many firms registered in York?')).toEqual(['York']);
    // Common words, days and months are no names; nor is a name the reports use.
    expect(vocabulary.namesNotInReports('how many firms registered on sunday in march?')).toEqual([]);
    // "Sign ins" are sign-ins (WordNet's "sign_in"), not the INS.
    expect(vocabulary.namesNotInReports('what happened to sign ins after the change?')).toEqual([]);
    expect(vocabulary.namesNotInReports('what did the ins say about the change?')).toEqual(['ins']);
    // A name one edit from a report's word may as well be a typo for it ("cour" for "court").
    expect(vocabulary.namesNotInReports('how many cases did the cour accept?')).toEqual([]);
    // …but a name the reports write is that name, typed in lower case or not: "in york" names York as "in York" does.
    const withYork = new QueryVocabulary(wordCounts([`${REPORT} Firms in York grew.`]), () => true, THESAURUS);
    expect(withYork.namesInAnyCase('how many firms registered in york?')).toEqual(['york']);
    expect(withYork.namesInAnyCase('how many firms registered in York?')).toEqual(['York']);
    expect(withYork.namesInAnyCase('how many cases did the cour accept?')).toEqual([]);
  });

  it('reads no name into a function word, nor into the first word of a question opened by marks', () => {
    // Chat lead-ins and emphasis leave "How" capitalised mid-text: it names nothing the reports lack.
    expect(vocabulary.names('pls tell me How many firms registered?')).toEqual([]);
    expect(vocabulary.names('hey, WHAT IS IT?')).toEqual([]);
    expect(vocabulary.names('**Youyu firms?**')).toEqual([]);
    expect(vocabulary.names('“Youyu firms?”')).toEqual([]);
    expect(vocabulary.names('pls tell me How many firms registered in Youyu?')).toEqual(['Youyu']);
    // A name ends where Han characters begin: "Youyu在哪？" names Youyu.
    expect(vocabulary.names('Youyu在哪里有多少家企业？', true)).toEqual(['Youyu']);
  });

  it('counts edits with transpositions as one', () => {
    expect(editDistance('recieve', 'receive', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('Thesaurus', () => {
  it('finds a word under its inflections', () => {
    expect(baseForms('sacked')).toContain('sack');
    expect(baseForms('cities')).toContain('city');
    expect(baseForms('stopped')).toContain('stop');
    expect(baseForms('took')).toContain('take');
    // A short word too: "died" is "die" (a real word, not a typo of "did"); "bed" is no inflection.
    expect(baseForms('died')).toContain('die');
    expect(baseForms('bed')).toEqual(['bed']);
    expect(THESAURUS.knows('lawsuits')).toBe(true);
    expect(THESAURUS.knows('qwzx')).toBe(false);
    expect(THESAURUS.knows('copland')).toBe(true);
    expect([...THESAURUS.words()]).not.toContain('copland');
    expect(THESAURUS.derived('inspected')).toEqual(['inspection']);
  });

  it("marks from WordNet's own files the words that name persons first, and the adjectives", () => {
    const wordnet = loadThesaurus()!;
    expect(['lawyers', 'wagner', 'subscribers'].map((w) => wordnet.knowsAsPerson(w))).toEqual([true, true, true]);
    expect(['canada', 'agencies', 'service'].map((w) => wordnet.knowsAsPerson(w))).toEqual([false, false, false]);
    expect(['canadian', 'resident', 'wagner'].map((w) => wordnet.knowsAsAdjective(w))).toEqual([true, true, false]);
    expect(['texas', 'peru', 'kuala_lumpur', 'center'].map((w) => wordnet.knowsAsPlace(w))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['wagner', 'agency', 'irs'].map((w) => wordnet.knowsAsPlace(w))).toEqual([false, false, false]);
  });

  it("reads a verb's antonyms from WordNet's own files, not an adjective's nor a noun's", () => {
    const wordnet = loadThesaurus()!;
    expect(wordnet.antonyms('rejected')).toContain('accept');
    expect(wordnet.antonyms('end')).toContain('begin');
    expect(wordnet.antonyms('end')).not.toContain('middle'); // the noun's
    expect(wordnet.antonyms('local')).toEqual([]); // an adjective's
    // As index terms the reports hold.
    const accepted = wordCounts(['The court accepted 13 cases.']);
    const acceptedTerms = new Set([...accepted.keys()].map((w) => processTerm(w)));
    expect(new QueryVocabulary(accepted, (t) => acceptedTerms.has(t), wordnet).opposites('rejected')).toEqual([
      processTerm('accept'),
    ]);
  });

  it('finds the places a text names: names the dictionary knows first as places, two words as one', () => {
    const wordnet = new QueryVocabulary(words, () => true, loadThesaurus());
    expect(wordnet.placeNames('agreements with Saudi Arabia, Bangladesh, Egypt and Peru')).toEqual([
      'Saudi Arabia',
      'Bangladesh',
      'Egypt',
      'Peru',
    ]);
    expect(wordnet.placeNames('an office in Kuala Lumpur this year')).toEqual(['Kuala Lumpur']);
    // "Centers" is a common word, though its first sense is a place; the IRS is a body.
    expect(wordnet.placeNames('the Centers for Disease Control and the IRS')).toEqual([]);
    // A place's name inside a site's or a body's named with its abbreviation is no place; the place's own is.
    expect(wordnet.placeNames('the home page for Canada.ca')).toEqual([]);
    expect(wordnet.placeNames('with Public Services and Procurement Canada (PSPC)')).toEqual([]);
    expect(wordnet.placeNames('offices in Hong Kong (HK) and Canada')).toEqual(['Hong Kong', 'Canada']);
    // One name, in any case: "california" typed as "California" is.
    expect(wordnet.isPlace('california')).toBe(true);
    expect(wordnet.isPlace('centers')).toBe(false);
  });
});

describe('closed compounds', () => {
  it('a compound the dictionary does not list is found under its parts; a word made with an affix is not', () => {
    const text = 'The governmentwide average rose. Assets were infrastructure and discoverability tools.';
    const dictionary = Thesaurus.parse(
      sortKeyedLines([
        'government\t1:authorities',
        'wide\t1:broad',
        'infra\t',
        'structure\t1:construction',
        'discover\t1:find',
        'ability\t1:power',
        'average\t1:mean',
      ]).join('\n'),
    );
    const vocabulary = new QueryVocabulary(wordCounts([text]), () => true, dictionary);
    expect(vocabulary.compoundsOf(processTerm('government')!)).toEqual([processTerm('governmentwide')]);
    expect(vocabulary.compoundsOf(processTerm('wide')!)).toEqual([processTerm('governmentwide')]);
    expect(vocabulary.compoundsOf(processTerm('structure')!)).toEqual([]);
    expect(vocabulary.compoundsOf(processTerm('discover')!)).toEqual([]);
    expect(new QueryVocabulary(wordCounts([text]), () => true).compoundsOf(processTerm('government')!)).toEqual([]);
  });

  it('the compounds an index stores are read instead of found again', () => {
    const stored = new Map([['wide', ['statewid']]]);
    const vocabulary = new QueryVocabulary(
      wordCounts(['The governmentwide average rose.']),
      () => true,
      undefined,
      stored,
    );
    expect(vocabulary.compoundsOf('wide')).toEqual(['statewid']);
    expect(vocabulary.compoundsOf(processTerm('government')!)).toEqual([]);
  });
});

describe('names a question shares with the reports', () => {
  it('its names and capitalised abbreviations the index holds, not a place it only sets itself in', () => {
    const held = new Set(['nm', 'datong']);
    const vocabulary = new QueryVocabulary(wordCounts(['Datong and the NM plan.']), (t) => held.has(t), THESAURUS);
    expect(vocabulary.namesInReports('is the previous NM steering group being scrapped?')).toEqual(['NM']);
    expect(vocabulary.namesInReports('is Datong cool with the plan?')).toEqual(['Datong']);
    expect(vocabulary.namesInReports("What's the best pizza place in Datong?")).toEqual([]);
    expect(vocabulary.namesInReports('is the previous XY steering group being scrapped?')).toEqual([]);
  });

  it('also a word the reports use that no dictionary knows, typed in lower case ("ircc", "datong")', () => {
    const held = new Set(['ircc', 'datong', 'lawsuit']);
    const words = wordCounts(['IRCC replies in Datong. A lawsuit.']);
    const vocabulary = new QueryVocabulary(words, (t) => held.has(t), THESAURUS);
    expect(vocabulary.namesInReports('how many languages can ircc reply in?')).toEqual(['ircc']);
    expect(vocabulary.namesInReports('any lawsuit in datong?')).toEqual([]); // a dictionary word; a place it is set in
  });
});
