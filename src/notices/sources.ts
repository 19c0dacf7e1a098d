/**
 * Watched sources: where new reports are published. SOURCES_FILE lists them, one a line: the
 * URL of a report (HTML page, PDF or Word file), of a listing page or of an RSS/Atom feed,
 * optionally followed by a regular expression the report links must match ("#" starts a
 * comment). Each poll fetches every source (conditionally), finds its report links, and
 * downloads each new or changed report into CORPUS_DIR with a sidecar naming its original URL;
 * the corpus watcher then indexes it and subscribers are told of a new one, as for a file
 * copied there by hand. State (validators, what each source yielded, errors) is kept in the
 * subscriptions database.
 */
import { sidecarName } from '../corpus/files.js';
import { FORMATS, formatOfResponse, type ReportFormat } from '../corpus/formats/registry.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { describeError } from '../errors.js';
import { log } from '../log.js';
import { FetchError, guardedFetch, type FetchLimits } from './fetch-guard.js';
import type { SourceItemRow, SourceRow, SubscriptionStore } from './store.js';

export interface Source {
  url: string;
  /** Report links must match this (a listing page or feed); without it an HTML source is itself the report. */
  pattern?: RegExp | undefined;
}

/** Parses SOURCES_FILE: one source a line; a bad line is named (line number and why) and skipped. */
export function parseSourceList(text: string): { sources: Source[]; errors: string[] } {
  const sources: Source[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const [url = '', ...rest] = line.split(/\s+/);
    try {
      const parsed = new URL(url);
      if (!/^https?:$/.test(parsed.protocol)) throw new Error('only http and https URLs');
      sources.push({ url: parsed.href, pattern: rest.length ? new RegExp(rest.join(' ')) : undefined });
    } catch (error) {
      errors.push(`line ${i + 1}: ${describeError(error)}`);
    }
  });
  return { sources, errors };
}

type Kind = ReportFormat['name'] | 'feed';

/**
 * What a response is: a report format (corpus/formats/registry.ts: first bytes, content type, address), or a feed.
 * A PDF or Word file is one whatever it is labelled; a feed is read before a page of its site.
 */
export function kindOf(contentType: string, url: string, body: Buffer): Kind | undefined {
  const format = formatOfResponse(contentType, url, body);
  if (format && format.name !== 'html') return format.name;
  const head = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (/(rss|atom)\+xml|\/xml|text\/xml/.test(contentType) || /^(<\?xml[^>]*>\s*)?<(rss|feed)\b/.test(head))
    return 'feed';
  return format?.name;
}

/** Links of a listing page, absolute, in page order, each once. */
function pageLinks(html: string, base: string): string[] {
  const { document } = parseHTML(html);
  const out = new Set<string>();
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    try {
      out.add(new URL(a.getAttribute('href') ?? '', base).href.replace(/#.*$/, ''));
    } catch {
      // not a URL
    }
  }
  return [...out];
}

/** Item links of an RSS or Atom feed, absolute. */
function feedLinks(xml: string, base: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const links: string[] = [];
  for (const item of Array.from(doc.querySelectorAll('item, entry'))) {
    const link = item.querySelector('link');
    const href = link?.getAttribute('href') ?? link?.textContent?.trim();
    if (!href) continue;
    try {
      links.push(new URL(href, base).href);
    } catch {
      // not a URL
    }
  }
  return [...new Set(links)];
}

/** A corpus file name for a report URL: readable, stable, unique per URL. */
function fileNameFor(url: string, kind: ReportFormat['name']): string {
  const u = new URL(url);
  const extension = FORMATS.find((f) => f.name === kind)!.extensions[0]!;
  const known = FORMATS.flatMap((f) => f.extensions);
  const path = `${u.hostname}${u.pathname}`;
  const stem = path
    .slice(0, path.length - (known.find((e) => path.toLowerCase().endsWith(e))?.length ?? 0))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const hash = createHash('sha1').update(url).digest('hex').slice(0, 6);
  return `${stem}-${hash}${extension}`;
}

export interface SourceOptions {
  corpusDir: string;
  store: SubscriptionStore;
  allowPrivate: boolean;
  /** Per download. */
  maxBytes?: number | undefined;
  timeoutMs?: number | undefined;
  /** Least time between two requests to one host. */
  perHostGapMs?: number | undefined;
  /** Reports taken from one source in one poll (a listing of 500 old reports is read over several polls). */
  maxItemsPerPoll?: number | undefined;
  /** Poll interval: back-off after errors grows from it. */
  intervalMs: number;
  /** Whether this replica polls (the one holding the leader lock: src/db/); every tick asks again. */
  leads?: (() => Promise<boolean>) | undefined;
}

export interface PollReport {
  source: string;
  found: number;
  downloaded: string[];
  unchanged: number;
  error?: string;
}

/** Polls every source once; returns what each yielded. Never throws for a source's failure. */
export async function pollSources(sources: Source[], options: SourceOptions): Promise<PollReport[]> {
  const limits: FetchLimits = {
    hosts: new Set(sources.map((s) => new URL(s.url).hostname)),
    allowPrivate: options.allowPrivate,
    maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
    timeoutMs: options.timeoutMs ?? 30_000,
  };
  const polite = politeGap(options.perHostGapMs ?? 1000);
  const reports: PollReport[] = [];
  for (const source of sources) {
    const report: PollReport = { source: source.url, found: 0, downloaded: [], unchanged: 0 };
    reports.push(report);
    const state = await options.store.source(source.url);
    if (state && state.retryAt > Date.now()) {
      report.error = `backing off after ${state.failures} failure(s) until ${new Date(state.retryAt).toISOString()}: ${state.lastError ?? ''}`;
      continue;
    }
    try {
      await pollOne(source, state, report, { options, limits, polite });
    } catch (error) {
      report.error = describeError(error);
      await backOff(source.url, (state?.failures ?? 0) + 1, report.error, options);
    }
  }
  return reports;
}

/** Waits so that one host gets a request at most every `gapMs`. */
function politeGap(gapMs: number): (url: string) => Promise<void> {
  const lastRequest = new Map<string, number>();
  return async (url) => {
    const host = new URL(url).hostname;
    const wait = (lastRequest.get(host) ?? 0) + gapMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastRequest.set(host, Date.now());
  };
}

interface PollContext {
  options: SourceOptions;
  limits: FetchLimits;
  polite: (url: string) => Promise<void>;
}

/** One source: itself a report (kept), or a feed or listing page whose new report links are fetched. */
async function pollOne(
  source: Source,
  state: SourceRow | undefined,
  report: PollReport,
  { options, limits, polite }: PollContext,
): Promise<void> {
  await polite(source.url);
  const fetched = await guardedFetch(source.url, limits, { etag: state?.etag, lastModified: state?.lastModified });
  if (fetched.status === 'not-modified') return options.store.recordSourcePoll(source.url, {});
  const kind = kindOf(fetched.contentType, fetched.url, fetched.body);
  const validators = { etag: fetched.etag, lastModified: fetched.lastModified };
  let links: string[];
  if (kind === 'feed') links = feedLinks(fetched.body.toString('utf8'), fetched.url);
  else if (kind === 'html' && source.pattern) links = pageLinks(fetched.body.toString('utf8'), fetched.url);
  else if (kind) {
    // The source is itself a report: keep what was just fetched.
    report.found = 1;
    const saved = await saveReport(options, source.url, fetched.url, kind, fetched.body, fetched);
    if (saved) report.downloaded.push(saved);
    else report.unchanged++;
    return options.store.recordSourcePoll(source.url, { ...validators, items: report.downloaded.length });
  } else throw new FetchError(`${fetched.url}: neither a report nor a listing (content type "${fetched.contentType}")`);
  links = links.filter(
    (l) => (source.pattern ? source.pattern.test(l) : true) && limits.hosts.has(new URL(l).hostname),
  );
  report.found = links.length;
  const known = new Map<string, SourceItemRow | undefined>();
  for (const l of links) known.set(l, await options.store.sourceItem(l));
  const ordered = pollOrder(links, (l) => known.get(l)?.fetchedAt);
  const budget = options.maxItemsPerPoll ?? 20;
  await fetchItems(ordered.slice(0, budget), source.url, report, options, limits, polite);
  // Links never tried remain past this poll's budget: the listing is fetched again in full next time (no validators).
  const unfinished = ordered.slice(budget).some((l) => known.get(l) === undefined);
  await options.store.recordSourcePoll(source.url, { ...validators, items: report.downloaded.length, unfinished });
}

/** A failed poll: the source is tried again after the poll interval doubled per failure in a row, up to a day. */
async function backOff(url: string, failures: number, error: string, options: SourceOptions): Promise<void> {
  const backoff = Math.min(options.intervalMs * 2 ** Math.min(failures - 1, 10), 24 * 3600_000);
  await options.store.recordSourcePoll(url, { error, retryAt: Date.now() + backoff });
  log.warn(`Source ${url}: ${error} (next try in ${Math.round(backoff / 1000)} s)`);
}

/**
 * Fetches a listing's items (this poll's share), saving each new or changed report; one bad item does not stop the
 * others.
 */
async function fetchItems(
  links: string[],
  source: string,
  report: PollReport,
  options: SourceOptions,
  limits: FetchLimits,
  polite: (url: string) => Promise<void>,
): Promise<void> {
  for (const link of links) {
    const known = await options.store.sourceItem(link);
    try {
      await polite(link);
      const item = await guardedFetch(link, limits, { etag: known?.etag, lastModified: known?.lastModified });
      if (item.status === 'not-modified') {
        report.unchanged++;
        await options.store.touchSourceItem(link, source);
        continue;
      }
      const itemKind = kindOf(item.contentType, item.url, item.body);
      if (!itemKind || itemKind === 'feed')
        throw new FetchError(`${item.url}: not a report (content type "${item.contentType}")`);
      const saved = await saveReport(options, source, link, itemKind, item.body, item);
      if (saved) report.downloaded.push(saved);
      else report.unchanged++;
    } catch (error) {
      // One bad item does not stop the others; it is tried again after the ones not yet tried.
      log.warn(`Source ${source}: ${describeError(error)}`);
      await options.store.touchSourceItem(link, source);
    }
  }
}

/**
 * The order a listing's links are fetched in, a poll's budget at a time: links never tried first
 * (in the listing's order), then the rest by when they were last tried, oldest first — so a long
 * listing is read through over successive polls, and new reports are not stuck behind old ones.
 */
export function pollOrder(links: string[], triedAt: (link: string) => string | undefined): string[] {
  const tried = links.map((link, i) => ({ link, i, at: triedAt(link) }));
  return tried
    .sort((a, b) =>
      a.at === undefined
        ? b.at === undefined
          ? a.i - b.i
          : -1
        : b.at === undefined
          ? 1
          : a.at < b.at
            ? -1
            : a.at > b.at
              ? 1
              : a.i - b.i,
    )
    .map((t) => t.link);
}

/**
 * Writes a downloaded report into the corpus (atomically, with a sidecar naming its URL)
 * unless its bytes are what was saved before; returns the file name, or undefined when unchanged.
 */
async function saveReport(
  options: SourceOptions,
  source: string,
  url: string,
  kind: ReportFormat['name'],
  body: Buffer,
  validators: { etag?: string | undefined; lastModified?: string | undefined },
): Promise<string | undefined> {
  // An empty body (a site serving a blank 200) is the site's failure: the report already saved stays as it is.
  if (!body.toString('latin1').trim())
    throw new FetchError(`${url}: the server sent an empty body; the saved copy is kept`);
  const hash = createHash('sha256').update(body).digest('hex');
  const known = await options.store.sourceItem(url);
  const file = known?.file || fileNameFor(url, kind);
  // The same bytes already saved from another address (a report linked from two pages) are one report, indexed and
  // announced once.
  const twin = known?.file ? undefined : await options.store.savedTwin(hash, url);
  if (twin && existsSync(join(options.corpusDir, twin.file))) {
    if (known?.hash !== hash) log.info(`${url}: the same file as ${twin.url} (${twin.file}); not saved twice.`);
    await options.store.saveSourceItem({
      url,
      source,
      file: '',
      etag: validators.etag,
      lastModified: validators.lastModified,
      hash,
    });
    return undefined;
  }
  const unchanged = known?.hash === hash && existsSync(join(options.corpusDir, file));
  if (!unchanged) {
    const sidecar = join(options.corpusDir, sidecarName(file));
    const meta = existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, unknown>) : {};
    writeAtomically(sidecar, `${JSON.stringify({ ...meta, url }, null, 2)}\n`);
    writeAtomically(join(options.corpusDir, file), body);
  }
  await options.store.saveSourceItem({
    url,
    source,
    file,
    etag: validators.etag,
    lastModified: validators.lastModified,
    hash,
  });
  return unchanged ? undefined : file;
}

/** Written beside, then renamed: the corpus watcher never sees half a file. */
function writeAtomically(path: string, data: string | Buffer): void {
  const tmp = join(path, '..', `.${process.pid}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Reads SOURCES_FILE; an absent file means no sources. */
export function loadSourceList(path: string): Source[] {
  if (!existsSync(path)) return [];
  const { sources, errors } = parseSourceList(readFileSync(path, 'utf8'));
  for (const e of errors) log.warn(`${path} ${e}; that line is skipped.`);
  return sources;
}

/** Polls the sources now and then every `intervalMs`, until stopped. */
export function watchSources(
  path: string,
  options: SourceOptions,
): { stop(): Promise<void>; poll(): Promise<PollReport[]> } {
  let running: Promise<PollReport[]> | undefined;
  let stopped = false;
  const poll = (): Promise<PollReport[]> => {
    // Re-read the list each time: editing SOURCES_FILE takes effect without a restart.
    running ??= (options.leads ?? (() => Promise.resolve(true)))()
      .then((leads) => (leads ? pollSources(loadSourceList(path), options) : []))
      .catch((error: unknown) => {
        log.warn(`Sources: ${describeError(error)}`);
        return [];
      })
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void poll();
  }, options.intervalMs);
  timer.unref();
  void poll();
  return {
    poll,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
