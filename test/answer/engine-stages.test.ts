import { describe, expect, it } from 'vitest';
import { AnswerEngine, cleanQuestion } from '../../src/answer/engine.js';
import { chunkReport } from '../../src/corpus/chunk.js';
import { parseReport } from '../../src/corpus/parse.js';
import { CorpusIndex } from '../../src/search/corpus-index.js';
import { loadThesaurus } from '../../src/search/thesaurus.js';
import { chineseReaders, ensureGlossary } from '../../src/search/chinese.js';
import { engineWithDictionary } from '../helpers/engines.js';

const REPORT = `# Riverside County 2024 Report

## Libraries

In 2024 the county opened 4 new public libraries. Reading rooms stay open until midnight in the town centre.

## Books

The libraries lent 52000 books to readers across every township of the county.

## Notaries

The notary office handled 420 notaries for residents and companies in 2024.

## Roads

Nine kilometres of road were rebuilt before the rainy season.
`;

const engine = (): AnswerEngine => engineWithDictionary(REPORT, 'riverside-2024-report.md');

const quotes = async (e: AnswerEngine, q: string, limit = 3): Promise<string[]> =>
  (await e.answer(q, limit)).answers.map((a) => a.quote.text);

describe('the engine, stage by stage, on a small report', () => {
  const e = engine();

  it('is lexical without a model', () => {
    expect(e.mode).toBe('lexical');
  });

  it('a paragraph asked for by the ¶ of its citation is quoted, whatever its words', async () => {
    const a = await e.answer('what does ¶5 say?');
    expect(a.answers[0]?.quote.text).toContain('52000 books');
    expect(a.answers[0]?.citation.paragraph).toBe(5);
    expect(a.confidence).toBe('high');
    expect((await e.answer('¶5')).answers[0]?.citation.paragraph).toBe(5);
  });

  it('a two-part question gets each part’s best passage, the whole question’s first, none twice', async () => {
    const a = await e.answer('How many libraries were opened, and how many books were lent?');
    const texts = a.answers.map((x) => x.quote.text);
    expect(texts.some((t) => t.includes('4 new public libraries'))).toBe(true);
    expect(texts.some((t) => t.includes('52000 books'))).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
    expect(a.confidence).toBe('high');
    expect(a.nearestSections).toEqual([]);
  });

  it('a question word the report never uses matches its word family there: notarizations → notaries', async () => {
    const [top] = await quotes(e, 'How many notarizations were handled?');
    expect(top).toContain('420 notaries');
  });

  it('a question is read with figures written in characters as numerals: a year in characters is that year', async () => {
    expect(cleanQuestion(' 二〇二三年\u200b有多少件？ ')).toBe('2023年 有多少件？');
    expect(await quotes(e, 'How many libraries were opened in 二〇二四年?')).toEqual(
      await quotes(e, 'How many libraries were opened in 2024?'),
    );
  });

  it('a soft hyphen or a zero-width joiner inside a word leaves the word whole; a zero-width space still parts words', async () => {
    expect(cleanQuestion('How many li\u00adbrar\u200dies were\u200bopened?')).toBe('How many libraries were opened?');
    expect(await quotes(e, 'How many li\u00adbraries were opened in 2024?')).toEqual(
      await quotes(e, 'How many libraries were opened in 2024?'),
    );
  });

  it("a report's word with a soft hyphen in it (HTML's &shy;) is found by the word, and quoted as written", async () => {
    const soft = engineWithDictionary(
      REPORT.replace('kilometres', 'kilo\u00adme\u00adtres'),
      'riverside-2024-report.md',
    );
    const a = await soft.answer('How many kilometres?');
    expect(a.answers[0]?.quote.text).toBe('Nine kilo\u00adme\u00adtres of road were rebuilt before the rainy season.');
  });

  it('a web or e-mail address in a question is where the asker read or wants the answer, not words asked', async () => {
    const plain = await e.answer('how many books did the libraries lend?');
    for (const q of [
      'https://example.gov/riverside-2024.pdf how many books did the libraries lend?',
      'how many books did the libraries lend (see www.riverside.gov/report)? Write to me@example.com.',
    ]) {
      const a = await e.answer(q);
      expect(a.answers[0]?.quote.text).toBe(plain.answers[0]?.quote.text);
      expect(a.confidence).toBe(plain.confidence);
    }
    // A link alone asks nothing.
    expect((await e.answer('https://example.gov/riverside-2024.pdf')).notAQuestion).toBe('chatter');
  });

  it('"c-index" asks for the c-index, not the i-index: a letter joined by a hyphen is part of the word', async () => {
    const indices = engineWithDictionary(
      `# Access Assessment 2025\n\n## Method\n\nFirst, the team created an implementation index or i-index for every agency, weighing policy and testing.\n\nNext, the team created a conformance index or c-index to assess how well agencies met the standards.\n\n## Staff\n\nThe team grew to 40 people.\n`,
      'access-assessment-2025.md',
    );
    expect((await indices.answer('what is the c-index?')).answers[0]?.quote.text).toContain('c-index');
    expect((await indices.answer('what is the i-index?')).answers[0]?.quote.text).toContain('i-index');
  });

  it('a word with a ligature (ﬁ, ﬂ: as text copied from a PDF has them) is read as its letters', async () => {
    expect(cleanQuestion('How many ofﬁcials ﬂed the ﬀ?')).toBe('How many officials fled the ff?');
    expect(await quotes(e, 'How many libraries were opened in 2024 by the ofﬁce?')).toEqual(
      await quotes(e, 'How many libraries were opened in 2024 by the office?'),
    );
  });

  it("a question typed in full-width letters and digits (a Chinese keyboard's full-width mode) is read as the same question", async () => {
    expect(cleanQuestion('ｈｏｗ ｍａｎｙ ｌｉｂｒａｒｉｅｓ ｉｎ ２０２４？')).toBe('how many libraries in 2024？');
    // "How many" asks for a figure: the reading rooms' sentence has none, so it is no confident answer either way.
    const fullWidth = await e.answer('ｈｏｗ ｍａｎｙ ｒｅａｄｉｎｇ ｒｏｏｍｓ ａｒｅ ｔｈｅｒｅ？');
    const plain = await e.answer('how many reading rooms are there？');
    expect(plain.confidence).not.toBe('high');
    expect(fullWidth.answers.map((a) => a.quote.text)).toEqual(plain.answers.map((a) => a.quote.text));
    expect(fullWidth.confidence).toBe(plain.confidence);
  });

  it('a question in capitals throughout, or inside quotation marks or emphasis, is read as the same question', async () => {
    const asked = 'How many notarizations were handled?';
    const plain = await e.answer(asked);
    expect(plain.confidence).toBe('high');
    for (const message of [asked.toUpperCase(), `“${asked}”`, `**${asked}**`]) {
      const a = await e.answer(message);
      expect(a.answers.map((x) => x.quote.text)).toEqual(plain.answers.map((x) => x.quote.text));
      expect(a.confidence).toBe(plain.confidence);
    }
    // A name quoted inside stays quoted; a short message in capitals keeps them ("GDP?").
    expect(cleanQuestion('"one seal" and "three systems"')).toBe('"one seal" and "three systems"');
    expect(cleanQuestion('WHAT IS GDP?')).toBe('WHAT IS GDP?');
  });

  it('a question in traditional characters asks what the same question in simplified ones does', async () => {
    const index = new CorpusIndex();
    const r = parseReport(REPORT, 'riverside-2024-report.md');
    index.addReport(r, chunkReport(r));
    const zh = new AnswerEngine(index, { thesaurus: loadThesaurus(), ...chineseReaders(await ensureGlossary()) });
    const simplified = await zh.answer('2024年公证处办理了多少件公证？');
    expect(simplified.answers[0]?.quote.text).toContain('420 notaries');
    const traditional = await zh.answer('2024年公證處辦理了多少件公證？');
    expect(traditional.answers.map((a) => a.quote.text)).toEqual(simplified.answers.map((a) => a.quote.text));
    expect(traditional.confidence).toBe(simplified.confidence);
    // English words with Chinese grammar: 多少 asks "how many", and its characters are no words to look up.
    const mixed = await zh.answer('notaries 多少?');
    expect(mixed.abstained).toBe(false);
    expect(mixed.answers[0]?.quote.text).toContain('420 notaries');
    // Read before anything else: 謝謝 is 谢谢, thanks, not a question.
    expect((await zh.answer('謝謝！')).notAQuestion).toBe('chatter');
  });

  it('what an abbreviation stands for is answered where the report defines it, not where it is used most', async () => {
    const text = `# Riverside County 2024 Report

## Legal aid

OLA handled 60 cases.

OLA trained 12 mediators.

In 2019, after a long consultation with residents, lawyers, judges and the courts of the whole county, the county's Office of Legal Aid (OLA) opened its doors in the old town hall.

OLA reports to the county every month.
`;
    const aid = engineWithDictionary(text, 'riverside-2024-report.md');
    for (const question of ['What does OLA stand for?', 'what is OLA?', 'full name of OLA']) {
      const a = await aid.answer(question);
      expect(a.answers[0]?.quote.text, question).toContain('Office of Legal Aid (OLA)');
      expect(a.confidence, question).toBe('high');
    }
  });

  it('control and format characters in a question are spaces', async () => {
    expect(await quotes(e, 'How many\u0000 new\u200b libraries were opened?')).toEqual(
      await quotes(e, 'How many new libraries were opened?'),
    );
  });

  it('a refusal quotes nothing; a question of numbers alone names nothing to look up', async () => {
    const zoo = await e.answer('What is the budget of the zoo?');
    expect(zoo).toMatchObject({ abstained: true, answers: [] });
    expect(await e.answer('2024')).toMatchObject({ abstained: true, answers: [], nearestSections: [] });
  });

  it('scores are rounded to three places and the citation names the section path', async () => {
    const a = await e.answer('How many books were lent?');
    const top = a.answers[0]!;
    expect(Math.round(top.score * 1000) / 1000).toBe(top.score);
    expect(top.citation).toMatchObject({ reportId: 'riverside-2024-report', section: 'Books', paragraph: 5 });
  });

  it('other matches are other passages: at most `limit`, no quote inside another', async () => {
    const a = await e.answer('libraries books roads notaries', 2);
    expect(a.answers).toHaveLength(2);
    const [x, y] = a.answers;
    expect(x!.quote.start >= y!.quote.end || y!.quote.start >= x!.quote.end).toBe(true);
  });
});

const HARBOR = `# Harbor Agency 2024 Report

## Roles

Each office names a Section 508 Program Manager (PM) to lead the work. Staff time is measured in full-time equivalents (FTEs).

## Appointments

Twelve PMs were appointed in 2024, most of them part time.

## Staffing

Agencies reported 230 full-time equivalents across all offices.
`;

describe('abbreviations a report defines', () => {
  const e = engineWithDictionary(HARBOR, 'harbor-2024-report.md');

  it('a sentence written with the abbreviation also reads as its long form: "program managers" finds "PMs"', async () => {
    const [top] = await quotes(e, 'How many program managers were appointed?');
    expect(top).toContain('Twelve PMs were appointed');
  });
});

const PORTAL = `# Portal Service 2024 Report

## Who uses Notify

Health Canada uses GC Notify for recall notices and safety alerts.

Passport status checks are sent this way too.

## Partners

Service Canada joined the pilot in May. Service Canada runs passports.

## Forms

■ Canadian Armed Forces (CAF)

Mandated that Units replace their paid notification tool (Rave) with GC Notify.

The Canadian Armed Forces trained 40 staff.

## Staff

Each agency names a Section 508 Program Manager (PM). A Section 508 Program Manager leads the work.

Eight agencies had a full-time Section 508 PM in 2024.
`;

describe('a name however typed', () => {
  const e = engineWithDictionary(PORTAL, 'portal-2024-report.md');

  it('is the one a confident quote is about: "service canada" is not answered by Health Canada', async () => {
    const a = await e.answer('what does service canada use notify for?');
    expect(a.confidence).not.toBe('high');
    // Health Canada's passage ranks best by words, but fails the check: the runner-up naming Service Canada is shown first.
    expect(a.answers[0]?.quote.text).toContain('Service Canada joined');
    expect(a.answers.map((x) => x.quote.text).join(' ')).toContain('Health Canada');
  });

  it('is named by the label line a passage stands under', async () => {
    const a = await e.answer('which tool did the armed forces replace with notify?');
    expect(a.answers[0]?.quote.text).toContain('Rave');
    expect(a.confidence).toBe('high');
  });

  it('is named by the opening of the section a passage stands in', async () => {
    const feedback = engineWithDictionary(
      `# Portal Service 2024 Report\n\n## Who uses Notify\n\nHealth Canada uses GC Notify for recall notices. Service Canada runs passports.\n\n## Client feedback\n\nThe Service Canada Centre Feedback Questionnaire was launched in January.\n\n380 Responses a week on average\n\n## Staff\n\nThe team grew to 40 people.\n`,
      'portal-2024-report.md',
    );
    const a = await feedback.answer('how many responses does the service canada questionnaire get each week?');
    expect(a.answers[0]?.quote.text).toContain('380 Responses');
    expect(a.confidence).toBe('high');
  });

  it('is named by its abbreviation in the opening of the section a passage stands in', async () => {
    const centres = engineWithDictionary(
      `# Portal Service 2024 Report\n\n## Who uses Notify\n\nHealth Canada uses GC Notify for recall notices. Service Canada Centres (SCC) serve people in person.\n\n## Forms\n\nGC Forms published 399 forms.\n\nIt had 1,208 new accounts.\n\nDemos drew 931 people.\n\nThe design system has 30 components.\n\nNotify sent 137 million messages.\n\n## Client feedback\n\nThe questionnaire can be reached by QR code at Service Canada Centres (SCC).\n\n70% Waited a reasonable amount of time to receive service\n\n## Staff\n\nThe team grew to 40 people.\n`,
      'portal-2024-report.md',
    );
    const a = await centres.answer('did people wait a reasonable time at service canada centres?');
    expect(a.answers[0]?.quote.text).toContain('70% Waited');
    expect(a.confidence).toBe('high');
  });

  it('is named by the lead-in of the list a passage is an item of', async () => {
    const items = engineWithDictionary(
      `# Portal Service 2024 Report\n\n## Who uses Notify\n\nHealth Canada uses GC Notify for recall notices. The Department for Education (DfE) runs schools.\n\n## Other work\n\nWe also ran Sprint Alpha, an event to share what teams learned.\n\nOther departments are transforming services too. For example, DfE has a range of work underway, including:\n\n* improvements to the Academies and Free Schools Online Application, the process used for schools to convert to academy status, to make it simpler, shorter and less staff-intensive; an alpha will be released in October\n* replacing 9 disparate and inconsistent secure services used by the Education Funding Agency to exchange funding information with thousands of schools and 152 local education authorities\n* adopting a form builder tool for the 40 or so forms used by the department\n\n## Staff\n\nThe team grew to 40 people.\n\nHiring took six months.\n\nDfE lent us two designers.\n\nTwelve people left.\n\nA new office opened in May.\n\nTraining covered agile methods.\n\nThe budget was spent in full.\n\n## Notes\n\nThe website moved to a new host.\n\nUsers asked for a search box.\n\nThe helpdesk answered calls in June.\n\nA survey ran over the summer.\n\nDesigners drew new icons.\n\nThe blog published ten posts.\n\nSecurity reviews found no flaws.\n\nEngineers rebuilt the login page.\n\nWriters edited the guidance.\n\nManagers met every week.\n\nThe board approved the plan.\n\nResearchers visited five towns.\n\nThe Home Office sent 200 forms by post.\n`,
      'portal-2024-report.md',
    );
    const a = await items.answer('how many forms does dfe use');
    expect(a.answers[0]?.quote.text).toContain('40 or so forms');
    expect(a.confidence).toBe('high');
  });

  it('is named by the abbreviation of its last words: "508 program manager" by "Section 508 PM"', async () => {
    const a = await e.answer('how many agencies had a full-time 508 program manager?');
    expect(a.answers[0]?.quote.text).toContain('Eight agencies');
    expect(a.confidence).toBe('high');
  });
});

describe('a fiscal year written short, in a report or a question, is its year', () => {
  const fiscal = engineWithDictionary(
    `# Digital Service Annual Report (Fiscal Year 2023-2024)\n\n## Budget\n\nWith these costs deducted, the total operating budget for FY2023-2024 was $19,574,746 with actual expenditures of $19,304,489.\n\n## Trust\n\nSince the relaunch of the portal, overall trust score has risen from 70.4% in FY18 to 79.3% at the end of FY23.\n\n## Engagements\n\n49 engagements in FY 2023 including rapid response and agency transformation.\n\n## Staff\n\nThe team grew to 40 people.\n`,
    'digital-service-annual-report-2023-24.md',
  );
  const first = async (q: string): Promise<[string | undefined, string | undefined]> => {
    const a = await fiscal.answer(q);
    return [a.answers[0]?.quote.text, a.confidence];
  };

  it('"in FY18" answers a question about 2018; 2020, which it does not name, is no confident answer', async () => {
    expect(await first('what was the trust score in 2018?')).toEqual([expect.stringContaining('70.4%'), 'high']);
    expect((await first('what was the trust score in 2020?'))[1]).not.toBe('high');
  });

  it('"FY2023" in a question is the fiscal year, not an unknown name; "2023-24" asks of both years', async () => {
    expect(await first('how many engagements were there in FY2023?')).toEqual([
      expect.stringContaining('49 engagements'),
      'high',
    ]);
    // …and a date between what is measured and its sum does not part them ("budget for FY2023-2024 was $…").
    expect(await first('what was the operating budget in FY 2023-24?')).toEqual([
      expect.stringContaining('$19,574,746'),
      'high',
    ]);
    expect((await first('what was the operating budget in FY 2019-20?'))[1]).not.toBe('high');
  });

  it('"FY2024" asks of 2024 in a report that never writes "FY", as "in 2024" does', async () => {
    const riverside = engine();
    const plain = await riverside.answer('How many books did the libraries lend in 2024?');
    const fiscal = await riverside.answer('How many books did the libraries lend in FY2024?');
    expect(fiscal.answers[0]?.quote.text).toBe(plain.answers[0]?.quote.text);
    expect([fiscal.confidence, plain.confidence]).toEqual(['high', 'high']);
  });
});

describe('a site a question names', () => {
  const portal = engineWithDictionary(
    `# Portal Service 2024 Report

## Sites

One million more customers a week log into SSA.gov since its relaunch.

VA.gov has 19 million monthly users.
`,
    'portal-2024-report.md',
  );

  it('is a name the reports must write, as written: login.gov is not SSA.gov', async () => {
    const ssa = await portal.answer('how many customers log into ssa.gov each week?');
    expect([ssa.answers[0]?.quote.text, ssa.confidence]).toEqual([expect.stringContaining('SSA.gov'), 'high']);
    const login = await portal.answer('how many customers log into login.gov each week?');
    expect(login.confidence).not.toBe('high');
  });
});

describe('who heads the body a report is signed for', () => {
  const text = `U.S. Digital Service 2024 Impact Report

1. A note from our Administrator
Since the U.S. Digital Service (USDS) was founded in 2014, we have helped agencies deliver better services.
Our work has spanned 31 agencies and over one hundred programs across the United States.
Sincerely,
Mina Hsiang
Administrator, The U.S. Digital Service

2. Projects
${Array.from({ length: 60 }, (_, i) => `USDS worked with ${i + 2} state offices on a number of digital services.`).join('\n')}
`;

  it('is answered by its signature where the signature names the body asked about, in any language', async () => {
    const engine = engineWithDictionary(text, 'usds-2024-impact-report.txt', chineseReaders(await ensureGlossary()));
    const answer = await engine.answer('美国数字服务局的负责人是谁？');
    expect(answer.answers[0]?.quote.text).toContain('Mina Hsiang');
  });
});

describe('who leads a body the report says was set up', () => {
  const text = `Secure Access Report 2016

1. The Process
The agency created the Identity Assurance Office, led by a senior agency executive with experience in business and technology.

2. Projects
${Array.from({ length: 40 }, (_, i) => `The agency tested ${i + 2} sign-in flows with taxpayers in the project.`).join('\n')}
`;

  it('is the one its "led by" phrase gives, though no name', async () => {
    const engine = engineWithDictionary(text, 'secure-access-2016.txt');
    const answer = await engine.answer('who leads the identity assurance office?');
    expect(answer.answers[0]?.quote.text).toContain('led by a senior agency executive');
    expect(answer.confidence).toBe('high');
  });
});

describe('who heads the issuer of a report', () => {
  const text = `FY 2025 Accessibility Assessment
Issued by: U.S. General Services Administration (GSA), with OMB

1. Letter
This assessment builds on previous reports across federal agencies.
Respectfully submitted,
Edward C. Forst
Administrator

2. Agencies
${Array.from({ length: 40 }, (_, i) => `Agency ${i + 1} sent its data to the General Services Administration (GSA) on time.`).join('\n')}
General Services Administration (GSA)
`;

  it('is its signatory, not the issuer named again', async () => {
    const engine = engineWithDictionary(text, 'gsa-2025-assessment.txt');
    for (const question of ['who leads gsa?', 'who is the head of gsa']) {
      const answer = await engine.answer(question);
      expect(answer.answers[0]?.quote.text).toContain('Edward C. Forst');
    }
    // Another body the issuer line names is not its head's.
    expect((await engine.answer('who leads omb?')).answers[0]?.quote.text ?? '').not.toContain('Edward C. Forst');
  });
});
