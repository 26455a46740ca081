/**
 * The importer against inputs and places that used to lose work or break it: --force over a
 * curator's translation, articles too big for the library, binary or Latin-1 translations,
 * library paths through files, broken links and procfs, and feed items with nothing in them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/content/library-paths.js';
import { MAX_FILE_BYTES } from '../../src/content/read-file.js';
import { loadFrom, runCli, writeInput } from '../cli/import-helpers.js';
import { tempDir } from '../helpers/library.js';

const GERMAN = [
  'Beispielheim baut ein neues Hallenbad',
  '',
  'Das alte Bad ist marode: Die Stadt will bis 2027 einen Neubau am Stadtpark errichten.',
  '',
  '3.2.2025, 08:45',
  '',
  'Die Stadt Beispielheim will ein neues Hallenbad bauen. Das alte Bad aus dem Jahr 1968 ist nach Angaben der Verwaltung nicht mehr zu retten, die Technik ist veraltet und das Dach undicht.',
  '',
  'Der Neubau soll rund 24 Millionen Euro kosten. Das Land hat Zuschüsse von acht Millionen Euro zugesagt, den Rest muss die Stadt über Kredite finanzieren.',
  '',
  'Schwimmvereine begrüßen die Pläne. Sie hatten seit Jahren über zu wenige Wasserzeiten geklagt und fordern nun ein Lehrschwimmbecken für Kinder.',
  '',
].join('\n');
const ID = '2025-02-03-beispielheim-baut-ein-neues-hallenbad';

const ENGLISH = {
  title: 'Beispielheim builds a new indoor pool',
  dek: 'The old pool is run down: the town wants to build a new one by the city park by 2027.',
  body: [
    'The town of Beispielheim wants to build a new indoor pool. According to the administration, the old pool from 1968 cannot be saved; its equipment is outdated and the roof leaks.',
    'The new building is to cost around 24 million euros. The state has promised grants of eight million euros; the town must finance the rest through loans.',
    'Swimming clubs welcome the plans. They had complained for years about too little pool time and are now calling for a teaching pool for children.',
  ],
};

/** No error code from the system, no stack: words a person can act on. */
function expectPlainMessage(err: string) {
  expect(err).not.toMatch(/\bE[A-Z]{3,}\b/);
  expect(err).not.toMatch(/internal error|please report/);
  expect(err).not.toMatch(/\n\s+at /);
}



/** `newsbridge ARGS` as a separate process (for standard input, and for calls that might hang). */
function spawnCli(args: string[], input?: string) {
  const tsx = path.join(packageRoot(), 'node_modules', '.bin', 'tsx');
  return spawnSync(tsx, [path.join(packageRoot(), 'src', 'cli.ts'), ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
    ...(input !== undefined ? { input } : { stdio: ['ignore', 'pipe', 'pipe'] as const }),
  });
}

describe('import --force', () => {
  it('keeps the previous translation and facts beside the new files, and says where', async () => {
    const dir = tempDir();
    const library = path.join(dir, 'lib');
    const page = writeInput(dir, 'artikel.txt', GERMAN);
    expect((await runCli(['import', page, '--library', library])).code).toBe(0);
    const folder = path.join(library, ID);
    const translated = `---\nstatus: draft\n---\n\n${ENGLISH.body.join('\n\n')}\n`;
    writeFileSync(path.join(folder, 'article.en.md'), translated);
    const facts = readFileSync(path.join(folder, 'facts.yaml'), 'utf8').replace(/confirmed: false/g, 'confirmed: true');
    writeFileSync(path.join(folder, 'facts.yaml'), facts);

    const again = await runCli(['import', page, '--library', library, '--force']);
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(folder, 'article.en.md'), 'utf8')).toContain('<!-- untranslated -->');
    const backups = readdirSync(folder).filter((name) => name.includes('.replaced-'));
    const enBackup = backups.find((name) => name.startsWith('article.en.md.'));
    const factsBackup = backups.find((name) => name.startsWith('facts.yaml.'));
    expect(enBackup).toBeDefined();
    expect(factsBackup).toBeDefined();
    expect(readFileSync(path.join(folder, enBackup ?? ''), 'utf8')).toBe(translated);
    expect(readFileSync(path.join(folder, factsBackup ?? ''), 'utf8')).toBe(facts);
    expect(again.out).toContain(`Kept the previous ${path.join(folder, 'article.en.md')} as ${path.join(folder, enBackup ?? '')}.`);
    expect(again.out).toContain(`Kept the previous ${path.join(folder, 'facts.yaml')} as ${path.join(folder, factsBackup ?? '')}.`);
    // The German file did not change: nothing to keep.
    expect(backups.some((name) => name.startsWith('article.de.md.'))).toBe(false);

    // The backups do not disturb loading or validation.
    const loaded = await loadFrom(library, ID);
    expect(loaded.ok && loaded.problems).toEqual([]);
    expect((await runCli(['validate', '--library', library])).code).toBe(0);
  });

  it('keeps the previous files of a feed item too', async () => {
    const dir = tempDir();
    const feed = writeInput(dir, 'feed.xml', feedXml([item('Neue Brücke für Beispielheim', 'Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Sie kostet zwölf Millionen Euro.')]));
    expect((await runCli(['import', feed, '--library', dir])).code).toBe(0);
    const en = path.join(dir, '2025-01-15-neue-bruecke-fuer-beispielheim', 'article.en.md');
    writeFileSync(en, '---\nstatus: draft\n---\n\nThe town is building a new bridge over the river. It costs twelve million euros.\n');
    const again = await runCli(['import', feed, '--library', dir, '--force']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Kept the previous .*article\.en\.md as .*article\.en\.md\.replaced-/);
  });
});

describe('import of an article the library could not open', () => {
  it('refuses before writing anything, in one line, with status 2', async () => {
    const dir = tempDir();
    const library = path.join(dir, 'lib');
    const sentence = 'Die Stadt Beispielheim plant einen neuen Radweg entlang des Flusses, der viele Ortsteile verbindet.';
    const paragraph = Array.from({ length: 12 }, () => sentence).join(' ');
    const paragraphs = Array.from({ length: Math.ceil((MAX_FILE_BYTES * 1.4) / paragraph.length) }, () => paragraph);
    const page = writeInput(dir, 'lang.txt', ['Ein sehr langer Bericht', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'));
    const result = await runCli(['import', page, '--library', library]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/lang\.txt: the article would be \d+\.\d MB in article\.de\.md, but the library opens files up to 2 MB; nothing was imported/);
    expect(existsSync(library)).toBe(false);
  });
});

describe('import --translation', () => {
  const german = (dir: string) => writeInput(dir, 'artikel.txt', GERMAN);

  it('refuses a binary file as the main input does, writing nothing', async () => {
    const dir = tempDir();
    const library = path.join(dir, 'lib');
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const result = await runCli(['import', german(dir), '--library', library, '--translation', writeInput(dir, 'bild.bin', bytes)]);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(`newsbridge: ${path.join(dir, 'bild.bin')}:1: binary data, not a text, an HTML page or a feed`);
    expect(existsSync(library)).toBe(false);
  });

  it('reads a Latin-1 file as Latin-1', async () => {
    const dir = tempDir();
    const text = [ENGLISH.title, ENGLISH.dek, ...ENGLISH.body].join('\n\n').replace('new indoor pool.', 'new indoor pool and a café.');
    const file = writeInput(dir, 'english.txt', Buffer.from(text, 'latin1'));
    const result = await runCli(['import', german(dir), '--library', dir, '--translation', file]);
    expect(result.code).toBe(0);
    const en = readFileSync(path.join(dir, ID, 'article.en.md'), 'utf8');
    expect(en).toContain('a new indoor pool and a café.');
    expect(en).not.toContain('\uFFFD');
  });

  it('reads standard input with - when the German is a file, and says why not when both are -', () => {
    const dir = tempDir();
    const fromStdin = spawnCli(['import', german(dir), '--library', dir, '--translation', '-'], [ENGLISH.title, ...ENGLISH.body].join('\n\n'));
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toContain('English: 3 of 3 paragraphs filled from -');
    const both = spawnCli(['import', '-', '--library', dir, '--translation', '-'], GERMAN);
    expect(both.status).toBe(2);
    expect(both.stderr.trim()).toBe('newsbridge: --translation -: standard input already holds the German text; give the translation as a file');
  });

  it.each([
    ['a title with a full stop, the dek below it', [`${ENGLISH.title}.`, ENGLISH.dek, ...ENGLISH.body].join('\n\n'), `${ENGLISH.title}.`],
    ['title and dek on consecutive lines', [`${ENGLISH.title}\n${ENGLISH.dek}`, ...ENGLISH.body].join('\n\n'), ENGLISH.title],
  ])('puts the English title and dek into the front matter: %s', async (_, text, title) => {
    const dir = tempDir();
    const result = await runCli(['import', german(dir), '--library', dir, '--translation', writeInput(dir, 'english.txt', text)]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`English title: "${title}"`);
    expect(result.out).toContain('nothing looks doubtful');
    const loaded = await loadFrom(dir, ID);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.article.meta.dek).toBe('Das alte Bad ist marode: Die Stadt will bis 2027 einen Neubau am Stadtpark errichten.');
    expect(loaded.article.english).toMatchObject({ title, dek: ENGLISH.dek });
    expect(loaded.article.paragraphs.map((p) => p.en)).toEqual(ENGLISH.body);
  });

  it('does not take a short first paragraph for a title when the English has none', async () => {
    const dir = tempDir();
    const body = ['The town is building a pool.', ...ENGLISH.body.slice(1)];
    const result = await runCli(['import', german(dir), '--library', dir, '--translation', writeInput(dir, 'english.txt', body.join('\n\n'))]);
    expect(result.code).toBe(0);
    const loaded = await loadFrom(dir, ID);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.article.english?.title).toBeUndefined();
    // Where the aligner puts so short a paragraph is its business; it must not be lost.
    expect(loaded.article.paragraphs.map((p) => p.en).join(' ')).toContain(body[0]);
  });
});

describe('import into a library folder that cannot be made', () => {
  it('names the folder and the reason in words, status 2, for a file, a path through a file and a broken link', async () => {
    const dir = tempDir();
    const page = writeInput(dir, 'artikel.txt', GERMAN);
    const file = writeInput(dir, 'datei', 'kein Ordner');
    symlinkSync(path.join(dir, 'nirgendwo'), path.join(dir, 'kaputt'));
    const cases: [string, string][] = [
      [file, `library ${file}: is a file, not a folder`],
      [path.join(file, 'lib'), `library ${path.join(file, 'lib')}: cannot create it: ${file} is a file, not a folder`],
      [path.join(dir, 'kaputt', 'lib'), `library ${path.join(dir, 'kaputt', 'lib')}: cannot create it: ${path.join(dir, 'kaputt')} is a broken link (it points to nothing)`],
    ];
    for (const [library, message] of cases) {
      const result = await runCli(['import', page, '--library', library]);
      expect(result.code, library).toBe(2);
      expect(result.err.trim()).toBe(`newsbridge: ${message}`);
      expectPlainMessage(result.err);
    }
    expect(existsSync(path.join(dir, 'nirgendwo'))).toBe(false);
  });

  it.runIf(existsSync('/proc/self'))('stops at once under /proc instead of looping', () => {
    const dir = tempDir();
    const result = spawnCli(['import', writeInput(dir, 'artikel.txt', GERMAN), '--library', '/proc/newsbridge-test/lib']);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^newsbridge: library \/proc\/newsbridge-test\/lib: cannot create \/proc\/newsbridge-test: /);
    expectPlainMessage(result.stderr);
  });
});

function item(title: string, description: string): string {
  return `<item><title>${title}</title><link>https://bote.example/${title.length}</link><description>${description}</description><pubDate>Wed, 15 Jan 2025 09:30:00 +0100</pubDate></item>`;
}

function feedXml(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Beispielheimer Bote - Nachrichten</title><link>https://bote.example/</link><description>Neues</description>\n${items.join('\n')}\n</channel></rss>`;
}

describe('import of a feed with an empty item', () => {
  it('counts the empty item and says it was skipped', async () => {
    const dir = tempDir();
    const feed = feedXml([
      item('Neue Brücke für Beispielheim', 'Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Sie kostet zwölf Millionen Euro.'),
      '<item></item>',
      item('Straßenfest in der Altstadt', 'Am Wochenende feiert die Altstadt ihr großes Straßenfest mit Musik und Tanz.'),
    ]);
    const result = await runCli(['import', writeInput(dir, 'feed.xml', feed), '--library', dir]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Skipped item 2 of the feed: it has no title or no text.');
    expect(result.out).toContain('2 of 3 feed items imported, 1 skipped.');
  });
});
