/**
 * A government website on loopback for the sources tests: pages, files and feeds set by the
 * test, ETag/Last-Modified answered with 304, every request recorded, redirects on demand.
 */
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Page {
  body: Buffer;
  type: string;
}

export class Publisher {
  readonly pages = new Map<string, Page>();
  readonly redirects = new Map<string, string>();
  /** Paths whose body stops half way and never ends (a stalled server). */
  readonly stalls = new Set<string>();
  readonly requests: { path: string; ifNoneMatch?: string | undefined }[] = [];
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<Publisher> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const publisher = new Publisher(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => {
      const path = req.url ?? '/';
      publisher.requests.push({ path, ifNoneMatch: req.headers['if-none-match'] });
      const to = publisher.redirects.get(path);
      if (to) return void res.writeHead(302, { location: to }).end();
      const page = publisher.pages.get(path);
      if (!page) return void res.writeHead(404).end('not found');
      const etag = `"${createHash('sha1').update(page.body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      if (publisher.stalls.has(path))
        return void res
          .writeHead(200, { 'content-type': page.type, 'content-length': page.body.length })
          .write(page.body.subarray(0, 10));
      res.writeHead(200, { 'content-type': page.type, etag, 'content-length': page.body.length }).end(page.body);
    });
    return publisher;
  }

  set(path: string, body: string | Buffer, type: string): void {
    this.pages.set(path, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), type });
  }

  requestsFor(path: string): { path: string; ifNoneMatch?: string | undefined }[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}

export const listingPage = (links: string[]): string =>
  `<!doctype html><html><head><title>Annual reports</title></head><body><nav><a href="/">Home</a></nav><h1>Annual reports</h1><ul>${links
    .map((l) => `<li><a href="${l}">${l}</a></li>`)
    .join('')}</ul><a href="/about.html">About us</a></body></html>`;

export const rssFeed = (links: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Reports</title>${links
    .map((l) => `<item><title>${l}</title><link>${l}</link></item>`)
    .join('')}</channel></rss>`;
