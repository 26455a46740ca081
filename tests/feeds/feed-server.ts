/**
 * A real HTTP server on 127.0.0.1 (random port) for the feed tests: serves documents set by the
 * test, answers 304 to a matching ETag or Last-Modified, and can be told to answer 429 with
 * Retry-After, 500, a redirect chain, a redirect to file:, or a slow body. Records every request.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  path: string;
  headers: IncomingHttpHeaders;
}

interface Doc {
  body: string;
  type: string;
  etag: string;
  lastModified: string;
}

type Trick =
  | { kind: 'status'; status: number; times: number; retryAfter?: string }
  | { kind: 'redirect'; to: string }
  | { kind: 'slow'; chunkMs: number };

export class FeedServer {
  readonly requests: Recorded[] = [];
  private readonly docs = new Map<string, Doc>();
  private readonly tricks = new Map<string, Trick>();
  private readonly delays: { prefix: string; ms: number }[] = [];
  private server: Server | undefined;
  base = '';
  /** Requests being answered now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;

  /** Serves `body` at `path` (a new body gets a new ETag and Last-Modified). */
  set(path: string, body: string, type = path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/rss+xml; charset=utf-8'): void {
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 12)}"`;
    const previous = this.docs.get(path);
    const lastModified = previous && previous.body === body ? previous.lastModified : new Date(Date.now() - 1000 * (1000 - this.docs.size)).toUTCString();
    this.docs.set(path, { body, type, etag, lastModified });
  }

  /** `path` answers `status` the next `times` requests (with Retry-After when given). */
  failWith(path: string, status: number, times = Infinity, retryAfter?: string): void {
    this.tricks.set(path, { kind: 'status', status, times, ...(retryAfter !== undefined ? { retryAfter } : {}) });
  }

  redirect(path: string, to: string): void {
    this.tricks.set(path, { kind: 'redirect', to });
  }

  /** `path`'s body comes a few bytes at a time, `chunkMs` apart. */
  slow(path: string, chunkMs: number): void {
    this.tricks.set(path, { kind: 'slow', chunkMs });
  }

  /** Every answer for a path starting with `prefix` waits `ms` first. */
  delay(prefix: string, ms: number): void {
    this.delays.push({ prefix, ms });
  }

  clearTricks(): void {
    this.tricks.clear();
    this.delays.length = 0;
    this.maxInFlight = this.inFlight;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** Requests for `path`, in order. */
  requestsFor(path: string): Recorded[] {
    return this.requests.filter((r) => r.path === path);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => this.inFlight--);
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const wait = this.delays.find((d) => path.startsWith(d.prefix))?.ms ?? 0;
      if (wait > 0) setTimeout(() => this.answer(path, req, res), wait);
      else this.answer(path, req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private answer(path: string, req: IncomingMessage, res: ServerResponse): void {
    this.requests.push({ path, headers: req.headers });
    const trick = this.tricks.get(path);
    if (trick?.kind === 'status' && trick.times > 0) {
      trick.times--;
      res.writeHead(trick.status, trick.retryAfter !== undefined ? { 'retry-after': trick.retryAfter } : {}).end('nicht jetzt');
      return;
    }
    if (trick?.kind === 'redirect') {
      res.writeHead(302, { location: trick.to }).end();
      return;
    }
    const doc = this.docs.get(path);
    if (!doc) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('nicht gefunden');
      return;
    }
    const headers = { 'content-type': doc.type, etag: doc.etag, 'last-modified': doc.lastModified };
    if (req.headers['if-none-match'] === doc.etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === doc.lastModified)) {
      res.writeHead(304, headers).end();
      return;
    }
    if (trick?.kind === 'slow') {
      res.writeHead(200, headers);
      const bytes = Buffer.from(doc.body);
      let at = 0;
      const timer = setInterval(() => {
        if (res.destroyed || at >= bytes.length) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(bytes.subarray(at, at + 16));
        at += 16;
      }, trick.chunkMs);
      res.on('close', () => clearInterval(timer));
      return;
    }
    res.writeHead(200, headers).end(doc.body);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
