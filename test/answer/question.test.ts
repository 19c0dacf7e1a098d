import { describe, expect, it } from 'vitest';
import type { Concept } from '../../src/search/concept.js';
import { processTerm, tokenize } from '../../src/search/tokenize.js';
import { SYNONYM_CREDIT } from '../../src/search/vocabulary.js';
import {
  analyzeQuestion,
  askedKindOf,
  namesOnlyAnotherRank,
  namesOtherChiefsOnly,
  chiefOfficersIn,
  askedHeadOf,
  sizedHeadOf,
  figureKindOf,
  isForwardLooking,
  reasonAsked,
  modelReading,
  timeFrameOf,
  abbreviationAsked,
  paragraphAskedOf,
  LEADER,
} from '../../src/answer/question.js';
import { figuresOfKind, hasFigure, isNegated } from '../../src/answer/figures.js';

describe('timeFrameOf', () => {
  it('reads a question about plans or a time to come as future', () => {
    expect(timeFrameOf('What will happen with road safety in the coming year?')).toBe('future');
    expect(timeFrameOf('Are they intending to hire more mediators?')).toBe('future');
    expect(timeFrameOf("what's planned for the archives going forward")).toBe('future');
    expect(timeFrameOf('明年打算怎么做？')).toBe('future');
    expect(timeFrameOf('Will shops need a licence?')).toBe('future');
    expect(timeFrameOf('Is the town trying to attract investors?')).toBe('future');
    expect(timeFrameOf("when's the next IAAF happening?")).toBe('future'); // the next one is still to come
    expect(timeFrameOf('what happened over the next few years?')).not.toBe('future');
  });

  it('reads past auxiliaries as past, even with a plan word naming a document', () => {
    expect(timeFrameOf('Was the plan for flood control approved?')).toBe('past');
    expect(timeFrameOf('How many hearings did the county hold last year?')).toBe('past');
    expect(timeFrameOf('Did they plan for next year already?')).toBe('future'); // an explicit future time wins
  });

  it('says nothing when the question does not', () => {
    expect(timeFrameOf('Who chairs the legal affairs committee?')).toBeUndefined();
    expect(timeFrameOf('Is the county following the national plan?')).toBeUndefined();
    expect(timeFrameOf('Who will answer my complaint?')).toBeUndefined(); // "will" mid-question is not asked about the report's plans
    expect(timeFrameOf('What does the campaign aim to achieve?')).toBeUndefined();
  });
});

describe('isForwardLooking', () => {
  it('recognises sections about what is to come', () => {
    expect(isForwardLooking(['4、 Main arrangements for promoting the work in the next year'])).toBe(true);
    expect(isForwardLooking(['V. Next steps'])).toBe(true);
    expect(isForwardLooking(['Work plan for 2025'])).toBe(true);
    expect(isForwardLooking(['四、下一步工作安排'])).toBe(true);
    expect(isForwardLooking(['Upcoming GSA Efforts to Support Section 508 Compliance', 'Guidance'])).toBe(true);
    expect(isForwardLooking(['Recent GSA Efforts to Support Section 508 Compliance'])).toBe(false);
  });

  it('not a section that names a plan document', () => {
    expect(
      isForwardLooking(['1、 Achievements', 'First, we implemented the Eighth Five Year Plan for Law Popularization']),
    ).toBe(false);
    expect(isForwardLooking(['2、 Deficiencies and causes'])).toBe(false);
  });
});

describe('what kind of answer a question wants', () => {
  const kind = (q: string): string[] => {
    const a = analyzeQuestion(q);
    return [a.wantsFigure && 'figure', a.wantsDate && 'date', a.wantsName && 'name'].filter(
      (k): k is string => typeof k === 'string',
    );
  };

  it('reads figures, dates and names asked for', () => {
    expect(kind('How many cases were accepted?')).toEqual(['figure']);
    expect(kind('What was the total legal aid budget, in yuan?')).toEqual(['figure']);
    expect(kind('How big is the county?')).toEqual(['figure']);
    expect(kind('count of lawyers in zuoyun?')).toEqual(['figure']);
    expect(kind('how fast can the service send emails now?')).toEqual(['figure']); // a rate
    // "How long" asks for a length of time; "how long ago" for a date.
    expect(analyzeQuestion('How long is the wait for public housing now?').duration).toBe(true);
    expect(analyzeQuestion('公屋要轮候多久？').duration).toBe(true);
    expect(analyzeQuestion('How long ago was the office set up?').duration).toBe(false);
    // "How quickly was it done" asks for a length of time; "how fast can it go", a rate.
    expect(analyzeQuestion('how quickly did the team fix the site?').duration).toBe(true);
    expect(analyzeQuestion('how fast can the service send emails now?').duration).toBe(false);
    // "Why" asks for a cause, "what is X for" for a purpose.
    expect(reasonAsked('why was get transcript taken offline?')).toBe('cause');
    expect(reasonAsked('政府为什么要这样做？')).toBe('cause');
    expect(reasonAsked("what's eFolder Express for")).toBe('purpose');
    expect(reasonAsked('what is the estimator used for?')).toBe('purpose');
    expect(reasonAsked('what did they ask for in the survey, and when')).toBeUndefined();
    // "What was the point of X?" asks its purpose; "point" frames it (no report says it), unlike a point of contact.
    expect(reasonAsked('what was the point of the digital foundations theme')).toBe('purpose');
    expect(analyzeQuestion('what was the point of the digital foundations theme').terms).toEqual(
      tokenize('digital foundations theme'),
    );
    expect(reasonAsked('who is the point of contact for the theme?')).toBeUndefined();
    expect(reasonAsked('how many forms were there')).toBeUndefined();
    // "How old" asks for an age, a length of time too.
    expect(analyzeQuestion("how old is the agency's case system?").duration).toBe(true);
    expect(analyzeQuestion('How many flats are there?').duration).toBe(false);
    expect(kind('When was the report published?')).toEqual(['date']);
    expect(kind("What's the name of the county head?")).toEqual(['name']);
    expect(kind('Who chairs the committee?')).toEqual(['name']);
    expect(kind('司法局局长是谁？')).toEqual(['name']);
  });

  it('reads a noun naming a quantity as asking for a figure', () => {
    expect(kind('What is the population of the county?')).toEqual(['figure']);
    expect(kind("What's the unemployment rate?")).toEqual(['figure']);
    expect(kind('what percent of veterans use the app')).toEqual(['figure']);
    expect(kind('What fraction of sites were tested?')).toEqual(['figure']);
  });

  it('reads "when" as asking for a date only as a question word', () => {
    expect(kind('When did the county publish the report?')).toEqual(['date']);
    expect(kind('The report came out when?')).toEqual(['date']);
    expect(kind('When people sued the county, did the officials appear in court?')).toEqual([]);
    expect(kind('Do officers carry their certificates when on duty?')).toEqual([]);
  });

  it('reads when something came to be: a passive "was started", "set up", how long it has been around', () => {
    const origin = (q: string): boolean | undefined => analyzeQuestion(q).asksOrigin;
    expect(origin('when was usds started')).toBe(true);
    expect(origin('When were they set up?')).toBe(true);
    expect(origin('how long has cds been around?')).toBe(true);
    expect(origin('when did notify first launch')).toBe(true);
    // "Been around" is no topic: the verbs of origin stand for it.
    expect(analyzeQuestion('how long has cds been around?').terms).toEqual(['cd']);
    expect(analyzeQuestion('how long has cds been around?').concepts.flatMap((c) => c.senses.flat(2))).toContain(
      'found',
    );
    expect(origin('When did the OMB Collect tool finally launch?')).toBe(false); // a launch, not a founding
    expect(origin('When was the report published?')).toBe(false);
  });

  it('leaves an open question open', () => {
    expect(kind('What has the county done to make it easier to get into the market?')).toEqual([]);
    expect(kind('Did they hold public hearings?')).toEqual([]);
  });
});

describe('time said in words', () => {
  it('reads the baseline of a comparison as neither a topic nor the year asked about', () => {
    for (const q of [
      'How many cases were there compared with 2022?',
      'Were there more cases than in 2022?',
      'Was the caseload up or down on 2022?',
    ]) {
      const a = analyzeQuestion(q);
      expect(a.years).toEqual([]);
      expect(a.terms).not.toContain('compar');
    }
    expect(analyzeQuestion('How many cases in 2023 compared to the previous year?').years).toEqual(['2023']);
    // Not a baseline: a year the question asks about.
    expect(analyzeQuestion('How many cases were there in 2022?').years).toEqual(['2022']);
  });

  it('reads a part of the year as the months a report would name', () => {
    const a = analyzeQuestion('Was the report heard at the start of the year?');
    expect(a.concepts.map((c) => c.senses.flat(2))).toContainEqual(['januari', 'februari']);
    expect(a.terms).not.toContain('start');
    expect(
      analyzeQuestion('What was done by the end of the year?').concepts.map((c) => c.senses.flat(2)),
    ).toContainEqual(['novemb', 'decemb']);
  });
});

describe('time said relative to now', () => {
  it('the year said relative to the reader: this 0, last −1, next 1; none for a baseline or for two', () => {
    expect(analyzeQuestion('what growth is expected this year?').yearSaid).toBe(0);
    expect(analyzeQuestion('公证处去年办了多少件公证？').yearSaid).toBe(-1);
    expect(analyzeQuestion('What are the plans for next year?').yearSaid).toBe(1);
    expect(analyzeQuestion('were there more cases than last year?').yearSaid).toBeUndefined();
    expect(analyzeQuestion("can I compare this year's figures with last year's?").yearSaid).toBeUndefined();
  });

  it('is not a topic word ("right now" is not "right", "last year" not "year")', () => {
    expect(analyzeQuestion('How big is the team right now?').terms).toEqual(['team']);
    // "The current CEO" is the CEO now: "current" is no topic ("currently underway", "a current knowledge base").
    expect(analyzeQuestion("who's the current ceo").terms).toEqual(['ceo']);
    expect(analyzeQuestion('How many exceptions are currently approved?').terms).toEqual(['except', 'approv']);
    expect(analyzeQuestion('How many cases at the moment, and last year?').terms).toEqual(['case']);
    // "Over the years", "to date": the time up to now, not a topic ("year" had matched "FY 2023").
    expect(analyzeQuestion('how many agencies has usds worked with over the years').terms).toEqual([
      'agenc',
      'usd',
      'work',
    ]);
    expect(analyzeQuestion('how many kits were sent to date?').terms).toEqual(['kit', 'send']);
    // "How long ago" asks for a date, not a length of time, nor is it a topic.
    const ago = analyzeQuestion('how long ago did ssa start working with usds');
    expect(ago.terms).toEqual(['ssa', 'start', 'work', 'usd']);
    expect(ago.wantsDate).toBe(true);
  });

  it('the date a date question asks for is no topic ("on what date …" is not about a "launch date")', () => {
    const q = analyzeQuestion('on what date did the irs say direct file is staying');
    expect(q.wantsDate).toBe(true);
    expect(q.terms).not.toContain('date');
  });

  it('the edge of a named period is no topic: "by the end of September" asks of September, not of an "end"', () => {
    expect(analyzeQuestion('how many refugees were approved by the end of september?').terms).toEqual([
      'refuge',
      'approv',
      'septemb',
    ]);
    expect(analyzeQuestion('how many staff at the start of 2016?').terms).toEqual(['staff', '2016']);
    expect(analyzeQuestion('what happened at the close of FY 2024?').terms).not.toContain('close');
    // An edge of anything else is a topic: "the end of the pilot".
    expect(analyzeQuestion('what happened at the end of the pilot?').terms).toContain('end');
  });
});

describe('phrasal verbs', () => {
  it('say in their synonyms what they mean, credited in full; the verb alone only as a synonym', () => {
    const synonymsOf = (word: string): string[][][] =>
      word === 'hand_out' ? [[['distribut']]] : word === 'hand' ? [[['give']]] : [];
    const [hand] = analyzeQuestion('where did they hand out leaflets?', [], synonymsOf).concepts;
    expect(hand?.senses).toEqual([[['hand']], [['distribut']], [['give']]]);
    // (The verb itself too: "USDS found that …" is not "found out"; a verb with no phrasal reading keeps full credit.)
    expect(hand?.credits).toEqual([SYNONYM_CREDIT, 1, SYNONYM_CREDIT]);
    expect(analyzeQuestion('where did they hand leaflets?', [], synonymsOf).concepts[0]?.credits).toEqual([
      1,
      SYNONYM_CREDIT,
    ]);
  });
});

describe('light verbs with their nouns', () => {
  it('are one idiom, read by what it means when the dictionary knows it: not a taking nor a part', () => {
    const synonymsOf = (word: string): string[][][] =>
      word === 'took_part' ? [[['particip']]] : word === 'took' ? [[['issu']]] : [];
    const concepts = analyzeQuestion('how many hackers took part', [], synonymsOf).concepts;
    expect(concepts.map((c) => c.senses)).toEqual([[[['hacker']]], [[['take'], ['part']], [['particip']]]]);
    // A light verb the dictionary knows no idiom of keeps its own readings, and the noun its own concept.
    const apart = analyzeQuestion('how many hackers took a part', [], synonymsOf).concepts;
    expect(apart.map((c) => c.senses[0])).toEqual([[['hacker']], [['take']], [['part']]]);
  });

  it('a verb that only frames a question elsewhere ("how did it go?") is kept in an idiom the dictionary reads: "go live"', () => {
    const synonymsOf = (word: string): string[][][] =>
      word === 'go_live' || word === 'went_live' ? [[['launch']]] : [];
    const live = (q: string): string[][][][] => analyzeQuestion(q, [], synonymsOf).concepts.map((c) => c.senses);
    expect(live('when did the site go live?')).toEqual([[[['site']]], [[['go'], ['live']], [['launch']]]]);
    expect(live('when did the site go down?')).toEqual([[[['site']]]]);
    expect(live('how did it go?')).toEqual([]);
  });
});

describe('ordinals', () => {
  it('count a place in an order: no synonyms ("when did they first …" is not "number one", "basic")', () => {
    const synonymsOf = (word: string): string[][][] => (word === 'first' ? [[['basic']], [['number']]] : []);
    const first = analyzeQuestion('When did SSA first bring USDS in?', [], synonymsOf).concepts.find(
      (c) => c.senses[0]![0]![0] === 'first',
    );
    expect(first?.senses).toEqual([[['first']]]);
  });
});

describe('small numbers written in figures', () => {
  const forms = (q: string): string[][] => analyzeQuestion(q).concepts.map((c) => c.senses[0]![0]!);

  it('match the word a report writes instead: a count as a count, an ordinal as an ordinal', () => {
    expect(forms('Which 2 major decisions were made public?')).toContainEqual(['2', 'two']);
    expect(forms('Is Zuoyun following the 8th five-year plan?')).toContainEqual(['8', 'eighth']);
    // The ending of "8th" is not a word of the question.
    expect(analyzeQuestion('Is Zuoyun following the 8th five-year plan?').terms).not.toContain('th');
  });

  it('stay figures past twelve, for "1", inside a decimal or a code, and as words', () => {
    expect(forms('What happened to the 14 cases?')).toContainEqual(['14']);
    expect(forms('Was 1 case heard?')).toContainEqual(['1']);
    expect(forms('What was the PM2.5 level?').flat()).not.toContain('two');
    expect(forms('What was the 2.5 level?').flat()).not.toContain('two');
    expect(forms('Is the five-year plan done?')).not.toContainEqual(['five', '5']);
  });
});

describe('words that only frame what is asked', () => {
  it('"supposed to", "meant to" and the "play" of "play a role" are not looked up', () => {
    expect(analyzeQuestion('what role are CIOs supposed to play?').terms).toEqual(['role', 'cio']);
    expect(analyzeQuestion('What are schools meant to do about patriotic education?').terms).not.toContain('meant');
    expect(analyzeQuestion('What part does the IOMed play in mediation?').terms).not.toContain('plai');
  });

  it('the same words are looked up where they say something', () => {
    expect(analyzeQuestion('What was the playbook supposed by the agencies?').terms).toContain('suppos');
    expect(analyzeQuestion('Which plays did the playbook add?').terms).toContain('plai');
  });

  it('"knew" is what the question asks about; "know" in the present frames it', () => {
    expect(analyzeQuestion('what share of clients knew what to do next').terms).toContain('know');
    expect(analyzeQuestion('do you know how many clients came?').terms).not.toContain('know');
    expect(analyzeQuestion('I want to know who leads the team').terms).not.toContain('know');
  });
});

describe('the people a "how many people" question counts', () => {
  it('are also the nouns of who does or undergoes its verb: employees, users, visitors', () => {
    const readings = (q: string, word: string): string[] =>
      analyzeQuestion(q)
        .concepts.filter((c) => c.senses[0]![0]!.includes(tokenize(word)[0]!))
        .flatMap((c) => c.senses.flat(2));
    expect(readings('how many people does CDS employ?', 'employ')).toContain(tokenize('employees')[0]);
    expect(readings('how many people use VA.gov?', 'use')).toContain(tokenize('users')[0]);
    expect(readings('how many agencies use VA.gov?', 'use')).not.toContain(tokenize('users')[0]);
  });
});

describe('what a Chinese question counts', () => {
  const gloss = (source: string, english: string, verb = false): Concept => ({
    senses: [[tokenize(english)], [[source]]],
    glosses: [english, ''],
    weight: 1,
    translated: true,
    source,
    verb,
  });

  it('is the glossed noun phrase after 多少 and its measure word, up to a verb', () => {
    const agencies = analyzeQuestion('有多少个机构配备了全职的经理？', [
      gloss('机构', 'agency'),
      gloss('配备', 'allocate', true),
      gloss('经理', 'manager'),
    ]);
    expect(agencies.counted).toEqual(tokenize('agency'));
    const projects = analyzeQuestion('现在有多少个氢能试验项目？', [
      gloss('现在', 'now'),
      gloss('氢能', 'hydrogen'),
      gloss('试验', 'trial'),
      gloss('项目', 'project'),
    ]);
    expect(projects.counted).toEqual(tokenize('hydrogen trial project'));
    expect(analyzeQuestion('什么时候开始？', [gloss('开始', 'begin', true)]).counted).toEqual([]);
  });

  it('has its head last, as a Chinese noun phrase does', () => {
    const projects = analyzeQuestion('现在有多少个氢能试验项目？', [
      gloss('现在', 'now'),
      gloss('氢能', 'hydrogen'),
      gloss('试验', 'trial'),
      gloss('项目', 'project'),
    ]);
    expect(projects.countedHead).toBe(tokenize('project')[0]);
    expect(analyzeQuestion('一共有多少名参与者？', [gloss('参与者', 'participant')]).countedHead).toBe(
      tokenize('participant')[0],
    );
  });
});

describe('the doing a "who" question asks the doer of', () => {
  it('is its first word after "who" and its auxiliaries, or after "which company"', () => {
    expect(analyzeQuestion('who designed the gc forms logo').doing).toBe(tokenize('designed')[0]);
    expect(analyzeQuestion("who's heading up the new AI efficiency team?").doing).toBe(tokenize('heading')[0]);
    expect(analyzeQuestion("who's going to chair the new committee?").doing).toBe(tokenize('chair')[0]);
    expect(analyzeQuestion('who is the CEO?').doing).toBeUndefined();
    // With "did" / "does", "who" is the object: the doing is the verb after the subject.
    expect(analyzeQuestion('who did usds partner with').doing).toBe(tokenize('partner')[0]);
    expect(analyzeQuestion('who did the agency thank in its message?').doing).toBe(tokenize('thank')[0]);
    // A body asked for by its kind, then the doing.
    expect(analyzeQuestion('which company made the recalled infant formula').doing).toBe(tokenize('made')[0]);
    expect(analyzeQuestion('which agency is responsible for it?').doing).toBeUndefined();
    // "Work on" says only that a part was taken, however the passage words it ("in collaboration with").
    expect(analyzeQuestion('which agencies worked on the Benefits.gov discovery').doing).toBeUndefined();
    // A vendor, a contractor, a partner is asked for by name as a company is.
    const vendor = analyzeQuestion('which vendor makes the testing tool agencies use most?');
    expect(vendor.wantsName).toBe(true);
    expect(vendor.doing).toBe(tokenize('makes')[0]);
    expect(analyzeQuestion('which contractor built vaccines.gov').doing).toBe(tokenize('built')[0]);
    // Who does it, by the agent suffixes: "directs" → director.
    expect(analyzeQuestion('who directs web strategy at ssa').doers).toContain(tokenize('director')[0]);
    // After an auxiliary, a participle is the doing.
    expect(analyzeQuestion('which official is steering the task force?').doing).toBe(tokenize('steering')[0]);
    expect(analyzeQuestion('which agency has launched the portal?').doing).toBe(tokenize('launched')[0]);
    // "Get" says only that something came to them: the thing got is what is asked about.
    expect(analyzeQuestion('which departments got new digital leaders this quarter').doing).toBeUndefined();
    expect(analyzeQuestion("who's getting the contract?").doing).toBeUndefined();
    // A negated auxiliary is an auxiliary ("doesn't", "didn't"): the doing is the verb after it.
    expect(analyzeQuestion("which department doesn't have its own digital strategy").doing).toBeUndefined();
    expect(analyzeQuestion("who didn't sign the contract?").doing).toBe(tokenize('sign')[0]);
    // A verb taking another as its complement: the doing is the complement's.
    expect(analyzeQuestion('who helped write the public participation playbook').doing).toBe(tokenize('write')[0]);
    expect(analyzeQuestion('who tried to fix the site?').doing).toBe(tokenize('fix')[0]);
    expect(analyzeQuestion('who started building move.mil').doing).toBe(tokenize('building')[0]);
    expect(analyzeQuestion('who helped veterans apply').doing).toBe(tokenize('help')[0]); // "veterans" is no verb
    expect(analyzeQuestion('who began the project').doing).toBe(tokenize('began')[0]);
  });
});

describe('the doing of the people a "how many people" question counts', () => {
  it('is its verb, not a light verb that says little by itself', () => {
    expect(analyzeQuestion('how many people applied for jobs at cds').doing).toBe(tokenize('applied')[0]);
    expect(analyzeQuestion('How many people have downloaded the app?').doing).toBe(tokenize('downloaded')[0]);
    expect(analyzeQuestion('how many people get the tips?').doing).toBeUndefined();
    expect(analyzeQuestion('how many people are there in the team?').doing).toBeUndefined();
    expect(analyzeQuestion('how many people work at usds right now').doing).toBeUndefined();
  });
});

describe('a question about an origin', () => {
  it('reads its verb of coming to be as the others: "founded", "established", "created"', () => {
    const terms = (q: ReturnType<typeof analyzeQuestion>): string[] => q.concepts.flatMap((c) => c.senses.flat(2));
    expect(terms(analyzeQuestion('when was usds started?'))).toEqual(
      expect.arrayContaining(tokenize('founded established created')),
    );
    // 成立 glossed "establish" is answered by "Formed in 2017, CDS was created …" too.
    const establish = {
      senses: [[['establish']], [['set']]],
      glosses: ['establish', 'set'],
      weight: 1,
      translated: true,
    };
    expect(terms(analyzeQuestion('加拿大数字服务局是哪一年成立的？', [establish]))).toContain(tokenize('created')[0]);
    // Only a question about an origin.
    expect(terms(analyzeQuestion('what did they create?'))).not.toContain(tokenize('founded')[0]);
  });
});

describe('whose it is asked', () => {
  it('is the owner in the possessive, not a time nor a question word', () => {
    expect(analyzeQuestion("what is the ceo's salary?").owner).toBe('ceo');
    expect(analyzeQuestion("what's the ceo's salary").owner).toBe('ceo');
    expect(analyzeQuestion("what's the average age of the agency's employees?").owner).toBeUndefined();
    expect(analyzeQuestion("What was Hong Kong's GDP growth in 2024?").owner).toBe('kong');
    expect(analyzeQuestion("What did last year's assessment recommend?").owner).toBeUndefined();
    expect(analyzeQuestion("what's the budget?").owner).toBeUndefined();
  });
});

describe('a percentage, however it is written', () => {
  it('reads "82 percent", "82 per cent" and "82%" as one concept matching any of them', () => {
    const senses = (q: string) => analyzeQuestion(q).concepts.map((c) => c.senses);
    const either = [[['82%']], [['82'], ['percent', 'cent']]];
    expect(senses('why did they pick 82 percent')).toContainEqual(either);
    expect(senses('why did they pick 82 per cent')).toContainEqual(either);
    expect(senses('why did they pick 82%')).toContainEqual(either);
    expect(senses('why did they pick 82 percent')).not.toContainEqual([[['percent']]]);
    expect(senses('why did they pick 82 services')).toContainEqual([[['82']]]);
  });
});

describe('the kind of figure asked for', () => {
  it('tells counts, shares and amounts of money apart', () => {
    expect(figureKindOf('how many good air days did they have last year')).toBe('count');
    expect(figureKindOf('count of lawyers in zuoyun?')).toBe('count'); // as "the number of"
    expect(figureKindOf('what share of agencies have no clue how many software apps they have?')).toBe('share');
    // (A share's word modifying the noun counted asks for no share.)
    expect(figureKindOf('how many rate tables did OAS have')).toBe('count');
    // A plural counted after "how many" says the figure is a count, whatever money the question names after it.
    expect(figureKindOf('how many agencies got help building digital capacity in the 2025 budget')).toBe('count');
    expect(figureKindOf('how many dollars were in the 2025 budget')).toBe('amount');
    // (…however many words stand before it: "how many new phase one projects did they fund".)
    expect(figureKindOf('how many new phase one projects did they fund this year')).toBe('count');
    // A measure word after 多少 says what is counted, whatever money the verb speaks of (投入 "invest"); 多少元 is a sum.
    expect(figureKindOf('10x投入了多少小时？')).toBe('count');
    expect(figureKindOf('投入了多少资金？')).toBe('amount');
    expect(analyzeQuestion('savings from the ssa website revamp?').wantsFigure).toBe(true); // a noun naming a quantity
    // "What %" asks for a share; "50%" in a question is a figure it names.
    expect(analyzeQuestion('what % of cds staff came from outside government').wantsFigure).toBe(true);
    expect(figureKindOf('what % of cds staff came from outside government')).toBe('share');
    expect(analyzeQuestion('did agencies test 50% of their pages?').wantsFigure).toBe(false);
    expect(figureKindOf('what did the county spend on legal aid last year?')).toBe('amount');
    expect(figureKindOf('what is the fee for filing a foia request')).toBe('amount'); // a fee is a sum paid
    expect(figureKindOf('how long did the team spend building the site?')).toBeUndefined(); // a length of time
    // A saving whose measure is not named is a sum of money; "how much time" and "how much productivity" name theirs.
    expect(figureKindOf('how much could the government save a year by going digital?')).toBe('amount');
    expect(figureKindOf('how much has HMRC saved on stationery')).toBe('amount');
    expect(figureKindOf('how much time did the digital stamp save in bangkok')).toBeUndefined();
    expect(figureKindOf('how much productivity does efolder save VA each year')).toBeUndefined();
    // "How many times cheaper …" asks a factor ("almost 20 times lower"), no count of times; "how many times did they
    // meet?" counts.
    const factor = analyzeQuestion('how many times cheaper is an online transaction than a phone call');
    expect([factor.figureKind, factor.countedHead, factor.counted]).toEqual([undefined, undefined, []]);
    expect(figureKindOf('how much faster is the new service?')).toBeUndefined();
    expect(figureKindOf('how many times did they meet')).toBe('count');
    expect(figureKindOf('how much more did they spend on travel?')).toBe('amount');
    // What a sum of money is for: the words after its verb, past "to" and its verb and the determiners.
    expect(analyzeQuestion('how much does DoD spend on travel a year?').spentOn).toEqual(['travel']);
    expect(analyzeQuestion('what does it cost to run all these transactional services').spentOn).toEqual([
      'transact',
      'servic',
    ]);
    expect(analyzeQuestion('how much did they spend?').spentOn).toBeUndefined();
    // "What figure did they come up with?" asks for a number; "what figure shows …", for a chart.
    expect(analyzeQuestion('what figure did the top-down method come up with?').wantsFigure).toBe(true);
    expect(analyzeQuestion('what figure shows the trend?').wantsFigure).toBe(false);
    expect(figureKindOf('县里花了多少钱？')).toBe('amount');
    // Money's nouns (资助 "funding", 补贴 "subsidy"…) make 多少 a sum, not a count (a sum of money counts nothing).
    expect(figureKindOf('香港赛马会为一带一路绿色发展培训中心提供多少资助？')).toBe('amount');
    expect(figureKindOf('给了多少补贴？')).toBe('amount');
    expect(figureKindOf('员工的平均工资是多少？')).toBe('amount'); // wages, as "what is the average salary"
    // A saving whose measure is not named is a sum of money, as "how much could they save?" is.
    expect(figureKindOf('关闭这个网站预计每年能节省多少？')).toBe('amount');
    expect(figureKindOf('能省多少？')).toBe('amount');
    // 多少个 counts what follows it, whatever money 资助 "fund" speaks of.
    expect(figureKindOf('今年资助了多少个新项目？')).toBe('count');
    // 多少 counts, also with its classifier left out; after a verb of change or before a unit it asks "how much", as
    // "by how much" does.
    expect(figureKindOf('2023年新登记的市场主体有多少户？')).toBe('count');
    expect(figureKindOf('解决了多少？')).toBe('count');
    expect(figureKindOf('恒生指数今年以来升了多少？')).toBeUndefined();
    expect(figureKindOf('新田科技城占地多少公顷？')).toBeUndefined();
    // 是多少 closing a clause asks the value of the noun before it ("what is the trust score"), as English asks it.
    expect(figureKindOf('VA在2023年的信任分数是多少？')).toBe(figureKindOf("what was VA's trust score in 2023?"));
    expect(figureKindOf('USDS在2023财年有多少个项目？')).toBe('count');
    expect(figureKindOf('补贴标准是多少钱？')).toBe('amount');
    expect(figureKindOf('By how much did the number of firms grow?')).toBeUndefined();
    expect(figureKindOf('在上线前请残障人士做可用性测试的机构占多少？')).toBe('share'); // "accounts for how much"
    expect(figureKindOf('where does hk rank as a shipping hub globally?')).toBe('rank');
    expect(figureKindOf('香港国际机场已经第几次成为全球最繁忙的货运机场？')).toBe('rank');
    expect(analyzeQuestion('govt efficiency ranking in that IMD yearbook?').wantsFigure).toBe(true);
    expect(figureKindOf('hardware testing, how often is it standardised?')).toBeUndefined(); // a count or a share
  });

  it('a share is no count, and an amount names its currency', () => {
    expect(
      hasFigure('The proportion of excellent days of air quality is 82.5%, down 8.5 percentage points.', 'count'),
    ).toBe(false);
    expect(hasFigure('There are 273 excellent days above the second level.', 'count')).toBe(true);
    // A measure made a modifier counts nothing ("a 6-digit short code").
    expect(hasFigure('Obtained a 6-digit short code for text messages.', 'count')).toBe(false);
    expect(hasFigure('Sent 6 text messages with a 6-digit code.', 'count')).toBe(true);
    expect(hasFigure('The centre accepted 60 cases of legal aid.', 'amount')).toBe(false);
    expect(hasFigure('A subsidy of 950 yuan per case.', 'amount')).toBe(true);
    expect(hasFigure('We earmarked $1 billion for research.', 'amount')).toBe(true);
    expect(hasFigure('27 agencies did not know.', 'share')).toBe(true); // counts may answer a share
    expect(hasFigure('Hong Kong is ranked fourth among the world’s shipping centres.', 'rank')).toBe(true);
    expect(hasFigure('ranked the busiest cargo airport for the 14th time', 'rank')).toBe(true);
    expect(hasFigure('We handled 19.7 million TEUs.', 'rank')).toBe(false); // a count is no place in an order
  });

  it('a number that names (Section 508, Figure 4, Article 12) is no figure; the count beside it still is', () => {
    expect(hasFigure('Several agencies appointed full-time Section 508 PMs.', 'count')).toBe(false);
    expect(hasFigure('As Figure 4 and Table 2 show, results varied.', undefined)).toBe(false);
    expect(hasFigure('Under Article 12 and Chapter 3, it applies.', 'count')).toBe(false);
    expect(hasFigure('17 agencies have a full-time Section 508 PM.', 'count')).toBe(true);
    expect(hasFigure('the section had 508 pages', 'count')).toBe(true); // lower case: a count, not a designator
  });

  it('an agent noun Porter reads as its verb is what is counted', () => {
    expect(analyzeQuestion('How many law enforcement officers hold certificates?').countedAgent).toBe('officer');
    expect(analyzeQuestion('How many offices were opened?').countedAgent).toBeUndefined();
  });

  it('a number inside quotation marks names something ("three systems", the "7 × 24" hall); the count beside it is one', () => {
    expect(hasFigure('Strictly implement the "three systems" of administrative law enforcement.', 'count')).toBe(false);
    expect(hasFigure('The “7 × 24” smart government self-service hall was opened.', 'count')).toBe(false);
    expect(hasFigure('The "7 × 24" hall handled 1,200 matters.', 'count')).toBe(true);
  });

  it('a query typed as keywords asks for what its last noun names: a date, a length of time, a figure', () => {
    expect(analyzeQuestion('direct file permanent announcement date').wantsDate).toBe(true);
    expect(analyzeQuestion('legco election date?').wantsDate).toBe(true);
    expect(analyzeQuestion('SSA engagement start year').wantsDate).toBe(true);
    const build = analyzeQuestion('covid testing software build time');
    expect([build.wantsFigure, build.duration]).toEqual([true, true]);
    expect(analyzeQuestion('VA app downloads total').wantsFigure).toBe(true);
    // A time said is not asked, nor is one a question word asks about otherwise.
    expect(analyzeQuestion('visitors in the last year').wantsDate).toBe(false);
    expect(analyzeQuestion('what changed this year').wantsDate).toBe(false);
    expect(analyzeQuestion('how long is the build time?').wantsDate).toBe(false);
  });

  it('"what the overall … number" asks for a figure ("whats" respelled "what")', () => {
    const q = analyzeQuestion('what the overall 508 conformance number across government this year');
    expect(q.wantsFigure).toBe(true);
    expect(q.terms).not.toContain('number');
  });

  it('knows a question about the document itself', () => {
    expect(analyzeQuestion('who signed off on this report?').aboutDocument).toBe(true);
    expect(analyzeQuestion('when was it published?').aboutDocument).toBe(true);
    expect(analyzeQuestion("what's the weather in Paris").aboutDocument).toBe(false);
    expect(analyzeQuestion('how many lawsuits were there?').aboutDocument).toBe(false);
  });
});

describe('polarity', () => {
  it('knows a question or sentence about what is not done or not there', () => {
    expect(isNegated('how many agencies have no system for logging complaints?')).toBe(true);
    expect(isNegated("which agencies didn't test their software?")).toBe(true);
    expect(isNegated('How many components run their own 508 programme?')).toBe(false);
    expect(analyzeQuestion('were any complaints not resolved?').negated).toBe(true);
    expect(isNegated('Forty-three agencies failed to respond to the FY 2025 assessment.')).toBe(true);
    expect(isNegated('Agencies were unable to test hardware.')).toBe(true);
    expect(isNegated('The failure rate fell.')).toBe(false);
    expect(isNegated('Document No.: ZZF [2024] No. 2')).toBe(false); // "No." is a number
  });
});

describe('proportions', () => {
  it('a yes-or-no question about most, the majority, half or few of a group asks for a proportion', () => {
    const asks = (q: string): boolean | undefined => analyzeQuestion(q).proportion;
    expect(asks('Is 508 training mandatory in most agencies?')).toBe(true);
    expect(asks('do most agencies even have a formal accessibility policy?')).toBe(true);
    expect(asks('Did half of the villages get a legal adviser?')).toBe(true);
    expect(asks('Which agencies have the most complaints?')).toBe(false); // no yes-or-no question
    expect(asks('Is the policy the most important one?')).toBe(false); // no group
  });
});

describe('where a body is', () => {
  it('"where is X located / based / X\'s office" asks for a place, a "where" clause does not', () => {
    const place = (q: string): boolean | undefined => analyzeQuestion(q).wantsPlace;
    expect(place('where is the cds office?')).toBe(true);
    expect(place('ok, where are they based?')).toBe(true);
    expect(place("explain the land premium change where you only pay based on what's actually built")).toBe(false);
    expect(place('where can I find the office hours?')).toBe(false);
  });
});

describe('superlatives', () => {
  it('a question asking for an extreme, not "most" as "the majority", "top" as "senior", nor a quoted name', () => {
    const asks = (q: string): boolean | undefined => analyzeQuestion(q).superlative;
    expect(asks('Which part of 508 work are agencies worst at?')).toBe(true);
    expect(asks('what are the most common accessibility bugs?')).toBe(true);
    expect(asks('which university has the best engineering school?')).toBe(true);
    expect(asks('哪一类信息通信技术的合规率最低？')).toBe(true);
    // "most" after the verb, before a preposition or the end, is the adverb's superlative; before a noun, "the majority".
    expect(asks('what did people complain about most in the centre feedback')).toBe(true);
    expect(asks('which service do people use most?')).toBe(true);
    expect(asks('do most centres send feedback?')).toBe(false);
    expect(asks('Is 508 training mandatory in most agencies?')).toBe(false);
    expect(asks("Did the county's top leaders report on their duties?")).toBe(false);
    expect(asks('What is the latest interest rate?')).toBe(false);
    expect(asks('what was the spread of scores, lowest to highest?')).toBe(false);
    expect(asks('机构提交数据的截止日期最后延到了哪天？')).toBe(false); // 最后: "finally"
    expect(asks('目前批准的“最佳满足”例外一共有多少个？')).toBe(false);
    expect(asks('How many Best Meets exceptions are approved?')).toBe(false);
  });
});

describe('what a question asks for: names and dates', () => {
  it('"which agency" asks for a name, "when\'s" for a date', () => {
    expect(analyzeQuestion('Which agency got the top conformance score?').wantsName).toBe(true);
    expect(analyzeQuestion("When's the FY 2026 assessment going to be published?").wantsDate).toBe(true);
    expect(analyzeQuestion('what dates does the fiscal year cover').wantsDate).toBe(true);
    expect(analyzeQuestion('whats the deadline for data governance bodies to write down their goals').wantsDate).toBe(
      true,
    );
    expect(analyzeQuestion('数据治理机构的截止日期是什么？').wantsDate).toBe(true);
    expect(analyzeQuestion('remediation deadlines - do agencies set them, and do they meet them?').wantsDate).toBe(
      false,
    );
    expect(analyzeQuestion('Which parts of the plan were finished?').wantsName).toBe(false);
  });

  it('"when\'s X happening" is about X: the verb only says that it occurs', () => {
    const q = analyzeQuestion("when's the next IAAF happening?");
    expect(q.wantsDate).toBe(true);
    expect(q.terms).toEqual(tokenize('next IAAF'));
    expect(analyzeQuestion('what happened to the old steering committee?').terms).toContain(tokenize('happened')[0]);
  });

  it('"who does better" compares the groups the question names: no name asked', () => {
    expect(analyzeQuestion('Agencies with components vs without: who does better on implementation?').wantsName).toBe(
      false,
    );
    expect(analyzeQuestion('who has more complaints, agencies or components?').wantsName).toBe(false);
    expect(analyzeQuestion('who did the review?').wantsName).toBe(true);
  });

  it('"WHO" in capitals among lower-case words is the World Health Organization, not the question word', () => {
    expect(analyzeQuestion('when did WHO declare covid a pandemic').wantsName).toBe(false);
    expect(analyzeQuestion('when did WHO declare covid a pandemic').wantsDate).toBe(true);
    expect(analyzeQuestion('WHO IS THE CEO').wantsName).toBe(true);
    // A relative "who" follows a noun; a question's opens a clause.
    expect(analyzeQuestion("Are the officers who enforce rules up to speed on Xi's legal ideas?").wantsName).toBe(
      false,
    );
    expect(analyzeQuestion('do you know who runs the hotline?').wantsName).toBe(true);
    expect(analyzeQuestion('the report says a panel will look into it, but who triggers it?').wantsName).toBe(true);
    expect(analyzeQuestion('Who is the CEO?').wantsName).toBe(true);
    // "What is X called?" asks what something is called: a name.
    const called = analyzeQuestion('what was the original portal software called');
    expect([called.wantsName, called.asksNaming, called.asksIdentity]).toEqual([true, true, false]);
    expect(analyzeQuestion('what do they call the old four phase model').asksNaming).toBe(true);
    expect(analyzeQuestion('what happened when they called the vendor').wantsName).toBe(false);
    // A "who" question asking neither for an office's holder, nor a name, nor a doer may be answered by a class.
    const persons = (q: string) => analyzeQuestion(q).personsAnswer;
    expect(persons('who were court forms originally designed for')).toBe(true);
    expect(persons("who are the portal's target users")).toBe(true);
    expect(persons('who is piloting notify.gov')).toBe(false); // a doer: the persons a passage names may be served
    expect(persons('who is the director of the office')).toBe(false);
    expect(persons('who is it named after')).toBe(false);
  });

  it('"who is the …", "the name of", "是谁" ask who someone is; "who\'s heading up …", "由谁主持" who did it', () => {
    const identity = (q: string): boolean => analyzeQuestion(q).asksIdentity;
    expect(identity('who is the current Financial Secretary? name please')).toBe(true);
    expect(identity("what's the name of the current Zuoyun county head?")).toBe(true);
    expect(identity('左云县司法局局长是谁？')).toBe(true);
    expect(identity("who was cds's ceo before the current one")).toBe(true); // a possessive is a determiner
    expect(identity('who was CEO before paul wagner')).toBe(true); // an office needs no determiner
    expect(identity('who is chairing the committee?')).toBe(false);
    // The name of a thing is any name ("ECHO"), not a person's.
    expect(identity("what's the name of EPA's public facing system")).toBe(false);
    expect(identity('what are the names of the tools they built?')).toBe(false);
    // "The head of …" asks for whoever holds its office: the word frames the question and is no topic.
    const head = analyzeQuestion('who is the head of usds');
    expect(head.office).toEqual({ title: 'head' });
    expect(head.terms).toEqual(['usd']);
    expect(analyzeQuestion('what did the head of the office say?').terms).toContain('head');
    expect(analyzeQuestion('who runs usds').terms).toEqual(['usd']);
    expect(analyzeQuestion('who runs usds').doing).toBeUndefined(); // running it is holding its office

    // "How long" frames a question for a length of time, as "how many" does one for a count.
    expect(analyzeQuestion('how long has the administrator been there').terms).toEqual(['administr']);
    expect(analyzeQuestion('how many long-term care beds are there').terms).toContain('long');
    // …and "how big", "how fast": the adjective names the measure asked, not a topic.
    expect(analyzeQuestion('how big will the caseflow team get').terms).toEqual(['caseflow', 'team']);
    expect(analyzeQuestion('how fast can notify send messages').terms).not.toContain('fast');
    expect(analyzeQuestion('what big projects did the team run').terms).toContain('big');
    // …each of them, in a two-part question.
    expect(analyzeQuestion('how big was the formula team and how long did they work on it').terms).toEqual([
      'formula',
      'team',
      'work',
    ]);
    // "Who wrote the letter?" asks for its signature, whose lines never say "wrote": the verb frames, as "who heads" does.
    expect(analyzeQuestion('who wrote the letter in the fall 2017 report').terms).toEqual([
      'letter',
      'fall',
      '2017',
      'report',
    ]);
    expect(analyzeQuestion('what did the agency write about hiring').terms).toContain('write');
    // So do "overall" and "altogether" in a figure question: a count in total ("overall" is no "general" there).
    expect(analyzeQuestion('how many agencies has usds worked with overall').terms).toEqual(['agenc', 'usd', 'work']);
    expect(analyzeQuestion('what was the overall rating of the program?').terms).not.toContain('overal');
    expect(analyzeQuestion('what does the overall plan say?').terms).toContain('overal');
    expect(identity("who's heading up the new AI efficiency team in govt?")).toBe(false);
    expect(identity('Who chairs the district governance steering committee?')).toBe(false);
    expect(identity('北部都会区发展委员会由谁主持？')).toBe(false);
  });

  it('"who is X?" asks about X, by its first word; "who\'s heading up …" about no one it names', () => {
    expect(analyzeQuestion('Who is Lu Dongliang and why is he in the report?').whoIs).toBe('lu');
    expect(analyzeQuestion("who's heading up the new AI efficiency team in govt?").whoIs).toBeUndefined();
  });
});

describe('the question as a model reads it', () => {
  it('is the question itself when nothing was translated', () => {
    expect(modelReading('How many cases?', [{ senses: [[['case']]], weight: 1 }])).toBe('How many cases?');
  });

  it('gives a translated question as its other words and the first gloss the reports bear of each concept', () => {
    const concepts = [
      { senses: [[['agenc']], [['机构']]], glosses: ['agency', ''], weight: 0.75, translated: true },
      { senses: [[['respond']], [['respons']]], glosses: ['respond', 'response'], weight: 1, translated: true },
    ];
    expect(modelReading('有多少个机构回应了 Section 508 评估？', concepts)).toBe('Section 508 ？ agency respond');
  });

  it('drops a gloss with the reading it glosses when the reading loses every word', () => {
    const translated = [
      { senses: [[['number']], [['case']]], glosses: ['number', 'case'], weight: 1, translated: true },
    ];
    const q = analyzeQuestion('多少案件', translated);
    expect(q.concepts[0]!.senses).toEqual([[['case']]]);
    expect(q.concepts[0]!.glosses).toEqual(['case']);
  });
});

describe('what a "how many" question counts', () => {
  it('"which X" asks for a kind of thing: X, not a figure, a verb or an adverb', () => {
    expect(askedKindOf('which browser do agencies use for testing?')).toBe('browser');
    expect(askedKindOf('What kinds of legal publicity events did they run?')).toBe('legal');
    expect(askedKindOf('what fraction of agencies train staff?')).toBeUndefined();
    expect(askedKindOf('what is the i-index?')).toBeUndefined();
    expect(askedKindOf('Which frequently used services were bundled?')).toBeUndefined();
    expect(askedKindOf('which of the agencies tested?')).toBeUndefined();
    expect(askedKindOf('how many agencies tested?')).toBeUndefined();
    // "What" as a verb's subject (a Federal Data Strategy question: "come" was read as a kind no report names).
    expect(askedKindOf('what comes after the foundational stage on the maturity ladder?')).toBeUndefined();
    expect(askedKindOf('what happens if an agency misses the date')).toBeUndefined();
    expect(askedKindOf('what services do they offer?')).toBe('servic');
  });

  it('the period of a rate asked for', () => {
    expect(analyzeQuestion('how many daily logins does it handle').rate).toBe('day');
    expect(analyzeQuestion('how many hrs a week do they put in?').rate).toBe('week');
    expect(analyzeQuestion('how many monthly users does the site have').rate).toBe('month');
    expect(analyzeQuestion('how many visitors a year?').rate).toBe('year');
    expect(analyzeQuestion('how many visitors in 2023?').rate).toBeUndefined();
    expect(analyzeQuestion('what affects their daily lives?').rate).toBeUndefined(); // no figure asked
  });

  it('"before" with nothing after it asks what was so previously', () => {
    const readings = (question: string): string[] =>
      analyzeQuestion(question).concepts.flatMap((c) => c.senses.map((sense) => sense.flat().join(' ')));
    expect(readings('who could use the acquisition gateway before?')).toContain(tokenize('previously')[0]);
    expect(readings('who could use it before the launch?')).not.toContain(tokenize('previously')[0]);
  });

  it("a figure's period is one word however it is said: every year, annual, yearly", () => {
    const readings = (question: string): string[][] =>
      analyzeQuestion(question).concepts.map((c) => c.senses.map((sense) => sense.flat().join(' ')));
    expect(readings('how much does gsa buy every year')).toEqual([
      ...tokenize('gsa buy').map((t) => [t]),
      tokenize('year annual yearly'),
    ]);
    expect(readings('how many daily logins are there')).toContainEqual(tokenize('day daily'));
    // Without a figure asked, the words are what is asked about.
    expect(readings('what happens every year')).toContainEqual([tokenize('year')[0]]);
    // A Chinese one, glossed "every year", is read the same.
    const everyYear: Concept = {
      senses: [[tokenize('every'), tokenize('year')]],
      weight: 1,
      translated: true,
      source: '每年',
    };
    // A Chinese word read first as words framing the figure (总体 "overall", "total") frames it in every reading: not
    // "completely", its fourth, which would look for "completion rates".
    const overall: Concept = {
      senses: [[tokenize('overall')], [tokenize('total')], [tokenize('completely')]],
      weight: 0.75,
      translated: true,
      source: '总体',
    };
    const satisfaction: Concept = {
      senses: [[tokenize('satisfaction')]],
      weight: 1,
      translated: true,
      source: '满意度',
    };
    expect(
      analyzeQuestion('总体满意度是多少？', [overall, satisfaction]).concepts.flatMap((c) => c.senses.flat(2)),
    ).toEqual(tokenize('satisfaction'));
    const chinese = analyzeQuestion('GSA每年采购金额是多少？', [everyYear]).concepts;
    expect(chinese.map((c) => c.senses.map((sense) => sense.flat().join(' ')))).toContainEqual(
      tokenize('year annual yearly'),
    );
  });

  it('a score, a rating and an age are figures', () => {
    expect(analyzeQuestion('what was the conformance score for the Department of Defense?').wantsFigure).toBe(true);
    expect(analyzeQuestion('what rating did the agency get?').wantsFigure).toBe(true);
    expect(analyzeQuestion('how old are the web pages they tested?').wantsFigure).toBe(true);
    expect(analyzeQuestion('How were N/A answers scored in the index?').wantsFigure).toBe(false); // how, not how much
    // A quantity's noun as the topic asks what was said of it, not its figure (FDS and Treasury ERA pages).
    expect(analyzeQuestion('what did they learn about budget cycles').wantsFigure).toBe(false);
    expect(analyzeQuestion('what was the december 2022 notice about administrative costs').wantsFigure).toBe(false);
    expect(analyzeQuestion('how much did grantees spend on administrative costs?').wantsFigure).toBe(true);
    expect(analyzeQuestion('what is the budget for next year?').wantsFigure).toBe(true);
    // "How" and a quality reports measure as a rate asks its measure ("a 99.9% availability"); "how secure" does not.
    expect(analyzeQuestion('how available is sign in canada').wantsFigure).toBe(true);
    expect(analyzeQuestion('how satisfied are users with the online green card renewal?').wantsFigure).toBe(true);
    expect(analyzeQuestion('how secure is the new login?').wantsFigure).toBe(false);
  });

  it('the numbers a question names, not its dates or ordinals', () => {
    expect(analyzeQuestion('what percentage of users were over 65').numbers).toEqual(['65']);
    expect(analyzeQuestion('how many agencies trained more than 1,000 staff?').numbers).toEqual(['1000']);
    expect(analyzeQuestion('what happened in the 2nd batch in 2023, on May 30?').numbers).toEqual([]);
    expect(analyzeQuestion('截至去年11月底，全县空气质量优良天数是多少？').numbers).toEqual([]);
    // A number written into a name is the name's ("10x", the program; "A380"), a magnitude's letter the number's.
    expect(analyzeQuestion("what were 10x's investment themes").numbers).toEqual([]);
    expect(analyzeQuestion('did the A380 fly 12 times?').numbers).toEqual(['12']);
    expect(analyzeQuestion('is it 18.25M veterans?').numbers).toEqual([processTerm('18.25')]);
    expect(analyzeQuestion('去年受理48件吗').numbers).toEqual(['48']);
  });

  it('the head of what a "what is the X" question asks for', () => {
    expect(askedHeadOf("what's the average age of CDS employees")).toBe(processTerm('age'));
    expect(askedHeadOf('what the uptime of the new social security site')).toBe(processTerm('uptime'));
    // A word that frames a figure says what is measured by the noun before it.
    expect(askedHeadOf('whats the overall 508 conformance number across govt')).toBe(processTerm('conformance'));
    expect(askedHeadOf("what's the overall total?")).toBeUndefined();
    expect(askedHeadOf('how many cases were there?')).toBeUndefined();
  });

  it('the thing whose size is asked', () => {
    expect(sizedHeadOf("how big is the government's budget deficit this year?")).toBe(processTerm('deficit'));
    expect(sizedHeadOf('how big is the northern metropolis compared with the rest of hk')).toBe(
      processTerm('metropolis'),
    );
    expect(sizedHeadOf('how big is the inventory now vs originally')).toBe(processTerm('inventory'));
    expect(sizedHeadOf('how much was the total?')).toBeUndefined(); // a word that frames a figure
    expect(sizedHeadOf('how many cases were there?')).toBeUndefined();
  });

  it('the unit a measure is asked in', () => {
    expect(analyzeQuestion("what's the average wait time in minutes").unit).toBe('minut');
    expect(analyzeQuestion('How many hectares will the park get?').unit).toBe('hectar');
    expect(analyzeQuestion('What was the total legal aid budget for 2023, in yuan?').unit).toBe('yuan');
    expect(analyzeQuestion('how much did the county spend in RMB?').unit).toBe('yuan'); // the renminbi's unit
    expect(analyzeQuestion('How much did the portal cost, in dollars?').unit).toBe('dollar');
    expect(analyzeQuestion('how many good air days were there?').unit).toBeUndefined(); // days are what is counted
    expect(analyzeQuestion('what did they do in days of flooding?').unit).toBeUndefined(); // no figure asked
  });

  it('a rank is no count: "the 20th National Congress" answers no "how many"', () => {
    expect(figuresOfKind('the spirit of the 20th National Congress', 'count')).not.toMatch(/\d/);
    expect(figuresOfKind('the 20 members of the National Congress', 'count')).toMatch(/20/);
  });

  it('"over the next five years" is time said relative to now, not a topic', () => {
    const q = analyzeQuestion('How many flats will be completed over the next five years?');
    expect(q.terms).not.toContain('year');
  });
});

describe('a change is not a level', () => {
  it('"last year" asked of, not compared with', () => {
    expect(analyzeQuestion('how many visitors came last year?').lastYear).toBe(true);
    expect(analyzeQuestion('去年有多少游客？').lastYear).toBe(true);
    expect(analyzeQuestion('were there more cases than last year?').lastYear).toBe(false);
  });

  it('"which states", "which city", 哪个国家 ask for a place', () => {
    expect(analyzeQuestion('which states could use direct file?').wantsPlace).toBe(true);
    expect(analyzeQuestion('which US states took part?').wantsPlace).toBe(true);
    expect(analyzeQuestion('哪个国家签了协议？').wantsPlace).toBe(true);
    expect(analyzeQuestion('which state agency ran it?').wantsPlace).toBe(false); // a body
    expect(analyzeQuestion('how many states took part?').wantsPlace).toBe(false);
  });

  it('"which countries", 哪些国家 ask for several places; "which city" for one', () => {
    expect(analyzeQuestion('which countries is HK trying to sign investment deals with?').wantsPlaces).toBe(true);
    expect(analyzeQuestion('哪些国家签了协议？').wantsPlaces).toBe(true);
    expect(analyzeQuestion('which city is getting the new trade office?').wantsPlaces).toBe(false);
    expect(analyzeQuestion('which states agencies took part?').wantsPlaces).toBe(false); // a body
  });

  it('a question about a change says so', () => {
    expect(analyzeQuestion('did air quality improve on 2022?').asksChange).toBe(true);
    expect(analyzeQuestion('is the figure up or down?').asksChange).toBe(true);
    expect(analyzeQuestion('what was the satisfaction score before the relaunch?').asksChange).toBe(false);
    expect(analyzeQuestion('错误率降低了多少？').asksChange).toBe(true);
  });
});

describe("a deputy's office is another office", () => {
  it('a "who" question names an office, with its rank if said', () => {
    expect(analyzeQuestion('who is the administrator of usds?').office).toEqual({ title: 'administrator' });
    expect(analyzeQuestion('who is the deputy director?').office).toEqual({ title: 'director', rank: 'deputy' });
    // "Who leads / heads" a body asks for whoever holds its top office; "who led the development of …" for a doer.
    expect(analyzeQuestion('who heads the bureau?').office).toEqual({ title: LEADER });
    expect(analyzeQuestion('who leads usds?').office).toEqual({ title: LEADER });
    expect(analyzeQuestion('who leads usds?').terms).toEqual(['usd']);
    expect(analyzeQuestion('who leads the development of direct file').office).toBeUndefined();
    expect(analyzeQuestion('how many directors are there?').office).toBeUndefined(); // not a "who" question
  });

  it('a text naming the office only at another rank does not name it', () => {
    const administrator = { title: 'administrator' };
    expect(namesOnlyAnotherRank('Cori Zarek, Deputy Administrator at the U.S. Digital Service', administrator)).toBe(
      true,
    );
    expect(
      namesOnlyAnotherRank('Mina Hsiang, Administrator, and Cori Zarek, Deputy Administrator', administrator),
    ).toBe(false);
    expect(namesOnlyAnotherRank('Cori Zarek of the U.S. Digital Service', administrator)).toBe(false); // not named
    expect(namesOnlyAnotherRank('the Deputy Administrator', { title: 'administrator', rank: 'deputy' })).toBe(false);
    expect(namesOnlyAnotherRank('the Vice-President', { title: 'president' })).toBe(true);
  });

  it('a chief officer is named by what he is chief of, spelled out or in initials', () => {
    const cto = analyzeQuestion('who is the chief technology officer of cds').office!;
    expect(cto.initials).toBe('cto');
    expect(namesOnlyAnotherRank('Paul N. Wagner Chief Executive Officer, Canadian Digital Service', cto)).toBe(true);
    expect(namesOnlyAnotherRank('Jane Doe, Chief Technology Officer', cto)).toBe(false);
    expect(namesOnlyAnotherRank('Jane Doe, CTO', cto)).toBe(false);
    expect(analyzeQuestion("who's the ceo").office?.initials).toBe('ceo');
    expect(chiefOfficersIn('the Chief Information Officer (CIO) and the CISO, not the ciao')).toEqual([
      'cio',
      'cio',
      'ciso',
    ]);
    // Any question's chief officer, not only a "who" question's: "a chief accessibility officer" is no CFO.
    const cao = analyzeQuestion('how many agencies have a chief accessibility officer?');
    expect(cao.chiefs).toEqual(['cao']);
    expect(namesOtherChiefsOnly('including 21 Chief Financial Officers (CFO) Act agencies', cao.chiefs!)).toBe(true);
    expect(namesOtherChiefsOnly('12 agencies named a Chief Accessibility Officer', cao.chiefs!)).toBe(false);
    expect(namesOtherChiefsOnly('12 agencies named an accessibility lead', cao.chiefs!)).toBe(false);
  });
});

describe('a definition asked for', () => {
  it('is not an abbreviation, which is asked where it is spelled out', () => {
    expect(analyzeQuestion('What is OMB?').definedTerm).toBeUndefined(); // an abbreviation: where it is spelled out
  });
});

describe('what an abbreviation stands for', () => {
  it('reads which abbreviation a question asks the meaning of, in capitals only', () => {
    expect(abbreviationAsked('What does OMB stand for?')).toBe('OMB');
    expect(abbreviationAsked('what does USDS stand for?')).toBe('USDS'); // its last S is no plural
    expect(abbreviationAsked('what does CDS stand for?')).toBe('CDS');
    expect(abbreviationAsked('what is a PM?')).toBe('PM');
    expect(abbreviationAsked('what are PMs?')).toBe('PM');
    expect(abbreviationAsked('full name of FTE')).toBe('FTE');
    expect(abbreviationAsked('NM是什么意思？')).toBe('NM');
    expect(abbreviationAsked('what is it?')).toBeUndefined();
    expect(abbreviationAsked('What does this mean for agencies?')).toBeUndefined();
    expect(abbreviationAsked('What is the OMB deadline?')).toBeUndefined();
    // "stand for" frames the question: only the abbreviation is looked up.
    expect(analyzeQuestion('What does OMB stand for?').terms).toEqual(['omb']);
  });
});

describe('a paragraph asked for by its number', () => {
  it('is read from "paragraph N", "para N", "¶N", "§N" and 第N段; a number alone names none', () => {
    expect(paragraphAskedOf('what does paragraph 48 say?')).toBe(48);
    expect(paragraphAskedOf("what's in para. 120")).toBe(120);
    expect(paragraphAskedOf('what does ¶210 say')).toBe(210);
    expect(paragraphAskedOf('§ 52?')).toBe(52);
    expect(paragraphAskedOf('第48段说了什么？')).toBe(48);
    expect(paragraphAskedOf('how many paragraphs are there? 48')).toBeUndefined();
    expect(paragraphAskedOf('how many cases were there in 2023?')).toBeUndefined();
  });
});

describe('readings that narrow or compare, not ask', () => {
  it('a bracketed "not" narrows the topic; the question is not negated', () => {
    expect(analyzeQuestion('total FTEs on 508 work across agencies (not components)').negated).toBe(false);
    expect(analyzeQuestion('how many agencies have no system for logging complaints?').negated).toBe(true);
  });

  it('"compare this year\'s numbers with last year\'s" asks about neither year', () => {
    const q = analyzeQuestion("can i compare this year's conformance numbers with last year's?");
    expect([q.lastYear, q.yearSaid]).toEqual([false, undefined]);
    expect(analyzeQuestion('how many cases were there last year?').lastYear).toBe(true);
  });

  it('"who is Lu Dongliang?" asks who someone is: no doing', () => {
    expect(analyzeQuestion('Who is Lu Dongliang and why is he in the report?').doing).toBeUndefined();
  });

  it('a slash joins alternatives: "villages/communities" counts one of them, not "villagescommunities"', () => {
    const head = analyzeQuestion('How many villages/communities were put forward?').countedHead;
    expect(tokenize('villages communities')).toContain(head);
  });

  it('what is counted is the last plural of its phrase: "usds alumni" counts alumni', () => {
    expect(analyzeQuestion('how many usds alumni went on to other federal jobs').countedHead).toBe(
      tokenize('alumni')[0],
    );
    expect(analyzeQuestion('how many public web pages do agencies have?').countedHead).toBe(tokenize('pages')[0]);
  });
});
