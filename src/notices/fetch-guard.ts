/**
 * Fetching from watched sources, safely: only the hosts the sources name, redirects followed
 * by hand and only within those hosts, no private or loopback address unless allowed (so a
 * source cannot be used to reach the machine's own network), a time limit and a size limit
 * read as the body arrives, and conditional requests (ETag / Last-Modified).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface FetchLimits {
  /** Hosts that may be fetched (the sources' own hosts). */
  hosts: Set<string>;
  /** Allow loopback and private addresses (tests against a local server). */
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
}

export type Fetched = { status: 'not-modified' } | { status: 'ok'; url: string; body: Buffer; contentType: string; etag?: string; lastModified?: string };

/** A refusal or failure, with a reason fit for /stats and logs. */
export class FetchError extends Error {
  override name = 'FetchError';
}

const MAX_REDIRECTS = 5;

/** True for loopback, private, link-local and other non-public addresses (IPv4 and IPv6). */
export function isPrivateAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(address);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      a >= 224
    );
  }
  const v6 = address.toLowerCase();
  return v6 === '::1' || v6 === '::' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
}

async function checkAddress(url: URL, limits: FetchLimits): Promise<void> {
  if (!/^https?:$/.test(url.protocol)) throw new FetchError(`${url.href}: only http and https are fetched`);
  if (!limits.hosts.has(url.hostname)) throw new FetchError(`${url.href}: host ${url.hostname} is not one of the sources' hosts`);
  if (limits.allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.some(isPrivateAddress)) throw new FetchError(`${url.href}: resolves to a private or loopback address (set SOURCES_ALLOW_PRIVATE=1 to allow)`);
}

/**
 * GETs `url` under `limits`, conditionally when validators are given.
 * @throws FetchError for anything refused or failed (HTTP errors included)
 */
export async function guardedFetch(url: string, limits: FetchLimits, validators: { etag?: string; lastModified?: string } = {}): Promise<Fetched> {
  let current = new URL(url);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    await checkAddress(current, limits);
    const headers: Record<string, string> = { 'user-agent': 'report-quote-bot (watches published reports)', accept: '*/*' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    let response: Response;
    try {
      response = await fetch(current, { headers, redirect: 'manual', signal });
    } catch (error) {
      throw new FetchError(
        `${current.href}: ${signal.aborted ? `no answer within ${limits.timeoutMs / 1000} s` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      );
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new FetchError(`${current.href}: redirect without a location`);
      current = new URL(location, current);
      continue;
    }
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchError(`${current.href}: HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      throw new FetchError(`${current.href}: ${declared} bytes, over the ${limits.maxBytes}-byte limit`);
    }
    return {
      status: 'ok',
      url: current.href,
      body: await readLimited(response, limits.maxBytes, current.href),
      contentType: (response.headers.get('content-type') ?? '').toLowerCase(),
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  }
  throw new FetchError(`${url}: more than ${MAX_REDIRECTS} redirects`);
}

/** The body, stopping (and failing) as soon as it passes `max` bytes. */
async function readLimited(response: Response, max: number, url: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body) {
    size += (chunk as Uint8Array).byteLength;
    if (size > max) throw new FetchError(`${url}: over the ${max}-byte limit`);
    parts.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(parts);
}
