import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { markdownReaderText } from '../../src/corpus/formats/markdown.js';
import { GSA_FILES } from '../helpers/fixtures.js';
import { parseReport } from '../../src/corpus/parse.js';
import { introOf } from '../../src/corpus/lists.js';

describe('markdownReaderText: a Markdown report as its reader sees it', () => {
  it('reads a link as its words and drops pictures, tags and comments', () => {
    expect(
      markdownReaderText(
        'continued work on all [25 exemplar services](https://www.gov.uk/transformation); by the end of September',
      ),
    ).toBe('continued work on all 25 exemplar services; by the end of September');
    expect(markdownReaderText('see [the page](https://x.org/a_(b) "Title") and ![chart](c.png)<!-- todo -->')).toBe(
      'see the page and ',
    );
    expect(markdownReaderText('<div class="pull-right">\n  The strategy was published.\n</div>')).toBe(
      '  The strategy was published.',
    );
    expect(markdownReaderText('[GDS has helped by](http://x.gov.uk/#action-04):')).toBe('GDS has helped by:');
    // A site generator's Liquid tags and a span's attribute list are never shown (Federal Data Strategy pages).
    expect(
      markdownReaderText(
        '[Back to the plan]({{ site.baseurl }}/2021/action-plan/)\n\n[Download a PDF](x.pdf){: .usa-button}',
      ),
    ).toBe('\n\n');
    expect(
      markdownReaderText('![10 Year Vision]({{ site.baseurl }}/img/v.png "10 Year Vision")\nText {% include a.html %}'),
    ).toBe('Text ');
  });

  it('reads a link whose file address holds spaces as its words, as kramdown renders it (MinLaw speeches)', () => {
    expect(
      markdownReaderText(
        'See the [Annex: Survey (0.07MB)](/files/2016/04/Annex - Survey of legal system.pdf) for more.\n',
      ),
    ).toBe('See the Annex: Survey (0.07MB) for more.\n');
    // Words in brackets and then in parentheses are no link.
    expect(markdownReaderText('[sic] (see the appendix)\n')).toBe('[sic] (see the appendix)\n');
  });

  it("drops a paragraph of links only, the page's navigation (Federal Data Strategy pages, VA research reports)", () => {
    expect(markdownReaderText('Intro.\n\n[< Back to main page](/plan/)\n\nText with [a link](/x) in it.')).toBe(
      'Intro.\n\n\n\nText with a link in it.',
    );
    expect(
      markdownReaderText('[Key findings](#key-findings)\n[Methodology](#methodology)\n\n## [Agency Actions](/a/)'),
    ).toBe('\n\n\n## Agency Actions');
    expect(markdownReaderText('* [Research plan](plan.md)\n* [Notes](notes.md)')).toBe('* Research plan\n* Notes');
    // …in HTML too (the Federal Data Strategy's progress page), while a link inside a sentence reads as its words.
    expect(
      markdownReaderText(
        '\t<p><a href="#q1">Jump to Quarter 1</a><br>\n\t\t<a href="#q2">Jump to Quarter 2</a></p>\n\t \n(Click <a href="#more">here</a> to learn more.)',
      ),
    ).toBe('\n\n\t \n(Click here to learn more.)');
  });

  it('parts a link or strong emphasis from a word it touches, as the exported page lost its spaces (Treasury ERA page)', () => {
    const page = [
      '- **Guidance:**OMB published the 2025 Compliance Supplement.',
      '- **Reporting:  **On November 19, 2025, Treasury released data; 2 ** 3 stays.',
      'Treasury released the[February ERA report](https://x.gov/a.xlsx).[Treasury Announces $30 Billion](https://x.gov/b) and the[“Standard Closeout” Checklist](https://x.gov/c)',
      'to support[housing stability](https://x.gov/c.pdf)throughout the pandemic; Treasury**updated**the list.',
      "See [GOV.UK](https://x.gov)'s page ([FAQs](https://x.gov/f)), [ID.me](https://i.me)or [Login.gov](https://l.gov).",
    ].join('\n');
    expect(markdownReaderText(page).split('\n')).toEqual([
      '- Guidance: OMB published the 2025 Compliance Supplement.',
      '- Reporting: On November 19, 2025, Treasury released data; 2 ** 3 stays.',
      'Treasury released the February ERA report. Treasury Announces $30 Billion and the “Standard Closeout” Checklist',
      'to support housing stability throughout the pandemic; Treasury updated the list.',
      "See GOV.UK's page (FAQs), ID.me or Login.gov.",
    ]);
  });

  it("drops a footnote's reference in kramdown's HTML, a raised number (Federal Data Strategy progress page)", () => {
    const page =
      'The number of agencies<sup id="fnref:1"><a href="#fn:1" class="footnote">1</a></sup> that published is: 33\n';
    expect(markdownReaderText(page)).toBe('The number of agencies that published is: 33\n');
    expect(markdownReaderText('An area of 5 km<sup>2</sup>.')).toBe('An area of 5 km2.');
  });

  it('reads reference links, autolinks and definitions, and leaves footnotes to the parser', () => {
    expect(
      markdownReaderText('the [framework][fw] and <https://gov.uk/x>\n\n[fw]: https://gov.uk/fw "Framework"\n'),
    ).toBe('the framework and https://gov.uk/x\n\n\n');
    expect(markdownReaderText('[^1]: Source: the survey.')).toBe('[^1]: Source: the survey.');
    // A footnote's reference is a raised number, not words of the sentence.
    expect(markdownReaderText('as the 2020 Action Plan.[^2] In 2020, the priorities[^1] delayed it')).toBe(
      'as the 2020 Action Plan. In 2020, the priorities delayed it',
    );
    expect(markdownReaderText('> We will deliver.\n> > Nested.\n\n3 > 2')).toBe('We will deliver.\nNested.\n\n3 > 2');
    expect(markdownReaderText('>1 to 2 | Low\n>137M notifications')).toBe('>1 to 2 | Low\n>137M notifications');
  });

  it('drops emphasis, code and escape marks, but not a bullet, a footnote star or an underscore in a word', () => {
    expect(markdownReaderText('**Capability** and _leadership_, `npm test`, 5\\*3')).toBe(
      'Capability and leadership, npm test, 5*3',
    );
    expect(markdownReaderText('* item one\n* item *two*')).toBe('* item one\n* item two');
    expect(markdownReaderText('Public Web Pages | 47* | 13* | 37%')).toBe('Public Web Pages | 47* | 13* | 37%');
    expect(markdownReaderText('snake_case_name and a < b, 3 <5%')).toBe('snake_case_name and a < b, 3 <5%');
  });

  it("reads a heading written without its space as a heading, and drops kramdown's attribute lists", () => {
    expect(markdownReaderText('####Digital inclusion\n\n![x](y.jpg)\n{: .pull-right}\n\n#GovTech is trending')).toBe(
      '#### Digital inclusion\n\n\n\n#GovTech is trending',
    );
    // A site's own block markers (the UK's 2012 Digital Efficiency Report): a pull quote's, a page break's.
    expect(markdownReaderText('£1.2 billion of savings.\n{pull}\n\n{page-break}\n{: .fig #fig-12}\n')).toBe(
      '£1.2 billion of savings.\n\n\n\n\n',
    );
    expect(markdownReaderText('a set {like} this')).toBe('a set {like} this');
    expect(markdownReaderText('Action 01\n\n{include action01-case-study.md}\n\n- leaders')).toBe(
      'Action 01\n\n\n\n- leaders',
    );
  });

  it('reads a link whose words run over a line break as its words, not over a blank line', () => {
    expect(
      markdownReaderText('will cost [less than 5% than the equivalent face-to-face\ninteraction](http://x.no/a.pdf).'),
    ).toBe('will cost less than 5% than the equivalent face-to-face\ninteraction.');
    expect(markdownReaderText('[a\n\nb](c)')).toBe('[a\n\nb](c)');
  });

  it('keeps every line of text where it was (the parser reads headings and blocks by line)', () => {
    const md = '# Title\n\n## [Part](#p)\n\nText with [a link](u).\n';
    expect(markdownReaderText(md).split('\n')).toHaveLength(md.split('\n').length);
  });

  it('reads an HTML block as its page shows it: a heading, entities as characters, a figure over its label', () => {
    expect(markdownReaderText('<h3 class="x">Impact</h3>\n\n<h2>Two</h2> words')).toBe('### Impact\n\nTwo words');
    expect(markdownReaderText('16% &rarr; 99.8% since Oct.&nbsp;1; R&D &amp; AT&T, &notanentity;')).toBe(
      '16% → 99.8% since Oct.\u00a01; R&D & AT&T, &notanentity;',
    );
    const card =
      '<div class="margin-bottom-3">\n\t<div>\n\t\t<span class="big">129</span>\n    </div>\n    <div>Organizations requested API access</div>\n</div>\n\n<div>\n  <div>22</div>\n</div>';
    const read = markdownReaderText(card);
    expect(read).toBe('\t\t129\n    Organizations requested API access\n\n  22');
    const r = parseReport(`### Impact\n\n${read}`, 'x.md');
    expect(r.paragraphs.map((p) => r.text.slice(p.start, p.end))).toEqual([
      'Impact',
      '129\n    Organizations requested API access',
      '22',
    ]);
  });

  it("reads a box's HTML paragraphs and list items apart, as its page shows them (10x's FY23 impact report)", () => {
    const story =
      '<aside class="testimonial-text">\n    <h3 id="c">Carey\'s Story</h3>\n    <p class="text-italic">I submitted the idea.</p>\n    <p class="text-italic">So I jotted my idea down, and hit submit.</p>\n    <p class="text-italic">Carey Johnston, EPA</p>\n</aside>';
    const r = parseReport(markdownReaderText(story), 'x.md');
    expect(r.paragraphs.map((p) => r.text.slice(p.start, p.end))).toEqual([
      "Carey's Story",
      'I submitted the idea.',
      'So I jotted my idea down, and hit submit.',
      'Carey Johnston, EPA',
    ]);
    const card =
      '<aside>\n  <span class="hilighted-text"><span class="text-bold">FY23</span></span>\n  <ul>\n    <li><span class="text-bold">18</span> projects</li>\n    <li><span class="text-bold">40</span> phase kickoffs</li>\n  </ul>\n</aside>';
    const c = parseReport(markdownReaderText(card), 'x.md');
    expect(c.paragraphs.map((p) => c.text.slice(p.start, p.end))).toEqual(['FY23', '18 projects', '40 phase kickoffs']);
    // An item's mark is the browser's, never the page's text: a quote over a lead-in and its items holds no "-".
    const survey =
      '<ol start="3">\n<li>In a recent survey, members will see:\n\n<ol style="list-style-type: lower-alpha">\n<li>92% of Singaporeans stated they had trust;</li>\n<li>62% agreed that our legal system is affordable. </li>\n</ol>\n</li>\n</ol>\n';
    const s = parseReport(markdownReaderText(survey), 'x.md');
    expect(s.paragraphs.map((p) => s.text.slice(p.start, p.end))).toEqual([
      'In a recent survey, members will see:',
      '92% of Singaporeans stated they had trust;',
      '62% agreed that our legal system is affordable.',
    ]);
    expect(s.text.slice(s.paragraphs[0]!.start, s.paragraphs[2]!.end)).not.toMatch(/-/);
    // A paragraph that goes on over lines stays one, with its own line breaks.
    expect(markdownReaderText('<p>One\ntwo.</p>')).toBe('<p>One\ntwo.</p>'.replace(/<\/?p>/g, ''));
  });

  it('reads a line set wholly in emphasis, or a one-item bold list, as a heading (MinLaw speeches); not a label or a sentence', () => {
    const md =
      '**A Growing the Legal Industry**\n\n8. First on growing.\n\n***Promotion of Singapore Law***\n\n<u>International Mediation</u>\n\n' +
      '<ol start="2" style="list-style-type: upper-alpha; font-weight:bold;">\n<li>Family Justice</li>\n</ol>\n\n**Note:**\n\n**We did it.**\n';
    const r = parseReport(markdownReaderText(md), 'speech.md');
    expect(r.paragraphs.filter((p) => p.role === 'heading').map((p) => r.text.slice(p.start, p.end))).toEqual([
      'A Growing the Legal Industry',
      'Promotion of Singapore Law',
      'International Mediation',
      'Family Justice',
    ]);
    expect(r.paragraphs.find((p) => r.text.slice(p.start, p.end) === '8. First on growing.')!.section).toEqual([
      'A Growing the Legal Industry',
    ]);
    expect(markdownReaderText('**Note:**\n\n**We did it.**\n')).toBe('Note:\n\nWe did it.\n');
  });

  it("turns a site generator's front matter into the header lines a reader is told, the rest dropped", () => {
    const md =
      '---\ntitle: "Annual Performance Report 2023"\npermalink: /apr/\ndate: 2024-02-01\nlead: >\n  A summary.\n---\n\n# Annual Performance Report 2023\n';
    expect(markdownReaderText(md)).toBe(
      'Title: Annual Performance Report 2023\n\nDate: 2024-02-01\n\n\n# Annual Performance Report 2023\n',
    );
    expect(markdownReaderText('Intro\n---\nnot: front matter\n---\n')).toBe('Intro\n---\nnot: front matter\n---\n');
  });

  it('reads a pipe table as rows of cells, each its own paragraph, without its delimiter row', () => {
    const md =
      'Intro.\n\n| **Success Criteria** | **Status** |\n| --- | :---: |\n| Engage hackers. | Complete. 1,400 Participants |\n| Cost | $150,000. <br /><br />DoD estimates $1M. |\n\nAfter.\n';
    expect(markdownReaderText(md)).toBe(
      'Intro.\n\nSuccess Criteria | Status\n\nEngage hackers. | Complete. 1,400 Participants\n\nCost | $150,000. DoD estimates $1M.\n\n\nAfter.\n',
    );
    // A line with a pipe but no delimiter row under it is text.
    expect(markdownReaderText('a | b\nc | d\n')).toBe('a | b\nc | d\n');
    // A delimiter row's cells may have one hyphen where pipes set them apart (VA.gov research findings: "| :- | :--- |").
    expect(markdownReaderText('| Task # | Success rate |\n| :- | :--- |\n| 3 | 70% |\n')).toBe(
      'Task # | Success rate\n\n3 | 70%\n\n',
    );
    expect(markdownReaderText('a | b\n-\nx')).toBe('a | b\n-\nx'); // a lone hyphen under it is no delimiter row
    // Rows ruled off in groups (the UK's 2012 Digital Efficiency Report): a rule between rows is no row.
    expect(markdownReaderText('Dept | £m\n--- | ---\nDWP - upper | 430\n--- | ---\nBIS - upper | 350\n')).toBe(
      'Dept | £m\n\nDWP - upper | 430\n\n\n\nBIS - upper | 350\n\n',
    );
  });

  it('reads an HTML table as a pipe table: each row a paragraph of its cells, the header row first (10x FY21 report)', () => {
    const md = [
      'Funding:',
      '<div class="ReportTable">',
      '  <table class="usa-table">',
      '    <tr>',
      '      <th scope="col">Phase</th>',
      '      <th scope="col"># of Projects</th>',
      '    </tr>',
      '    <tbody>',
      '      <tr>',
      '        <td>Phase Two</td>',
      '        <td><span class="text-bold">13</span></td>',
      '      </tr>',
      '    </tbody>',
      '  </table>',
      '</div>',
      'After.',
    ].join('\n');
    const paragraphs = markdownReaderText(md)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    expect(paragraphs).toEqual(['Funding:', 'Phase | # of Projects', 'Phase Two | 13', 'After.']);
  });

  it('leaves a report with no markup as it is (the GSA assessment: its ">1 to 2 | Low" rows, its "47*" stars)', () => {
    const gsa = readFileSync(GSA_FILES[0]!, 'utf8');
    expect(markdownReaderText(gsa)).toBe(gsa);
  });

  it('gives the parser a site page it reads as its reader does: sections, items, rows, no marks', () => {
    const page = [
      '---',
      'title: Hiring Top Talent',
      'permalink: /report/hiring/',
      '---',
      '####The Challenge',
      '',
      'Hiring has been **hard** for [several reasons](https://example.gov/why):',
      '',
      '* it is difficult to attract applicants',
      '* the candidate experience is slow',
      '',
      '![chart](chart.png)',
      '{: .pull-right}',
      '',
      '### Results',
      '',
      '| **Criterion** | **Status** |',
      '| --- | --- |',
      '| Hire 200 experts | 196 hired as of September 2016. |',
      '| Days to offer = 15 | Time reduced from 55 days to 34 days. |',
      '',
    ].join('\n');
    const text = markdownReaderText(page);
    const r = parseReport(text, 'hiring.md');
    const of = (n: number): string => text.slice(r.paragraphs[n - 1]!.start, r.paragraphs[n - 1]!.end);
    const all = r.paragraphs.map((p) => of(p.n));
    expect(r.meta.title).toBe('Hiring Top Talent');
    expect(r.paragraphs.filter((p) => p.role === 'heading').map((p) => of(p.n))).toEqual(['The Challenge', 'Results']);
    expect(all.join('\n')).not.toMatch(/\]\(|\*\*|\{:|<|---/);
    const item = all.indexOf('the candidate experience is slow') + 1;
    expect(introOf(r, item)).toBe(all.indexOf('Hiring has been hard for several reasons:') + 1);
    const row = all.indexOf('Days to offer = 15 | Time reduced from 55 days to 34 days.') + 1;
    expect(introOf(r, row)).toBe(all.indexOf('Criterion | Status') + 1);
    expect(r.paragraphs[row - 1]!.section).toEqual(['Results']);
  });
});
