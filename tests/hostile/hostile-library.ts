/**
 * A library built to attack the program: terminal escape sequences and
 * controls in every text field, broken and oversized files, YAML bombs,
 * links that leave the library, folder names that are not ids. Everything is
 * generated here, at test time, in a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ESC = '\u001B';

/** Text planted outside the library; it must never appear in any output. */
export const OUTSIDE_SECRET = 'OUTSIDE-SECRET-7f3a9c';

/** Payloads written raw into Markdown bodies (no NUL: that makes a file binary). */
export const RAW_PAYLOADS = [
  `${ESC}[31mred${ESC}[0m`,
  `${ESC}[2J${ESC}[H`,
  `${ESC}[6n`,
  `${ESC}[c`,
  `${ESC}[>0c`,
  `${ESC}[18t`,
  `${ESC}[?1049l`,
  `${ESC}]0;owned-title\u0007`,
  `${ESC}]8;;https://attacker.example/${ESC}\\link${ESC}]8;;${ESC}\\`,
  `${ESC}]52;c;c2VjcmV0${ESC}\\`,
  `${ESC}P+q544e${ESC}\\`,
  '\u009B6n',
  '\u009D0;c1-title\u009C',
  '\u0090c1-dcs\u009C',
  '\u0085',
  '\u202Ereversed\u202C',
  '\u2066isolated\u2069',
  '\u200F\u061C',
  'bell\u0007back\u0008space',
] as const;

/**
 * The same attacks as YAML double-quoted escapes (for front matter, facts and
 * glossary), including NUL, which a raw file cannot hold.
 */
export const YAML_PAYLOADS = [
  '\\e[31mred\\e[0m',
  '\\e[6n',
  '\\e]0;owned-title\\a',
  '\\e]8;;https://attacker.example/\\e\\\\link\\e]8;;\\e\\\\',
  '\\e]52;c;c2VjcmV0\\a',
  '\\eP+q544e\\e\\\\',
  '\\x9b6n',
  '\\x9d0;c1-title\\x9c',
  '\\u202Ereversed\\u202C',
  '\\u2066isolated\\u2069',
  'nul\\0bell\\aback\\b',
] as const;

/** A double-quoted YAML scalar made of `words` with every YAML payload mixed in. */
function hostileYaml(words: string): string {
  return `"${words} ${YAML_PAYLOADS.join(' ')} end"`;
}

function hostileBody(words: string): string {
  return `${words} ${RAW_PAYLOADS.join(' ')} Ende.`;
}

function german(opts: { title: string; published: string; paragraphs: string[]; dek?: string; extra?: string[] }): string {
  return [
    '---',
    `title: ${opts.title}`,
    ...(opts.dek ? [`dek: ${opts.dek}`] : []),
    'source: Testbote',
    `published: ${opts.published}`,
    ...(opts.extra ?? []),
    '---',
    '',
    opts.paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

function english(opts: { title: string; paragraphs: string[]; dek?: string }): string {
  return [
    '---',
    `title: ${opts.title}`,
    ...(opts.dek ? [`dek: ${opts.dek}`] : []),
    'status: draft',
    '---',
    '',
    opts.paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

function facts(entries: { label: string; value: string; paragraph: number; evidence: string }[], glossary: { de: string; en: string; note?: string }[]): string {
  const lines = ['facts:'];
  entries.forEach((f, i) => {
    lines.push(
      `  - id: fact-${i + 1}`,
      '    kind: other',
      `    label: { de: ${f.label}, en: ${f.label} }`,
      `    value: { de: ${f.value}, en: ${f.value} }`,
      `    paragraph: ${f.paragraph}`,
      `    evidence: ${f.evidence}`,
    );
  });
  if (entries.length === 0) lines[0] = 'facts: []';
  lines.push(glossary.length === 0 ? 'glossary: []' : 'glossary:');
  for (const g of glossary) lines.push(`  - de: ${g.de}`, `    en: ${g.en}`, ...(g.note ? [`    note: ${g.note}`] : []));
  return `${lines.join('\n')}\n`;
}

/** 10 levels of 10 aliases each: 10^10 nodes if expanded without a cap. */
function aliasBomb(key = 'bomb'): string {
  const names = 'abcdefghijk'.split('');
  const lines = [`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < names.length; i++) {
    const refs = Array.from({ length: 10 }, () => `*${names[i - 1]}`).join(', ');
    lines.push(`${names[i]}: &${names[i]} [${refs}]`);
  }
  lines.push(`${key}: *k`);
  return lines.join('\n');
}

export interface Expected {
  /** Folder name. */
  id: string;
  /** File named in validate's message (relative to the article folder), or null for the folder itself. */
  file: string | null;
  /** Line validate should name, when there is one. */
  line?: number;
}

export interface HostileLibrary {
  dir: string;
  /** Removes the library and the folder beside it (built once per file, so not per test). */
  remove: () => void;
  /** Articles that load and must keep working (some have hostile text, cleaned when shown). */
  readable: { id: string; title: string }[];
  /** Every article validate must report as an error, with where. */
  broken: Expected[];
  /** Articles listed fine (front matter is good) but whose full load fails. */
  failOnOpen: string[];
  /** Articles whose facts.yaml is broken: they open, without facts, and say why. */
  brokenFacts: string[];
  /** Folder names that are not ids. */
  badNames: string[];
}

/** Builds the hostile library (and a folder beside it with content that must stay unread). */
export function makeHostileLibrary(): HostileLibrary {
  const base = mkdtempSync(path.join(tmpdir(), 'newsbridge-hostile-'));
  const dir = path.join(base, 'library');
  const outside = path.join(base, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  const outsideArticle = german({ title: OUTSIDE_SECRET, published: '2030-01-01T00:00:00+00:00', paragraphs: [`${OUTSIDE_SECRET} im Text.`] });
  writeFileSync(path.join(outside, 'article.de.md'), outsideArticle);
  writeFileSync(path.join(outside, 'article.en.md'), english({ title: OUTSIDE_SECRET, paragraphs: [OUTSIDE_SECRET] }));
  writeFileSync(path.join(outside, 'facts.yaml'), facts([{ label: OUTSIDE_SECRET, value: OUTSIDE_SECRET, paragraph: 1, evidence: OUTSIDE_SECRET }], []));

  const put = (id: string, files: Record<string, string | Buffer>) => {
    const folder = path.join(dir, id);
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
    return folder;
  };

  // Readable articles, newest first in this order (dates fix the library's order).
  const readable = [
    { id: 'a-good', title: 'Ruhiger Morgen in Musterstadt' },
    { id: 'b-hostile-text', title: 'Feindlicher Titel' },
    { id: 'c-hostile-facts', title: 'Feindliche Fakten' },
    { id: 'd-invalid-utf8', title: 'Kaputte Bytes' },
    { id: 'e-missing-paragraph', title: 'Fakt ohne Absatz' },
  ];
  put('a-good', {
    'article.de.md': german({
      title: readable[0]!.title,
      published: '2025-05-05T08:00:00+02:00',
      paragraphs: ['Der Markt öffnet um acht Uhr. Viele Händler sind da.', 'Am Abend schließt er wieder.'],
    }),
    'article.en.md': english({ title: 'Quiet morning in Musterstadt', paragraphs: ['The market opens at eight. Many traders are there.', 'It closes again in the evening.'] }),
    'facts.yaml': facts([{ label: 'Öffnung', value: 'acht Uhr', paragraph: 1, evidence: 'um acht Uhr' }], [{ de: 'Händler', en: 'trader' }]),
  });
  put('b-hostile-text', {
    'article.de.md': german({
      title: hostileYaml(readable[1]!.title),
      dek: hostileYaml('Unterzeile'),
      published: '2025-05-04T08:00:00+02:00',
      paragraphs: [hostileBody('Erster Absatz.'), hostileBody('Zweiter Absatz.')],
      extra: [`author: ${hostileYaml('Autor')}`, `tags: [${hostileYaml('tag')}]`],
    }),
    'article.en.md': english({ title: hostileYaml('Hostile title'), dek: hostileYaml('Standfirst'), paragraphs: [hostileBody('First paragraph.'), hostileBody('Second paragraph.')] }),
  });
  put('c-hostile-facts', {
    'article.de.md': german({ title: readable[2]!.title, published: '2025-05-03T08:00:00+02:00', paragraphs: ['Die Zahl ist sieben. Das ist viel.'] }),
    'article.en.md': english({ title: 'Hostile facts', paragraphs: ['The number is seven. That is a lot.'] }),
    'facts.yaml': facts(
      [{ label: hostileYaml('Zahl'), value: hostileYaml('sieben'), paragraph: 1, evidence: hostileYaml('Die Zahl') }],
      [{ de: hostileYaml('Zahl'), en: hostileYaml('number'), note: hostileYaml('Notiz') }],
    ),
  });
  put('d-invalid-utf8', {
    'article.de.md': Buffer.concat([
      Buffer.from(german({ title: readable[3]!.title, published: '2025-05-02T08:00:00+02:00', paragraphs: ['Gute Bytes zuerst.', 'Danach kommt Müll:'] }).trimEnd()),
      // Invalid bytes, a truncated sequence, an overlong slash and C1 CSI encoded as UTF-8.
      Buffer.from([0x20, 0xff, 0xfe, 0x20, 0xc3, 0x20, 0xc0, 0xaf, 0x20, 0xc2, 0x9b, 0x36, 0x6e, 0x20]),
      Buffer.from('Ende.\n'),
    ]),
  });
  put('e-missing-paragraph', {
    'article.de.md': german({ title: readable[4]!.title, published: '2025-05-01T08:00:00+02:00', paragraphs: ['Nur ein Absatz hier.'] }),
    'facts.yaml': facts([{ label: 'Geister', value: 'neun', paragraph: 9, evidence: 'Nur ein Absatz' }], []),
  });

  const broken: Expected[] = [
    { id: 'b-hostile-text', file: 'article.de.md', line: 2 },
    { id: 'b-hostile-text', file: 'article.en.md', line: 2 },
    { id: 'c-hostile-facts', file: 'facts.yaml', line: 4 },
    { id: 'd-invalid-utf8', file: 'article.de.md', line: 9 },
    // On the line of the fact's `paragraph:` key.
    { id: 'e-missing-paragraph', file: 'facts.yaml', line: 6 },
  ];
  const brokenArticle = (id: string, files: Record<string, string | Buffer>, file: string | null, line?: number) => {
    put(id, files);
    broken.push(line === undefined ? { id, file } : { id, file, line });
  };
  const plain = (title: string) => german({ title, published: '2025-04-01T08:00:00+02:00', paragraphs: ['Ein Satz.'] });

  brokenArticle('f-empty', { 'article.de.md': '' }, 'article.de.md', 1);
  brokenArticle('g-binary', { 'article.de.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff, 0x00]) }, 'article.de.md');
  const huge = put('h-huge', {});
  writeFileSync(path.join(huge, 'article.de.md'), plain('Riesig'));
  truncateSync(path.join(huge, 'article.de.md'), 30 * 1024 * 1024);
  broken.push({ id: 'h-huge', file: 'article.de.md' });
  brokenArticle('i-yaml-syntax', { 'article.de.md': '---\ntitle: Kaputt\nsource: Bote: Zeitung\npublished: 2025-01-01T00:00:00Z\n---\n\nText.\n' }, 'article.de.md', 3);
  brokenArticle('j-alias-bomb-front', { 'article.de.md': `---\n${aliasBomb('tags')}\ntitle: Bombe\nsource: x\npublished: 2025-01-01T00:00:00Z\n---\n\nText.\n` }, 'article.de.md', 2);
  brokenArticle('k-alias-bomb-facts', { 'article.de.md': plain('Bombe in den Fakten'), 'facts.yaml': `${aliasBomb('facts')}\n` }, 'facts.yaml');
  brokenArticle('l-proto-key', { 'article.de.md': german({ title: 'Prototyp', published: '2025-04-01T08:00:00+02:00', paragraphs: ['Text.'], extra: ['__proto__: { polluted: true }'] }) }, 'article.de.md', 5);
  brokenArticle(
    'm-proto-facts',
    { 'article.de.md': plain('Prototyp in Fakten'), 'facts.yaml': 'facts: []\nglossary:\n  - de: a\n    en: b\n    __proto__: { polluted: true }\n' },
    'facts.yaml',
    5,
  );
  brokenArticle('n-escape-key', { 'article.de.md': german({ title: 'Schlüssel', published: '2025-04-01T08:00:00+02:00', paragraphs: ['Text.'], extra: ['"\\e]0;key-title\\a\\e[6n": 1'] }) }, 'article.de.md', 5);

  // Links that leave the library: one file, one whole folder, and an English file.
  const linkFile = put('o-link-file', {});
  symlinkSync(path.join(outside, 'article.de.md'), path.join(linkFile, 'article.de.md'));
  broken.push({ id: 'o-link-file', file: 'article.de.md' });
  symlinkSync(outside, path.join(dir, 'p-link-folder'));
  broken.push({ id: 'p-link-folder', file: 'article.de.md' });
  const linkEn = put('q-link-english', { 'article.de.md': plain('Englisch verlinkt') });
  symlinkSync(path.join(outside, 'article.en.md'), path.join(linkEn, 'article.en.md'));
  broken.push({ id: 'q-link-english', file: 'article.en.md' });
  const loop = put('r-link-loop', {});
  symlinkSync('article.de.md', path.join(loop, 'article.de.md'));
  broken.push({ id: 'r-link-loop', file: 'article.de.md' });
  // A named pipe: opening it for reading would wait forever for a writer.
  const fifo = put('s-fifo', {});
  execFileSync('mkfifo', [path.join(fifo, 'article.de.md')]);
  broken.push({ id: 's-fifo', file: 'article.de.md' });

  // Folder names that are not ids.
  const badNames = ['Grossbuchstaben', 'mit leerzeichen', 'unter_strich', `esc${ESC}]0;folder-title\u0007name`, 'c1\u009B6nname', `${'x'.repeat(81)}`];
  for (const name of badNames) {
    put(name, { 'article.de.md': plain('Falscher Ordnername') });
    broken.push({ id: name, file: null });
  }

  return {
    dir,
    remove: () => rmSync(base, { recursive: true, force: true }),
    readable,
    broken,
    failOnOpen: ['q-link-english'],
    brokenFacts: ['k-alias-bomb-facts', 'm-proto-facts'],
    badNames,
  };
}

/** Escape sequences, C1 controls, bidi controls or NUL anywhere in `text`. */
// eslint-disable-next-line no-control-regex
export const UNSAFE_IN_PIPE = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
