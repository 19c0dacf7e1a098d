import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadThesaurus } from '../../src/search/thesaurus.js';
import { AnswerEngine, cleanQuestion } from '../../src/answer/engine.js';
import { WEIGHTS } from '../../src/answer/rerank.js';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';
import { engineWithDictionary } from '../helpers/engines.js';
import { GSA_FILES, REPORT_FILE, REPORT_TEXT } from '../helpers/fixtures.js';

function engineFor(...reports: [string, string][]): AnswerEngine {
  return new AnswerEngine(indexOf(reports));
}

function indexOf(reports: [string, string][]): CorpusIndex {
  const index = new CorpusIndex();
  for (const [text, file] of reports) {
    const r = parseReport(text, file);
    index.addReport(r, chunkReport(r));
  }
  return index;
}

/** Thirty paragraphs on nothing asked: words that make the report's own words rare enough to weigh. */
const FILLER = Array.from(
  { length: 30 },
  (_, i) => `The team reviewed ${i + 3} design items with the office in the second quarter.`,
).join('\n\n');

/** The first quote of an answer holds `quote`, with this confidence. */
async function expectTopQuote(engine: AnswerEngine, question: string, quote: string, confidence: 'high' | 'low') {
  const a = await engine.answer(question);
  expect(a.answers[0]!.quote.text).toContain(quote);
  expect(a.confidence).toBe(confidence);
}

/** An engine with the dictionary over an annual report of the given sections. */
function annualReport(sections: string): AnswerEngine {
  return engineWithDictionary(`# Annual Report 2024\n\n${sections}`, 'annual-report-2024.md');
}

/** Sections of other work: passages that name no body a test's question names (so a name stays rare). */
const OTHER_WORK = `## Other work

The team delivered 749 million free tests to households.

The team helped 23 million households get broadband.

The team trained 900 acquisition professionals.

The team reinstated coverage for 400,000 children.

The team supported 10 states with technical assistance.
`;

describe('AnswerEngine', () => {
  it("reads a question's words in the compounds the index stores (no dictionary needed at question time)", async () => {
    const index = new CorpusIndex();
    const r = parseReport(
      'Survey report.\n\nThe survey found 3 roads.\n\nThe statewide survey found 12 gaps.\n',
      'survey.txt',
    );
    index.addReport(r, chunkReport(r));
    index.compounds = () => new Map([['wide', ['statewid']]]);
    const a = await new AnswerEngine(index).answer('What did the wide survey find?');
    expect(a.answers[0]!.quote.text).toContain('statewide');
  });

  const engine = engineFor([REPORT_TEXT, REPORT_FILE]);
  const norm = (s: string): string => s.replace(/\s+/g, ' ');

  it('answers with a verbatim quote, marked words and a full citation', async () => {
    const a = await engine.answer('How many administrative cases were there in the county?');
    expect(a.abstained).toBe(false);
    const top = a.answers[0]!;
    expect(top.quote.text).toContain('13 administrative cases');
    expect(norm(REPORT_TEXT)).toContain(top.quote.text);
    expect(top.citation).toMatchObject({ reportId: 'zuoyun-2023-rule-of-law-report', paragraph: 26 });
    expect(top.citation.section).toMatch(/^1 Main Measures.* › \(3\) .* › Sixth, consciously accept supervision$/);
    const marked = top.quote.highlights.map((h) => top.quote.text.slice(h.start, h.end));
    // Adjacent question words are marked as one run; "county" alone is too common a word to mark.
    expect(marked[0]).toBe('administrative cases');
    expect(marked).not.toContain('county');
  });

  it('quotes whole sentences only, at most three, and other matches are other passages', async () => {
    const a = await engine.answer('What did the county do about legal aid and notaries?', 5);
    const starts = new Set<number>();
    for (const item of a.answers) {
      const text = REPORT_TEXT.slice(item.quote.start, item.quote.end);
      expect(/[.。!?;"”)]$/.test(text)).toBe(true);
      expect(starts.has(item.quote.start)).toBe(false);
      starts.add(item.quote.start);
    }
  });

  it('answers questions about the report itself from its header and signature', async () => {
    const quote = async (q: string): Promise<string> => (await engine.answer(q)).answers[0]!.quote.text;
    expect(await quote('What is the document number of the report?')).toBe('Document No.: ZZF [2024] No. 2');
    expect(await quote('When was the report issued?')).toBe('Date of issue: 2024-01-17 16:09');
    expect(await quote('Who is the report addressed to?')).toBe("Datong Municipal People's Government:");
  });

  it('answers when the report came out and whom it went to from those lines, whatever words they share', async () => {
    // The body mentions other reports ("listened to the annual report … of 2022, put forward …"): "this report" is not
    // one of them.
    const best = async (e: AnswerEngine, q: string): Promise<[string, string | undefined]> => {
      const a = await e.answer(q);
      return [a.answers[0]!.quote.text, a.confidence];
    };
    expect(await best(engine, 'When did they put this report out?')).toEqual(['Published: 2024-01-17', 'high']);
    expect(await best(engine, 'Which higher office was this report submitted to?')).toEqual([
      "Datong Municipal People's Government:",
      'high',
    ]);
    // Among several reports "this report" is known only when the question names it.
    const both = engineFor(
      [REPORT_TEXT, REPORT_FILE],
      [readFileSync(GSA_FILES[0]!, 'utf8'), 'gsa-fy2025-section-508-assessment.md'],
    );
    expect((await best(both, 'When did Zuoyun put this report out?'))[0]).toBe('Published: 2024-01-17');
  });

  it('answers the issuer\'s address from its cover, and quotes no passage that only "addresses" something', async () => {
    const cover =
      '# Annual Report\n\nDigital Service\n\n1725 Woodward Drive\n\nOttawa, ON K2C 0P9\n\n## Work\n\n' +
      'The Digital Service worked to address the backlog of requests on its street team.\n\n' +
      'The Digital Service built two tools for the agency.\n';
    const a = await engineFor([cover, 'digital.md']).answer("what's the digital service's street address?");
    expect([a.answers[0]!.quote.text, a.confidence]).toEqual(['1725 Woodward Drive', 'high']);
    const none = cover.replace('1725 Woodward Drive\n\nOttawa, ON K2C 0P9\n\n', '');
    expect(
      (await engineFor([none, 'digital.md']).answer("what's the digital service's street address?")).confidence,
    ).not.toBe('high');
  });

  it('answers a yes-or-no question about most of a group with the share that does', async () => {
    const text =
      '# Training\n\n## Findings\n\n' +
      'Among the 16 agencies with mandatory training, most require annual training for their staff.\n\n' +
      'Mandatory training is uncommon, with only 27% of agencies reporting required training.\n';
    const a = await engineFor([text, 'training.md']).answer('Is training mandatory in most agencies?');
    expect(a.answers[0]!.quote.text).toContain('only 27% of agencies');
  });

  it('a sentence pointing back ("this checklist") is read and quoted with the one naming it (Treasury ERA page)', async () => {
    const page = [
      '# Emergency Rental Assistance',
      '',
      '## August 2025',
      '',
      '- On August 25, 2025, Treasury published the “Standard Closeout” Checklist for ERA2 Awards. ERA2 Grantees can use this checklist to support successful submission of their Final Report.',
      '- On August 18, 2025, Treasury published the Final Report User Guide for grantees.',
      '',
      '## July 2025',
      '',
      '- Treasury released the Standard Form for awards and a closeout notice.',
      '',
    ].join('\n');
    const a = await engineFor([page, 'era.md']).answer("what's the standard closeout checklist for?");
    expect(a.answers[0]!.quote.text).toContain(
      '“Standard Closeout” Checklist for ERA2 Awards. ERA2 Grantees can use this',
    );
  });

  it('does not pad a short answer with an unrelated next sentence', async () => {
    const a = await engine.answer('How many notarizations did the notary office handle?');
    expect(a.answers[0]!.quote.text).toBe('The notary office handled 420 notaries for the public throughout the year.');
  });

  it('refuses what the report does not cover and offers the nearest sections', async () => {
    const a = await engine.answer('How many cinemas showed films about mediation?');
    expect(a.abstained).toBe(true);
    expect(a.answers).toEqual([]);
    expect(a.nearestSections.length).toBeGreaterThan(0);
    // Nothing of the question is in the report: no "nearest" section is offered for it (header lines least of all).
    const offTopic = await engine.answer('How many cinemas are in Paris?');
    expect(offTopic.abstained && offTopic.nearestSections).toEqual([]);
  });

  it('never throws on hostile input and answers or refuses politely', async () => {
    const inputs = [
      '',
      '   ',
      '🙂🙂🙂',
      '?!…',
      '<b>cases</b> & <script>',
      "'; DROP TABLE reports; --",
      'a\u0000b\u202e\u200bc',
      'x'.repeat(10_000),
      '行政案件',
    ];
    for (const input of inputs) {
      const a = await engine.answer(input);
      expect(a.question).toBe(input);
      expect(typeof a.abstained).toBe('boolean');
    }
    expect(cleanQuestion('a\u0000b\u200b  c')).toBe('a b c');
  });

  it('the year a question names picks the report whose title has it, when the passages are the same', async () => {
    // Two reports alike but for the year in their titles: only the title can tell them apart.
    const title = "The People's Government of Zuoyun County 2023 Annual Report";
    const titled = (year: string): string => REPORT_TEXT.replace(title, title.replace('2023', year));
    const two = engineFor([titled('2021'), 'zuoyun-a.txt'], [titled('2019'), 'zuoyun-b.txt']);
    for (const [year, id] of [
      ['2021', 'zuoyun-a'],
      ['2019', 'zuoyun-b'],
    ])
      expect(
        (await two.answer(`How many mediation statements were issued, in the ${year} report?`)).answers[0],
      ).toMatchObject({
        citation: { reportId: id },
        quote: { text: expect.stringContaining('12 mediation statements') as unknown },
      });
  });

  it('a place a question names picks the report whose title has it, when the passages are the same', async () => {
    const title = "The People's Government of Zuoyun County 2023 Annual Report";
    const titled = (place: string): string => REPORT_TEXT.replace(title, title.replace('Zuoyun', place));
    const two = engineFor([titled('Hunyuan'), 'hunyuan.txt'], [titled('Lingqiu'), 'lingqiu.txt']);
    for (const place of ['hunyuan', 'lingqiu'])
      expect((await two.answer(`How many mediation statements were issued in ${place}?`)).answers[0]).toMatchObject({
        citation: { reportId: place },
        quote: { text: expect.stringContaining('12 mediation statements') as unknown },
      });
  });

  it('a question naming one report by its own name is answered from that report only', async () => {
    const gsa = readFileSync(GSA_FILES[0]!, 'utf8');
    const index = new CorpusIndex();
    for (const [text, file] of [
      [REPORT_TEXT, REPORT_FILE],
      [gsa, 'gsa-fy2025-section-508-assessment.md'],
    ] as const) {
      const r = parseReport(text, file);
      r.meta = {
        ...r.meta,
        issuer: file.startsWith('gsa') ? 'U.S. General Services Administration (GSA)' : r.meta.issuer,
      };
      index.addReport(r, chunkReport(r));
    }
    const two = new AnswerEngine(index, { thesaurus: loadThesaurus() });
    // Section 508 is the GSA report's subject; a question about it in Zuoyun is about the Zuoyun report, which does not
    // cover it.
    const zuoyun = await two.answer('How well do the websites in Zuoyun conform to Section 508?', 3);
    expect(zuoyun.answers.filter((a) => a.citation.reportId !== 'zuoyun-2023-rule-of-law-report')).toEqual([]);
    const named = await two.answer('How many administrative cases did the GSA report?', 3);
    expect(named.answers.filter((a) => a.citation.reportId !== 'gsa-fy2025-section-508-assessment')).toEqual([]);
  });

  it('prefers the report a question names by year when several are indexed', async () => {
    const other = REPORT_TEXT.replaceAll('2023', '2022').replace('ZZF [2024] No. 2', 'ZZF [2023] No. 9');
    const two = engineFor([REPORT_TEXT, REPORT_FILE], [other, 'zuoyun-2022-rule-of-law-report.txt']);
    expect((await two.answer('How many administrative cases were there in 2022?')).answers[0]!.citation.reportId).toBe(
      'zuoyun-2022-rule-of-law-report',
    );
    expect((await two.answer('How many administrative cases were there in 2023?')).answers[0]!.citation.reportId).toBe(
      'zuoyun-2023-rule-of-law-report',
    );
  });

  it('"who" is answered by an office or a body, but "who is the …" asks for a person, not the office it names', async () => {
    const text = `# Policy Address 2025

## Government efficiency

12. The Government will set up an AI Efficacy Enhancement Team to review how departments work. The team will be led by the Deputy Chief Secretary for Administration.

13. The Government will set up the Strategic Committee on Commodities, led by the Financial Secretary.
`;
    const engine = engineWithDictionary(text, 'policy-address-2025.md');
    await expectTopQuote(
      engine,
      'who will lead the team?',
      'led by the Deputy Chief Secretary for Administration',
      'high',
    );
    await expectTopQuote(
      engine,
      'who is the current Financial Secretary? name please',
      'led by the Financial Secretary',
      'low',
    );
  });

  it('the one a "who" question asks for is not one it names itself, unless it asks who that is', async () => {
    const engine = annualReport(`## Message from our Chief Executive Officer

Paul N. Wagner thanked the staff for their hard work this year.

The service opened two new offices in 2024.
`);
    await expectTopQuote(engine, 'who thanked the staff before Paul Wagner?', 'Paul N. Wagner', 'low');
    await expectTopQuote(engine, 'who is Paul Wagner?', 'Paul N. Wagner', 'high');
  });

  it('a "who" question is judged on a signature\'s title line with the name above it', async () => {
    const engine = annualReport(`## Message from our Chief Executive Officer

Thank you for taking the time to learn about the work we do for people across the country.

Paul N. Wagner

Chief Executive Officer, Canadian Digital Service

## Our work

The service built a new form builder for public servants.

The service sent 138 million notifications to people across Canada.

The head office of the digital service hosted Jane Smith for a visit.
`);
    await expectTopQuote(
      engine,
      'who is the chief executive officer of the digital service?',
      'Paul N. Wagner',
      'high',
    );
    // Its head, leader or whoever is in charge holds an office by any title; a deputy's is another office.
    await expectTopQuote(engine, 'who is the head of the digital service?', 'Paul N. Wagner', 'high');
    await expectTopQuote(engine, 'who is in charge of the canadian digital service', 'Paul N. Wagner', 'high');
    await expectTopQuote(engine, 'who runs the digital service', 'Paul N. Wagner', 'high');
  });

  it("a stat card's caption is judged with its figure, as it is quoted", async () => {
    const engine = annualReport(`## Inventories

Agencies were asked to report their hardware and software inventories.

45%

27 agencies did not know how many software titles they owned or operated

${OTHER_WORK}`);
    await expectTopQuote(engine, 'what percentage of agencies did not know their software titles?', '45%', 'high');
  });

  it('"where is X\'s office?" is answered by a place or an address, not by a passage naming X', async () => {
    const nowhere = annualReport(`## Our offices

The digital service office opened two new programs for veterans this year.

${OTHER_WORK}`);
    await expectTopQuote(nowhere, 'where is the digital service office?', 'digital service office', 'low');
    const somewhere = annualReport(`## Our offices

The digital service office is at 1800 F Street NW, Washington, DC 20405.

${OTHER_WORK}`);
    await expectTopQuote(somewhere, 'where is the digital service office?', '1800 F Street NW', 'high');
  });

  it('a place the question restricts to ("in Ottawa") must be named by the passage', async () => {
    const engine = annualReport(`## Our people

The service has 269 employees working across Canada.

Its head office is at 1725 Woodward Drive in Ottawa.

## Our work

The service built a new form builder for public servants.

The service sent 138 million notifications to people across Canada.

The service ran usability tests with people who use screen readers.
`);
    await expectTopQuote(engine, 'how many employees work across Canada?', '269 employees', 'high');
    await expectTopQuote(engine, 'how many employees work in Ottawa?', '269 employees', 'low');
  });

  it('a body the question names is named by the passage or by the lead of a section it stands in', async () => {
    const engine = annualReport(`## Serving Veterans

The Department of Veterans Affairs (VA) serves 18 million Veterans and their families.

The partnership with the VA began in response to a customer service crisis.

### Mobile app

The health app has 960,400 monthly active users.

The health app has a 4.8-star rating from 112,000 ratings.

## Social Security

The Social Security Administration (SSA) website is visited by 180 million people annually.

The SSA website contained over 78,000 content pages before its relaunch.

### By the numbers

The relaunch saves an estimated $285 million over five years.

The website has kept 99% uptime since its launch in December 2022.

${OTHER_WORK}`);
    await expectTopQuote(engine, 'how many monthly active users does the VA health app have?', '960,400', 'high');
    await expectTopQuote(engine, 'how many monthly active users does the SSA health app have?', '960,400', 'low');
  });

  it('a body the question spells out that the report abbreviates must be named by the passage, in either form', async () => {
    const engine = annualReport(`## Centres

Service Canada Centres (SCC) collect feedback from clients in person.

The most common grievance at SCC offices is the wait.

## Labs

On Labs, people complain most about their digital services online, across Canada.

${OTHER_WORK}
The team answered 1,946 tickets within the agreed times.

The team launched a design system with 30 components.

The team scaled its email sending rate to 6,000 a minute.

The team onboarded five new services to its sign-in platform.
`);
    await expectTopQuote(engine, 'what do people complain about most online', 'On Labs', 'high');
    await expectTopQuote(engine, 'what do people complain about most at service canada centres', 'On Labs', 'low');
  });

  it('"who said …" is answered by a quotation with its attribution line', async () => {
    const engine = annualReport(`## Connectivity

The enhancements will streamline the application process for every household.

– Cori Zarek, Deputy Administrator at the digital service

The program reached 23 million households.
`);
    await expectTopQuote(
      engine,
      'who said the enhancements will streamline the application process?',
      'Cori Zarek',
      'high',
    );
  });

  it('"which X" of a report that names no X in any reading gets no confident answer', async () => {
    const engine = annualReport(`## Testing

Agencies tested their web pages with automated tools and manual checks.
`);
    await expectTopQuote(engine, 'which tools do agencies use for testing web pages?', 'automated tools', 'high');
    await expectTopQuote(engine, 'which browser do agencies use for testing web pages?', 'automated tools', 'low');
  });

  it('a passage saying the opposite of the question\'s verb ("accepted" for "rejected") is no confident answer', async () => {
    const engine = annualReport(`## Filing

The tax office accepted 140,803 tax returns filed online.
`);
    await expectTopQuote(engine, 'how many tax returns did the tax office accept?', '140,803', 'high');
    await expectTopQuote(engine, 'how many tax returns did the tax office reject?', '140,803', 'low');
  });

  it('a close runner-up that gives what is asked is shown first when the best does not, still with low confidence', async () => {
    const sections = `## Web

24 agencies have web pages with forms.

## Size

Agencies own about 1.6 million pages on the web.
`;
    const question = 'how many web pages do agencies have?';
    // "24 agencies" counts the agencies, not their pages: the passage counting pages comes first.
    await expectTopQuote(annualReport(sections), question, '1.6 million pages', 'low');
    const unmoved = engineWithDictionary(`# Annual Report 2024\n\n${sections}`, 'annual-report-2024.md', {
      weights: { ...WEIGHTS, runnerUp: 0 },
    });
    await expectTopQuote(unmoved, question, '24 agencies', 'low');
  });

  it('"last year" is read against the report\'s year: a passage of another year does not answer', async () => {
    const engine = annualReport(`## Parks

In 2021, the parks department planted 300 trees along the river.

In 2023, the parks department planted 500 trees along the river.
`);
    await expectTopQuote(
      engine,
      'how many trees did the parks department plant along the river last year?',
      '500 trees',
      'high',
    );
  });
});

/** An engine over these reports (Markdown text, file name), lexical, with the thesaurus. */
const engineOver = (...reports: [text: string, file: string][]): AnswerEngine => {
  const index = new CorpusIndex();
  for (const [text, file] of reports) {
    const r = parseReport(text, file);
    index.addReport(r, chunkReport(r));
  }
  return new AnswerEngine(index, { thesaurus: loadThesaurus() });
};

describe('a name only another report uses', () => {
  const filler = (topic: string) =>
    Array.from(
      { length: 30 },
      (_, i) => `The team reviewed ${i + 3} ${topic} items with users in the second quarter.`,
    ).join('\n\n');
  const appeals = `# Appeals Modernization 2016\n\nVA built a new system that tracks paperless appeals, called Caseflow.\n\nCaseflow certifies 5,000 appeals per month.\n\n${filler('appeal')}`;
  const bounty = `# Bug Bounty 2016\n\nThe total contract cost was $150,000 for the bug bounty program.\n\n${filler('security')}`;
  it('is not answered with confidence by a passage of a report that never mentions it', async () => {
    const engine = engineOver([appeals, 'appeals-2016.md'], [bounty, 'bounty-2016.md']);
    const answer = await engine.answer('how much did the caseflow contract cost?');
    expect(answer.answers[0]?.quote.text ?? '').toContain('$150,000');
    expect(answer.confidence).not.toBe('high');
    // The same question without the other report's name is answered.
    expect((await engine.answer('how much did the bug bounty contract cost?')).confidence).toBe('high');
  });

  it('nor is a name a number opens ("10x"), which the tokenizer reads as its number alone', async () => {
    const fund = `# Innovation Fund 2023\n\n10x funded 18 new projects in 2023.\n\n${filler('project')}`;
    const forms = `# Forms 2023\n\nThe forms team hired 10 new designers in 2023.\n\n${filler('form')}`;
    const engine = engineOver([fund, 'fund-2023.md'], [forms, 'forms-2023.md']);
    const answer = await engine.answer('how many new designers did 10x hire in 2023?');
    expect(answer.answers[0]?.quote.text ?? '').toContain('10 new designers');
    expect(answer.confidence).not.toBe('high');
    expect((await engine.answer('how many new designers did the forms team hire in 2023?')).confidence).toBe('high');
  });
});

describe('the size of a thing the report never mentions', () => {
  it('is not answered with confidence by the size of another thing', async () => {
    const budget = `# Digital Office 2024\n\nThe office has a $25.8 million annual budget.\n\n${'The team met users in each quarter.\n\n'.repeat(20)}`;
    const engine = engineOver([budget, 'office-2024.md']);
    const deficit = await engine.answer("how big is the government's budget deficit?");
    expect(deficit.answers[0]?.quote.text ?? '').toContain('$25.8 million');
    expect(deficit.confidence).not.toBe('high');
    expect((await engine.answer("how big is the office's annual budget?")).confidence).toBe('high');
  });
});

describe('what the whole report is about', () => {
  it('is answered where the report says so itself, near its top', async () => {
    const parks = [
      '# Parks Annual Report 2024',
      'This report covers the trees the county planted and the playgrounds it repaired in 2024.',
      'The county repaired 12 playgrounds in the east district, the main theme of the residents’ letters.',
      'The county planted 500 trees along the river.',
      ...Array.from({ length: 20 }, (_, i) => `The parks team met residents ${i + 2} times in the spring.`),
    ].join('\n\n');
    const engine = engineOver([parks, 'parks-2024.md']);
    for (const question of ['what are the main themes of the report?', "what's the purpose of this report?"]) {
      const answer = await engine.answer(question);
      expect(answer.answers[0]?.quote.text).toContain('This report covers');
      expect(answer.confidence).toBe('high');
    }
  });

  it('among several reports none of which it names, is each one’s own description, with low confidence', async () => {
    const parks = `# Parks Annual Report 2024\n\nThis report covers the trees the county planted in 2024.\n\n${'The parks team met residents in the spring.\n\n'.repeat(12)}`;
    const roads = `# Roads Annual Report 2024\n\nThis report describes the roads the county repaired in 2024.\n\n${'The roads team met drivers in the spring.\n\n'.repeat(12)}`;
    const engine = engineOver([parks, 'parks-2024.md'], [roads, 'roads-2024.md']);
    const answer = await engine.answer('what are the main themes of the report?');
    const quotes = answer.answers.map((a) => a.quote.text);
    expect(quotes.some((q) => q.includes('This report covers the trees'))).toBe(true);
    expect(quotes.some((q) => q.includes('This report describes the roads'))).toBe(true);
    expect(answer.confidence).toBe('low');
  });
});

describe('an elliptical count', () => {
  const study = [
    '# Usability study 2023',
    '## Methodology',
    'We tested a click-through prototype with research participants over Zoom.',
    '- 5 of 10 used a smartphone for the session, 4 used a computer, 1 used a tablet',
    '## Who we talked to',
    '**Recruitment criteria**',
    'We talked to 10 participants.',
    'Geographic location:\n* Urban: 6\n* Rural: 4',
    '## Findings',
    FILLER,
  ].join('\n\n');

  it('counts what its section spoke of before it: a share of a whole, a tally line', async () => {
    const engine = engineWithDictionary(study, 'study-2023.md');
    const smartphone = await engine.answer('how many participants used a smartphone?');
    expect(smartphone.answers[0]?.quote.text).toContain('5 of 10');
    expect(smartphone.confidence).toBe('high');
    const rural = await engine.answer('how many participants were from rural locations?');
    expect(rural.answers[0]?.quote.text).toContain('Rural: 4');
    expect(rural.confidence).toBe('high');
  });
});

describe('a class of persons', () => {
  const report = [
    '# Forms and data 2023',
    '## Court forms',
    'Most form-related products within the civil legal system were designed with lawyers in mind as the intended user base.',
    '## The data portal',
    'The data portal has three target user groups: technologists, City employees, and residents.',
    '## Oversight',
    'The deputy county head has listened to reports on the portal 3 times and given instructions 10 times.',
    FILLER,
  ].join('\n\n');

  it('answers a "who" question asking for neither an office\'s holder nor a doer: a plural, not one office', async () => {
    const engine = engineWithDictionary(report, 'forms-2023.md');
    await expectTopQuote(engine, 'who were court forms originally designed for', 'with lawyers in mind', 'high');
    await expectTopQuote(engine, "who are the portal's target users", 'technologists, City employees', 'high');
    // One office is no class: "who is the county's portal overseer?" is not answered by the deputy county head.
    await expectTopQuote(engine, "who is the county's portal overseer?", 'The deputy county head', 'low');
  });
});

describe('a cause in the sentence after', () => {
  const report = [
    '# Secure Access 2016',
    '## The challenge',
    'One approach considered early in the project was to add a "PIN in the mail" step to the user registration process, in which the agency would mail an activation code to a taxpayer\'s physical address. The agency was not satisfied with this solution because it would not provide a better user experience than the default process, which takes 5-10 days and is slow for everyone who needs records in a hurry.',
    FILLER,
  ].join('\n\n');

  it('a "why" question is quoted on to the sentence giving the cause, past the length a quote grows to', async () => {
    const engine = engineWithDictionary(report, 'secure-2016.md');
    const answer = await engine.answer("why didn't they just mail people a PIN?");
    expect(answer.answers[0]?.quote.text).toContain('because it would not provide a better user experience');
  });
});

describe('a name in capitals no report spells out', () => {
  const report = [
    '# Procurement 2016',
    '## TechFAR',
    'USDS developed the TechFAR Handbook and the TechFAR Hub to advise agencies on flexible acquisition practices.',
    'The TechFAR is a handbook that describes relevant acquisition authorities and includes practice tips.',
    '## Training',
    'The Office of Federal Procurement Policy (OFPP) trained 30 contracting officers on the TechFAR Handbook.',
    FILLER,
  ].join('\n\n');

  it('is asked what it is, answered by its definition; an abbreviation spelled out is still asked what it stands for', async () => {
    const engine = engineWithDictionary(report, 'procurement-2016.md');
    await expectTopQuote(engine, 'what is the TechFAR', 'The TechFAR is a handbook', 'high');
    await expectTopQuote(engine, 'what is OFPP?', 'Office of Federal Procurement Policy (OFPP)', 'high');
  });
});
