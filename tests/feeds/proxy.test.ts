import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library.js';
import { runCli } from '../cli/run-cli.js';
import { rss2, teaser } from './feed-fixtures.js';
import { FeedServer } from './feed-server.js';

const server = new FeedServer();
/** What the proxy was asked for: CONNECT targets and absolute-form request URLs. */
const proxied: string[] = [];
let proxy: Server;
let proxyUrl = '';

beforeAll(async () => {
  await server.start();
  server.set('/feed.xml', rss2('Bote', [{ guid: 'p-1', title: 'Über die Brücke', text: teaser(1) }]));
  // A small forward proxy: CONNECT tunnels, and plain requests in absolute form, both to 127.0.0.1 only.
  proxy = createServer((req, res) => {
    proxied.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    if (target.hostname !== '127.0.0.1') return void res.writeHead(403).end();
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket, head) => {
    proxied.push(`CONNECT ${req.url ?? ''}`);
    const [host, port] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1') return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await server.stop();
});

function library(): string {
  const lib = tempDir();
  writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: ${server.url('/feed.xml')}\n    fullText: false\n`);
  return lib;
}

describe('proxy variables', () => {
  it('HTTP_PROXY routes the refresh through the proxy', async () => {
    proxied.length = 0;
    const before = server.requestsFor('/feed.xml').length;
    const result = await runCli(['refresh', '--library', library()], { NEWSBRIDGE_STATE_DIR: tempDir(), HTTP_PROXY: proxyUrl });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 new');
    const port = new URL(server.base).port;
    expect(proxied.some((p) => p === `CONNECT 127.0.0.1:${port}` || p === server.url('/feed.xml'))).toBe(true);
    expect(server.requestsFor('/feed.xml').length).toBe(before + 1);
  });

  it('NO_PROXY sends a matching host past the proxy', async () => {
    proxied.length = 0;
    const result = await runCli(['refresh', '--library', library()], { NEWSBRIDGE_STATE_DIR: tempDir(), HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    expect(result.code).toBe(0);
    expect(proxied).toEqual([]);
  });

  it('a proxy that cannot be reached is the feed\'s failure, in one line', async () => {
    const result = await runCli(['refresh', '--library', library()], { NEWSBRIDGE_STATE_DIR: tempDir(), HTTP_PROXY: 'http://127.0.0.1:9' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/failed: cannot (reach|download from)/);
  });
  it('HTTPS_PROXY tunnels an https feed through the proxy (CONNECT) and leaves http feeds alone', async () => {
    proxied.length = 0;
    const port = new URL(server.base).port;
    const lib = tempDir();
    // The tunnel reaches the plain HTTP server, so TLS fails after it: what counts is where the request went.
    writeFileSync(path.join(lib, 'feeds.yaml'), `feeds:\n  - url: https://127.0.0.1:${port}/feed.xml\n    fullText: false\n  - url: ${server.url('/feed.xml')}\n    fullText: false\n`);
    const result = await runCli(['refresh', '--library', lib], { NEWSBRIDGE_STATE_DIR: tempDir(), HTTPS_PROXY: proxyUrl });
    expect(proxied).toEqual([`CONNECT 127.0.0.1:${port}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 new');
  });
});
