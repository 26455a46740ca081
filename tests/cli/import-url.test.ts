import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDocument, FetchError } from '../../src/net/fetch.js';
import { tempDir } from '../helpers/library.js';
import { htmlPage, RSS2 } from '../import/fixtures.js';
import { runCli } from './import-helpers.js';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const hops = Number(url.searchParams.get('hops') ?? '0');
    switch (url.pathname) {
      case '/artikel':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(htmlPage());
        return;
      case '/feed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS2);
        return;
      case '/weiter':
        // A chain of `hops` redirects, relative ones included, ending at the article.
        res.writeHead(302, { location: hops > 1 ? `/weiter?hops=${hops - 1}` : `${base}/artikel` }).end();
        return;
      case '/riesig': {
        // No Content-Length: the cap must hold while streaming.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(256 * 1024, 'a');
        let sent = 0;
        const push = () => {
          while (sent < 6 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', push);
          }
          res.end();
        };
        res.on('error', () => undefined);
        push();
        return;
      }
      case '/bild':
        res.writeHead(200, { 'content-type': 'image/png' }).end('PNG');
        return;
      case '/fehlt':
        res.writeHead(404, { 'content-type': 'text/html' }).end('nicht gefunden');
        return;
      case '/still':
        // Never answers: for the timeout.
        return;
      default:
        res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('newsbridge import URL', () => {
  it('imports a page through a few redirects', async () => {
    const dir = tempDir();
    const result = await runCli(['import', `${base}/weiter?hops=3`, '--library', dir]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Imported "2025-01-15-neue-bruecke-fuer-beispielheim" from an HTML page');
  });

  it('imports a feed by URL', async () => {
    const result = await runCli(['import', `${base}/feed`, '--library', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('2 of 2 feed items imported');
  });

  it('stops after five redirects', async () => {
    const result = await runCli(['import', `${base}/weiter?hops=6`, '--library', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(`newsbridge: ${base}/weiter?hops=6: more than 5 redirects; stopped`);
  });

  it('stops a download over the size cap', async () => {
    const result = await runCli(['import', `${base}/riesig`, '--library', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(`newsbridge: ${base}/riesig: larger than 5 MB; the download was stopped`);
  });

  it('refuses content that is no page, feed or text, and reports HTTP errors', async () => {
    const image = await runCli(['import', `${base}/bild`, '--library', tempDir()]);
    expect(image.err.split('\n')[0]).toBe(`newsbridge: ${base}/bild: "image/png" is not an HTML page, a feed or plain text`);
    const missing = await runCli(['import', `${base}/fehlt`, '--library', tempDir()]);
    expect(missing.err.split('\n')[0]).toBe(`newsbridge: ${base}/fehlt: the server answered 404 Not Found`);
  });

  it('gives up on a server that does not answer in time', async () => {
    const error = await fetchDocument(`${base}/still`, { timeoutMs: 200, maxBytes: 1024, maxRedirects: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('timeout');
  });
});
