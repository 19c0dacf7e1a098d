import { describe, expect, it } from 'vitest';
import { htmlToReportText } from '../../src/corpus/formats/html.js';
import { HTML_PAGE as PAGE } from '../helpers/documents.js';

describe('HTML as report text', () => {
  it('HTML: the main content only, headings as the section path', () => {
    const text = htmlToReportText(PAGE);
    expect(
      text.startsWith('# Riverside County 2024 Water Report\n\n## 1. Drinking water\n\nIn 2024 the county tested 1200'),
    ).toBe(true);
    expect(text).not.toMatch(/Home|Copyright|Contact/);
  });

  it('HTML: a <title> the <h1> repeats stays the title (Readability drops that <h1>); the fullest of <h1>, og:title and <title> wins', () => {
    const same = PAGE.replace(
      '<title>Water report - Riverside Government</title>',
      '<title>Riverside County 2024 Water Report</title>',
    );
    expect(htmlToReportText(same).startsWith('# Riverside County 2024 Water Report\n\n## 1. Drinking water\n\n')).toBe(
      true,
    );
    const og = PAGE.replace('<h1>Riverside County 2024 Water Report</h1>', '').replace(
      '<head>',
      '<head><meta property="og:title" content="Riverside County Annual Water Quality Report 2024">',
    );
    expect(
      htmlToReportText(og).startsWith('# Riverside County Annual Water Quality Report 2024\n\n## 1. Drinking water'),
    ).toBe(true);
  });

  it('a document that is all content (a converted Word file): its blocks as they are, its first heading the title', () => {
    const doc = `<html><body><nav>Skip me</nav><h2>Library Report</h2>
<h3>Results</h3><p>Four   new
 libraries.</p><ul><li>Books: 52000</li><li><p>Nested</p><p>blocks</p></li></ul>
<table><tr><th>Town</th><th>Rooms</th></tr><tr><td>North</td><td></td><td>3</td></tr></table>
<div>Loose text<br>on two lines</div><script>var x = 1;</script><style>p {}</style>
<h5>Deep</h5><blockquote>Quoted.</blockquote><pre>kept</pre><dl><dt>Term</dt><dd>Meaning</dd></dl>
<figure><figcaption>Figure 1: Rooms</figcaption></figure><address>Town hall</address></body></html>`;
    expect(htmlToReportText(doc, false)).toBe(
      [
        '# Library Report',
        '## Results',
        'Four new libraries.',
        'Books: 52000',
        'Nested',
        'blocks',
        'Town | Rooms',
        'North | 3',
        'Loose text on two lines',
        '#### Deep',
        'Quoted.',
        'kept',
        'Term',
        'Meaning',
        'Figure 1: Rooms',
        'Town hall',
      ].join('\n\n') + '\n',
    );
  });

  it('without a heading first there is no title; heading levels shift so the highest below the title is ##', () => {
    expect(htmlToReportText('<html><body><p>Only text.</p><h4>Later</h4><h6>Deeper</h6></body></html>', false)).toBe(
      'Only text.\n\n## Later\n\n#### Deeper\n',
    );
    expect(htmlToReportText('<html><body></body></html>', false)).toBe('\n');
  });

  it("a page's title without its site's name, the longest part of it", () => {
    const page = `<html><head><title>Budget 2024 | County Site</title></head><body><header>Menu</header>
<p>Short.</p><aside>Ads</aside><footer>Footer</footer></body></html>`;
    const text = htmlToReportText(page);
    expect(text.startsWith('# Budget 2024\n\n')).toBe(true);
    expect(text).toContain('Short.');
    expect(text).not.toMatch(/Ads|Footer|County Site/);
  });
});
