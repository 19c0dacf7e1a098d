import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import { toJson } from '../../src/answer/format.js';
import { ingest } from '../../src/ingest.js';
import { FetchError, guardedFetch, isPrivateAddress } from '../../src/notices/fetch-guard.js';
import { kindOf, parseSourceList, pollOrder, pollSources } from '../../src/notices/sources.js';
import { SubscriptionStore } from '../../src/notices/store.js';
import { IndexStore } from '../../src/search/store.js';
import { loadIndex } from '../../src/search/load-index.js';
import { makeDocx, makePdf } from '../helpers/documents.js';
import { REPO, tempDir } from '../helpers/fixtures.js';
import { listingPage, Publisher, rssFeed } from '../helpers/publisher.js';

const HTML_REPORT = `<!doctype html><html><head><title>Riverside</title></head><body><nav><a href="/">Home</a></nav><article>
<h1>Riverside County 2024 Water Report</h1><h2>1. Drinking water</h2>
<p>In 2024 the county tested 1200 drinking water samples, and 99% met the national standard. Work went on through the year in every township.</p>
<p>Two new treatment plants opened in spring, serving 40000 residents in the northern villages and in the town centre.</p></article></body></html>`;

describe('source list and content kinds', () => {
  it('reads one source a line, with an optional link pattern and comments; names bad lines', () => {
    const { sources, errors } = parseSourceList(
      '# ours\nhttps://gov.example/reports/ \\.pdf$   # the PDFs\n\nhttps://gov.example/feed.xml\nftp://x/y\n',
    );
    expect(sources.map((s) => [s.url, s.pattern?.source])).toEqual([
      ['https://gov.example/reports/', '\\.pdf$'],
      ['https://gov.example/feed.xml', undefined],
    ]);
    expect(errors).toEqual(['line 5: only http and https URLs']);
  });

  it('tells reports, pages and feeds apart by type, name or first bytes', () => {
    expect(kindOf('application/pdf', 'http://h/x', Buffer.from(''))).toBe('pdf');
    expect(kindOf('application/octet-stream', 'http://h/x', Buffer.from('%PDF-1.4'))).toBe('pdf');
    expect(kindOf('application/octet-stream', 'http://h/r.docx', Buffer.from('PK'))).toBe('docx');
    expect(kindOf('text/xml', 'http://h/f', Buffer.from('<rss>'))).toBe('feed');
    expect(kindOf('text/html; charset=utf-8', 'http://h/', Buffer.from('<!doctype html>'))).toBe('html');
    expect(kindOf('image/png', 'http://h/x.png', Buffer.from('\x89PNG'))).toBeUndefined();
  });

  it('knows private addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    // IPv4 inside IPv6 in every spelling, and the rest of IANA's special-purpose ranges.
    for (const a of [
      '::ffff:7f00:1',
      '[::ffff:7f00:1]',
      '64:ff9b::7f00:1',
      '2002:7f00:1::',
      '::ffff:0:a01:203',
      'fe80::1',
      'fe9f::1',
      'ff02::1',
      '198.18.0.1',
      '198.19.255.255',
      '2001:db8::1',
      '192.0.2.5',
      'not-an-address',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '172.32.0.1', '198.20.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe('fetching from sources', () => {
  let site: Publisher;
  beforeAll(async () => {
    site = await Publisher.start();
  });
  afterAll(() => site.stop());
  const limits = (over: object = {}) => ({
    hosts: new Set(['127.0.0.1']),
    allowPrivate: true,
    maxBytes: 1 << 20,
    timeoutMs: 5000,
    ...over,
  });

  it('refuses loopback without SOURCES_ALLOW_PRIVATE, other hosts, redirects away, and oversized bodies', async () => {
    site.set('/r.html', HTML_REPORT, 'text/html');
    const before = site.requests.length;
    await expect(guardedFetch(`${site.origin}/r.html`, limits({ allowPrivate: false }))).rejects.toThrow(
      /private or loopback address/,
    );
    expect(site.requests.length).toBe(before); // refused before any request
    // An IPv4-mapped IPv6 literal of loopback, and a name resolving to loopback: checked where the connection is made.
    const port = new URL(site.origin).port;
    await expect(
      guardedFetch(
        `http://[::ffff:127.0.0.1]:${port}/r.html`,
        limits({ allowPrivate: false, hosts: new Set(['[::ffff:7f00:1]']) }),
      ),
    ).rejects.toThrow(/private or loopback address/);
    await expect(
      guardedFetch(`http://localhost:${port}/r.html`, limits({ allowPrivate: false, hosts: new Set(['localhost']) })),
    ).rejects.toThrow(/private or loopback address/);
    expect(site.requests.length).toBe(before);
    await expect(guardedFetch('http://example.invalid/x', limits())).rejects.toThrow(/not one of the sources' hosts/);
    site.redirects.set('/away', `http://localhost:${new URL(site.origin).port}/r.html`);
    await expect(guardedFetch(`${site.origin}/away`, limits())).rejects.toThrow(
      /host localhost is not one of the sources' hosts/,
    );
    site.set('/big.pdf', Buffer.alloc(2 << 20, 0x41), 'application/pdf');
    await expect(guardedFetch(`${site.origin}/big.pdf`, limits())).rejects.toBeInstanceOf(FetchError);
    site.set('/stalled.pdf', Buffer.alloc(4096, 0x41), 'application/pdf');
    site.stalls.add('/stalled.pdf');
    await expect(guardedFetch(`${site.origin}/stalled.pdf`, limits({ timeoutMs: 300 }))).rejects.toThrow(
      `${site.origin}/stalled.pdf: the body stopped after 10 bytes`,
    );
    site.redirects.set('/moved', '/r.html');
    expect(await guardedFetch(`${site.origin}/moved`, limits())).toMatchObject({
      status: 'ok',
      url: `${site.origin}/r.html`,
    });
  });

  it('a listing page, a feed and a direct report: new reports downloaded with their URL, conditional polls after, a changed one refreshed, a bad one skipped', async () => {
    const corpusDir = tempDir();
    const store = await SubscriptionStore.openFile(join(tempDir(), 'subscriptions.db'));
    site.set(
      '/reports/',
      listingPage(['/reports/water.html', '/reports/library.pdf', '/reports/broken.pdf', '/news/today.html']),
      'text/html',
    );
    site.set('/reports/water.html', HTML_REPORT, 'text/html');
    site.set(
      '/reports/library.pdf',
      makePdf([
        [
          'Hill County 2024 Library Report',
          '1. Libraries',
          'In 2024 the county opened 4 new public libraries and lent 52000 books.',
        ],
      ]),
      'application/pdf',
    );
    site.set('/feed.xml', rssFeed([`${site.origin}/docs/roads.docx`]), 'application/rss+xml');
    site.set(
      '/docs/roads.docx',
      makeDocx([
        '# Vale County 2024 Roads Report',
        '## 1. Roads',
        'The county paved 120 kilometres of village roads in 2024.',
      ]),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const sources = parseSourceList(
      `${site.origin}/reports/ /reports/.*\\.(html|pdf)$\n${site.origin}/feed.xml\n${site.origin}/direct.pdf\n`,
    ).sources;
    site.set(
      '/direct.pdf',
      makePdf([['Dale County 2024 Parks Report', '1. Parks', 'Six new parks opened in 2024 with 300 new trees.']]),
      'application/pdf',
    );
    const options = { corpusDir, store, allowPrivate: true, intervalMs: 60_000, perHostGapMs: 0 };
    const first = await pollSources(sources, options);
    expect(first.map((r) => [r.found, r.downloaded.length, r.error])).toEqual([
      [3, 2, undefined], // the news page does not match; broken.pdf is a 404, skipped alone
      [1, 1, undefined],
      [1, 1, undefined],
    ]);
    const files = readdirSync(corpusDir).sort();
    expect(files.filter((f) => !f.endsWith('.meta.json'))).toHaveLength(4);
    const pdf = files.find((f) => f.includes('library') && f.endsWith('.pdf'))!;
    expect(JSON.parse(readFileSync(join(corpusDir, pdf.replace(/\.pdf$/, '.meta.json')), 'utf8'))).toEqual({
      url: `${site.origin}/reports/library.pdf`,
    });

    // Indexed like any report; the answer links to the original.
    const dataDir = tempDir();
    await ingest({ corpusDir, dataDir });
    const engine = new AnswerEngine(loadIndex(new IndexStore(dataDir))!.index);
    const roads = await engine.answer('How many kilometres of village roads were paved?', 1);
    expect(roads.answers[0]!.quote.text).toBe('The county paved 120 kilometres of village roads in 2024.');
    expect(roads.answers[0]!.citation.reportUrl).toBe(`${site.origin}/docs/roads.docx`);
    expect(toJson(await engine.answer('How many books did the libraries lend?', 1)).answers[0]!.citation).toMatchObject(
      { page: 1 },
    );

    // Second poll: conditional requests, nothing downloaded, no file touched.
    const mtime = readdirSync(corpusDir).map((f) => f);
    const second = await pollSources(sources, options);
    expect(second.map((r) => r.downloaded.length)).toEqual([0, 0, 0]);
    expect(site.requestsFor('/feed.xml').at(-1)?.ifNoneMatch).toMatch(/^"/);
    expect(readdirSync(corpusDir)).toEqual(mtime);

    // A report changed at the source is downloaded again over its old file.
    site.set('/reports/water.html', HTML_REPORT.replace('1200', '1300'), 'text/html');
    site.set('/reports/', listingPage(['/reports/water.html', '/reports/library.pdf']) + ' ', 'text/html');
    const third = await pollSources(sources, options);
    expect(third[0]!.downloaded).toHaveLength(1);
    expect(readdirSync(corpusDir).sort()).toEqual(files);

    // A site that serves an empty body for a known report: the saved copy stays, the failure is recorded.
    const water = files.find((f) => f.includes('water') && f.endsWith('.html'))!;
    const saved = readFileSync(join(corpusDir, water), 'utf8');
    site.set('/reports/water.html', '', 'text/html');
    site.set('/reports/', listingPage(['/reports/water.html', '/reports/library.pdf']) + '  ', 'text/html');
    const fourth = await pollSources(sources, options);
    expect(fourth[0]!.downloaded).toHaveLength(0);
    expect(readFileSync(join(corpusDir, water), 'utf8')).toBe(saved);
    await store.close();
  });

  it('`npm run sources -- --once` prints what each source gave and indexes it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.txt'), `${site.origin}/once.pdf\n`);
    site.set(
      '/once.pdf',
      makePdf([['Fen County 2024 Bridges Report', '1. Bridges', 'Four bridges were rebuilt in 2024.']]),
      'application/pdf',
    );
    mkdirSync(join(dir, 'corpus'));
    const env = {
      ...process.env,
      SOURCES_FILE: join(dir, 'sources.txt'),
      SOURCES_ALLOW_PRIVATE: '1',
      CORPUS_DIR: join(dir, 'corpus'),
      DATA_DIR: join(dir, 'data'),
      EMBEDDING_MODEL: 'none',
      LOG_LEVEL: 'silent',
    };
    // Asynchronously: the site answers from this process.
    const once = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/sources.ts'), '--once'], {
        cwd: REPO,
        encoding: 'utf8',
        env,
      });
    const run = await once();
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      new RegExp(
        `^${site.origin}/once.pdf: 1 found, 1 downloaded \\(127-0-0-1-once-[0-9a-f]{6}\\.pdf\\), 0 unchanged\\nIndex: 1 added`,
      ),
    );
    const again = await once();
    expect(again.stdout).toBe(`${site.origin}/once.pdf: 0 found, 0 downloaded, 0 unchanged\nIndex is up to date.\n`);
  });

  it('a listing longer than one poll takes is read through over successive polls, new links first', async () => {
    const corpusDir = tempDir();
    const store = await SubscriptionStore.openFile(join(tempDir(), 'subscriptions.db'));
    const paths = Array.from({ length: 50 }, (_, i) => `/long/r${i}.html`);
    for (const [i, path] of paths.entries())
      site.set(path, HTML_REPORT.replace('Riverside', `Riverside${i}`), 'text/html');
    site.set('/long/', listingPage(paths), 'text/html');
    const sources = parseSourceList(`${site.origin}/long/ /long/r\\d+\\.html$\n`).sources;
    const options = { corpusDir, store, allowPrivate: true, intervalMs: 0, perHostGapMs: 0, maxItemsPerPoll: 20 };
    const downloaded: number[] = [];
    for (let poll = 0; poll < 3; poll++) downloaded.push((await pollSources(sources, options))[0]!.downloaded.length);
    expect(downloaded).toEqual([20, 20, 10]);
    for (const p of paths) expect(await store.sourceItem(`${site.origin}${p}`)).toBeDefined();
    await store.close();
  });

  it('the same file at two addresses is saved, indexed and announced once', async () => {
    const corpusDir = tempDir();
    const store = await SubscriptionStore.openFile(join(tempDir(), 'subscriptions.db'));
    const pdf = makePdf([['Moor County 2024 Wells Report', '1. Wells', 'Twelve wells were dug in 2024.']]);
    site.set('/twins/a.pdf', pdf, 'application/pdf');
    site.set('/twins/copy-of-a.pdf', pdf, 'application/pdf');
    site.set('/twins/', listingPage(['/twins/a.pdf', '/twins/copy-of-a.pdf']), 'text/html');
    const sources = parseSourceList(`${site.origin}/twins/ \\.pdf$\n`).sources;
    const options = { corpusDir, store, allowPrivate: true, intervalMs: 0, perHostGapMs: 0 };
    const [first] = await pollSources(sources, options);
    expect([first!.found, first!.downloaded.length, first!.unchanged]).toEqual([2, 1, 1]);
    expect(readdirSync(corpusDir).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    // Polled again, the copy is still the same report; changed, it becomes one of its own.
    expect((await pollSources(sources, options))[0]!.downloaded).toEqual([]);
    site.set(
      '/twins/copy-of-a.pdf',
      makePdf([['Moor County 2024 Roads Report', '1. Roads', 'Two roads were paved in 2024.']]),
      'application/pdf',
    );
    site.set('/twins/', listingPage(['/twins/copy-of-a.pdf', '/twins/a.pdf']), 'text/html');
    expect((await pollSources(sources, options))[0]!.downloaded).toHaveLength(1);
    expect(readdirSync(corpusDir).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
    await store.close();
  });

  it('orders a poll: links never tried first, then the longest untried', () => {
    const tried: Record<string, string> = { a: '2026-01-02', b: '2026-01-01', d: '2026-01-03' };
    expect(pollOrder(['a', 'b', 'c', 'd', 'e'], (l) => tried[l])).toEqual(['c', 'e', 'b', 'a', 'd']);
  });

  it('a failing source backs off and is recorded; the others go on', async () => {
    const corpusDir = tempDir();
    const store = await SubscriptionStore.openFile(join(tempDir(), 'subscriptions.db'));
    site.set('/ok.pdf', makePdf([['Ok County Report', 'Fine text here.']]), 'application/pdf');
    const sources = parseSourceList(`${site.origin}/gone/\n${site.origin}/ok.pdf\n`).sources;
    const options = { corpusDir, store, allowPrivate: true, intervalMs: 60_000, perHostGapMs: 0 };
    const [gone, ok] = await pollSources(sources, options);
    expect(gone!.error).toMatch(/HTTP 404/);
    expect(ok!.downloaded).toHaveLength(1);
    expect(await store.source(`${site.origin}/gone/`)).toMatchObject({
      failures: 1,
      lastError: expect.stringMatching(/HTTP 404/) as unknown,
    });
    const requests = site.requestsFor('/gone/').length;
    const [again] = await pollSources(sources, options);
    expect(again!.error).toMatch(/backing off after 1 failure/);
    expect(site.requestsFor('/gone/').length).toBe(requests);
    expect(existsSync(join(corpusDir, readdirSync(corpusDir)[0]!))).toBe(true);
    await store.close();
  });
});
