/**
 * Local HTTP servers on 127.0.0.1 speaking the wire protocols of DeepL (/v2/translate and the
 * glossary endpoints), LibreTranslate (/translate) and OpenAI-style chat completions, with
 * deterministic replies. Every request is recorded so tests can assert what newsbridge sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach } from 'vitest';

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A reply the test scripts instead of the normal one. */
export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Milliseconds to wait before answering (for timeouts). */
  delay?: number;
  /** Close the connection without a reply. */
  hangUp?: boolean;
}

export interface FakeServer {
  url: string;
  requests: Recorded[];
  /** Replies used, in order, for the next translation requests (then the normal ones again). */
  script: Scripted[];
  close: () => Promise<void>;
}

/** The translations the fake providers know; anything else becomes "EN: <German>". */
export const DICTIONARY: Record<string, string> = {
  'Neue Brücke für Beispielheim': 'New bridge for Beispielheim',
  'Die Stadt investiert in den Verkehr.': 'The town invests in transport.',
  'Die Stadt Beispielheim baut eine neue Brücke.': 'The town of Beispielheim is building a new bridge.',
  'Sie kostet 12 Millionen Euro.': 'It costs 12 million euros.',
  'Der Bau beginnt am 3. März 2025.': 'Construction starts on 3 March 2025.',
  'Er soll zwei Jahre dauern.': 'It is expected to take two years.',
};

export const englishOf = (de: string): string => DICTIONARY[de] ?? `EN: ${de}`;

const servers: FakeServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()?.close();
});

type Handler = (req: Recorded, url: URL) => { status: number; headers?: Record<string, string>; body: string };

function json(status: number, value: unknown): { status: number; headers: Record<string, string>; body: string } {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

async function start(handler: Handler, isTranslation: (r: Recorded) => boolean): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const script: Scripted[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const recorded: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      requests.push(recorded);
      const scripted = isTranslation(recorded) ? script.shift() : undefined;
      const answer = () => {
        if (scripted?.hangUp) {
          req.socket.destroy();
          return;
        }
        const normal = scripted?.status === undefined ? handler(recorded, new URL(req.url ?? '/', 'http://127.0.0.1')) : null;
        const status = scripted?.status ?? normal?.status ?? 200;
        res.writeHead(status, { 'content-type': 'application/json', ...(normal?.headers ?? {}), ...(scripted?.headers ?? {}) });
        res.end(scripted?.body ?? normal?.body ?? '');
      };
      if (scripted?.delay) setTimeout(answer, scripted.delay);
      else answer();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    script,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  servers.push(fake);
  return fake;
}

/** A glossary the fake DeepL holds. */
export interface FakeGlossary {
  name: string;
  entries: string;
  created: string;
}

/** DeepL: form-encoded /v2/translate (text repeated), /v2/glossaries (list, create, delete). */
export async function startDeepL(glossaries = new Map<string, FakeGlossary>()): Promise<FakeServer & { glossaries: Map<string, FakeGlossary> }> {
  let next = 1;
  return start(
    (req, url) => {
      if (req.method === 'POST' && url.pathname === '/v2/translate') {
        const form = new URLSearchParams(req.body);
        return json(200, { translations: form.getAll('text').map((t) => ({ detected_source_language: 'DE', text: englishOf(t), billed_characters: [...t].length })) });
      }
      const info = (id: string, g: FakeGlossary) => ({ glossary_id: id, name: g.name, ready: true, source_lang: 'de', target_lang: 'en', creation_time: g.created, entry_count: g.entries.split('\n').length });
      if (req.method === 'GET' && url.pathname === '/v2/glossaries') return json(200, { glossaries: [...glossaries].map(([id, g]) => info(id, g)) });
      if (req.method === 'POST' && url.pathname === '/v2/glossaries') {
        const form = new URLSearchParams(req.body);
        const id = `g-${next++}`;
        const g = { name: form.get('name') ?? '', entries: form.get('entries') ?? '', created: new Date().toISOString() };
        glossaries.set(id, g);
        return json(201, info(id, g));
      }
      const del = /^\/v2\/glossaries\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'DELETE' && del) {
        glossaries.delete(del[1] ?? '');
        return { status: 204, body: '' };
      }
      return json(404, { message: 'not found' });
    },
    (r) => r.path.startsWith('/v2/translate'),
  ).then((server) => ({ ...server, glossaries }));
}

/** LibreTranslate: JSON POST /translate, q a string or an array. */
export function startLibreTranslate(): Promise<FakeServer> {
  return start(
    (req, url) => {
      if (req.method !== 'POST' || url.pathname !== '/translate') return json(404, { error: 'Not Found' });
      const body = JSON.parse(req.body) as { q: string | string[] };
      return json(200, { translatedText: Array.isArray(body.q) ? body.q.map(englishOf) : englishOf(body.q) });
    },
    (r) => r.path === '/translate',
  );
}

/** OpenAI-style chat completions: the user message's "sentences" come back as a JSON array. */
export function startChat(): Promise<FakeServer> {
  return start(
    (req, url) => {
      if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions') return json(404, { error: { message: 'no such route' } });
      const body = JSON.parse(req.body) as { model: string; messages: { role: string; content: string }[] };
      const user = JSON.parse(body.messages.find((m) => m.role === 'user')?.content ?? '{}') as { sentences: string[] };
      return json(200, { id: 'x', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(user.sentences.map(englishOf)) }, finish_reason: 'stop' }] });
    },
    (r) => r.path === '/v1/chat/completions',
  );
}

/** A chat reply whose content is `content` (for replies of the wrong shape). */
export function chatReply(content: string): Scripted {
  return { status: 200, body: JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] }) };
}
