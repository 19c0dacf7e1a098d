/**
 * Fetching from watched sources, safely: only the hosts the sources name, redirects followed
 * by hand and only within those hosts, no private or loopback address unless allowed (so a
 * source cannot be used to reach the machine's own network), a time limit and a size limit
 * read as the body arrives, and conditional requests (ETag / Last-Modified).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Agent, fetch, type Response } from 'undici';

export interface FetchLimits {
  /** Hosts that may be fetched (the sources' own hosts). */
  hosts: Set<string>;
  /** Allow loopback and private addresses (tests against a local server). */
  allowPrivate: boolean;
  maxBytes: number;
  timeoutMs: number;
}

export type Fetched =
  | { status: 'not-modified' }
  | {
      status: 'ok';
      url: string;
      body: Buffer;
      contentType: string;
      etag?: string | undefined;
      lastModified?: string | undefined;
    };

/** A refusal or failure, with a reason fit for /stats and logs. */
export class FetchError extends Error {
  override name = 'FetchError';
}

const MAX_REDIRECTS = 5;

/**
 * IANA's special-purpose address registries (IPv4 and IPv6): loopback, private, shared, link-local,
 * documentation, benchmarking, multicast, reserved. None is a public web server's address.
 */
const SPECIAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  SPECIAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['3fff::', 20],
  ['5f00::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  SPECIAL.addSubnet(net, bits, 'ipv6');

/**
 * The IPv4 address an IPv6 address carries, when it carries one (::ffff:a.b.c.d or ::ffff:7f00:1, 64:ff9b::/96,
 * 2002::/16).
 */
function embeddedIpv4(v6: string): string | undefined {
  const dotted = /^(?:::ffff:|::ffff:0:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(v6);
  if (dotted) return dotted[1];
  const hex =
    /^(?:::ffff:|::ffff:0:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(v6) ??
    /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::|$)/i.exec(v6);
  if (!hex) return undefined;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/**
 * True for loopback, private, link-local and every other special-purpose address (IPv4 and IPv6, IPv4 inside IPv6
 * included).
 */
export function isPrivateAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  if (family === 4) return SPECIAL.check(host, 'ipv4');
  if (family !== 6) return true; // not an address: never connect to it
  const v4 = embeddedIpv4(host.toLowerCase());
  return v4 ? SPECIAL.check(v4, 'ipv4') : SPECIAL.check(host, 'ipv6');
}

function checkUrl(url: URL, limits: FetchLimits): void {
  if (!/^https?:$/.test(url.protocol)) throw new FetchError(`${url.href}: only http and https are fetched`);
  if (!limits.hosts.has(url.hostname))
    throw new FetchError(`${url.href}: host ${url.hostname} is not one of the sources' hosts`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!limits.allowPrivate && isIP(host) && isPrivateAddress(host))
    throw new FetchError(`${url.href}: a private or loopback address (set SOURCES_ALLOW_PRIVATE=1 to allow)`);
}

/**
 * The name lookup the connection itself uses: every address the name resolves to is checked, and
 * the connection goes to one of those checked addresses. Checking in one lookup and connecting
 * after another would let a name answer a public address first and 127.0.0.1 the second time
 * (DNS rebinding).
 */
const vettedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, list) => {
    const refused = error ? undefined : list.find((a) => isPrivateAddress(a.address));
    if (!error && (refused || !list.length))
      error = Object.assign(
        new Error(
          `${hostname} resolves to a private or loopback address (${refused?.address ?? 'none'}; set SOURCES_ALLOW_PRIVATE=1 to allow)`,
        ),
        {
          code: 'EPRIVATE',
        },
      );
    if (error) callback(error, '', 0);
    else if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    else callback(null, list[0]!.address, list[0]!.family);
  });
};

/**
 * Connections for public sources go only to vetted addresses; private ones (tests, an intranet) use the plain lookup.
 */
const PUBLIC_AGENT = new Agent({ connect: { lookup: vettedLookup } });
const PRIVATE_AGENT = new Agent();

/**
 * GETs `url` under `limits`, conditionally when validators are given.
 * @throws FetchError for anything refused or failed (HTTP errors included)
 */
export async function guardedFetch(
  url: string,
  limits: FetchLimits,
  validators: { etag?: string | undefined; lastModified?: string | undefined } = {},
): Promise<Fetched> {
  let current = new URL(url);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    checkUrl(current, limits);
    const headers: Record<string, string> = {
      'user-agent': 'report-quote-bot (watches published reports)',
      accept: '*/*',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    let response: Response;
    try {
      response = await fetch(current, {
        headers,
        redirect: 'manual',
        signal,
        dispatcher: limits.allowPrivate ? PRIVATE_AGENT : PUBLIC_AGENT,
      });
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
  try {
    for await (const chunk of response.body) {
      size += (chunk as Uint8Array).byteLength;
      if (size > max) throw new FetchError(`${url}: over the ${max}-byte limit`);
      parts.push(Buffer.from(chunk as Uint8Array));
    }
  } catch (error) {
    // A time-out or a dropped connection while the body arrives: say which URL, not only "the operation was aborted".
    if (error instanceof FetchError) throw error;
    throw new FetchError(
      `${url}: the body stopped after ${size} bytes (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return Buffer.concat(parts);
}
