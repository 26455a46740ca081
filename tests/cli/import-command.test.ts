import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/content/library-paths.js';
import { tempDir } from '../helpers/library.js';
import { ATOM1, RAW_PAGE, RAW_PAGE_BODY, RSS2, htmlPage } from '../import/fixtures.js';
import { loadFrom, runCli, writeInput } from './import-helpers.js';

const ID = '2020-04-28-neue-bruecke-fuer-beispielheim';



describe('newsbridge import FILE', () => {
  it('writes the three files, which load cleanly, and says what is next', async () => {
    const dir = tempDir();
    const library = path.join(dir, 'lib');
    const result = await runCli(['import', writeInput(dir, 'seite.txt', RAW_PAGE), '--library', library]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`Created the library folder`);
    expect(result.out).toContain(`Imported "${ID}" from raw text: 3 paragraphs`);
    expect(result.out).toContain(path.join(library, ID, 'article.de.md'));
    expect(result.out).toMatch(/Next: translate with 'newsbridge --library .* 2020-04-28-neue-bruecke-fuer-beispielheim' and press e/);
    expect(result.out).toContain(`newsbridge validate --library`);

    const loaded = await loadFrom(library, ID);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.problems).toEqual([]);
    expect(loaded.article.meta).toMatchObject({ title: 'Neue Brücke für Beispielheim', source: 'Beispielheimer Bote', published: '2020-04-28T17:33:00+02:00', author: 'Erika Beispiel' });
    expect(loaded.article.paragraphs.map((p) => p.de)).toEqual(RAW_PAGE_BODY);
    expect(loaded.article.english?.status).toBe('draft');
    expect(loaded.article.paragraphs.every((p) => p.en === '')).toBe(true);
    expect(loaded.article.facts.length).toBeGreaterThan(0);
    expect(loaded.article.facts.every((f) => !f.confirmed)).toBe(true);

    const facts = readFileSync(path.join(library, ID, 'facts.yaml'), 'utf8');
    // Relative to the library, to a copy of the schema in the library's own .schema/ folder:
    // it survives a reinstall of the program and a library shared with others.
    expect(facts.split('\n')[0]).toBe('# yaml-language-server: $schema=../.schema/facts.schema.json');
    const copy = readFileSync(path.join(library, ID, '../.schema/facts.schema.json'), 'utf8');
    expect(copy).toBe(readFileSync(path.join(packageRoot(), 'schema', 'facts.schema.json'), 'utf8'));
    expect(readFileSync(path.join(library, ID, 'article.en.md'), 'utf8')).toBe('---\nstatus: draft\n---\n\n<!-- untranslated -->\n\n<!-- untranslated -->\n\n<!-- untranslated -->\n');
  });

  it('refuses to overwrite without --force, and replaces with it', async () => {
    const dir = tempDir();
    const file = writeInput(dir, 'seite.txt', RAW_PAGE);
    expect((await runCli(['import', file, '--library', dir])).code).toBe(0);
    const again = await runCli(['import', file, '--library', dir]);
    expect(again.code).toBe(2);
    expect(again.out).toBe('');
    expect(again.err).toContain(`article "${ID}" already exists in`);
    expect(again.err).toContain('--force');
    expect(again.err).not.toMatch(/\n\s+at /);
    expect((await runCli(['import', file, '--library', dir, '--force'])).code).toBe(0);
  });

  it('takes --id when it is a slug and refuses anything else', async () => {
    const dir = tempDir();
    const file = writeInput(dir, 'seite.html', htmlPage());
    const bad = await runCli(['import', file, '--library', dir, '--id', '../Böse_ID']);
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')[0]).toBe('newsbridge: --id "../Böse_ID" is not an article id: use lower-case letters, digits and hyphens (at most 80)');
    const good = await runCli(['import', file, '--library', dir, '--id', 'bruecke']);
    expect(good.code).toBe(0);
    expect(good.out).toContain('Imported "bruecke" from an HTML page');
    const loaded = await loadFrom(dir, 'bruecke');
    expect(loaded.ok && loaded.article.meta.url).toBe('https://bote.example/region/neue-bruecke');
  });

  it('names the file in one line for missing, empty and unreadable input', async () => {
    const dir = tempDir();
    const missing = await runCli(['import', path.join(dir, 'fehlt.txt'), '--library', dir]);
    expect(missing.code).toBe(2);
    expect(missing.err.split('\n')[0]).toBe(`newsbridge: ${path.join(dir, 'fehlt.txt')}: no such file`);
    const empty = await runCli(['import', writeInput(dir, 'leer.txt', ''), '--library', dir]);
    expect(empty.err.split('\n')[0]).toBe(`newsbridge: ${path.join(dir, 'leer.txt')}: the input is empty`);
    const binary = await runCli(['import', writeInput(dir, 'bild.png', 'PNG\n\u0000\u0000'), '--library', dir]);
    expect(binary.err.split('\n')[0]).toBe(`newsbridge: ${path.join(dir, 'bild.png')}:2: binary data, not a text, an HTML page or a feed`);
    const menu = await runCli(['import', writeInput(dir, 'menue.txt', 'Start\n\nSport\n\nKontakt\n'), '--library', dir]);
    expect(menu.err.split('\n')[0]).toContain('no article text found');
    expect(existsSync(path.join(dir, 'menue'))).toBe(false);
  });

  it('imports every feed item and skips those already in the library', async () => {
    const dir = tempDir();
    const file = writeInput(dir, 'feed.xml', RSS2);
    const first = await runCli(['import', file, '--library', dir]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('2 of 2 feed items imported, 0 skipped.');
    expect(first.out).toContain("Next: see them with 'newsbridge list --library");
    const second = await runCli(['import', file, '--library', dir]);
    expect(second.out).toContain('Skipped "2025-01-15-neue-bruecke-fuer-beispielheim": it is in the library already');
    expect(second.out).toContain('Nothing new');
    for (const id of ['2025-01-15-neue-bruecke-fuer-beispielheim', '2025-07-12-ueber-strassenfest-musik']) {
      expect((await loadFrom(dir, id)).ok).toBe(true);
    }
    const withId = await runCli(['import', writeInput(dir, 'atom.xml', ATOM1.replace('</feed>', ATOM1.slice(ATOM1.indexOf('<entry>'), ATOM1.indexOf('</feed>')).replace(/bad/g, 'bad2').replace('Schwimmbad', 'Freibad') + '</feed>')), '--library', dir, '--id', 'eins']);
    expect(withId.code).toBe(2);
    expect(withId.err).toContain('--id needs a single article');
  });

  it('says clearly when a URL cannot be reached', async () => {
    const dir = tempDir();
    const result = await runCli(['import', 'http://newsbridge-test.invalid/artikel', '--library', dir]);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe('newsbridge: cannot reach newsbridge-test.invalid: the host name does not resolve (offline, or a typo?)');
    // A port that was just free: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const refused = await runCli(['import', `http://127.0.0.1:${port}/artikel`, '--library', dir]);
    expect(refused.err.split('\n')[0]).toBe(`newsbridge: cannot reach 127.0.0.1:${port}: the connection was refused`);
  });

  it('reads standard input with -', () => {
    const dir = tempDir();
    const tsx = path.join(packageRoot(), 'node_modules', '.bin', 'tsx');
    const child = spawnSync(tsx, [path.join(packageRoot(), 'src', 'cli.ts'), 'import', '-', '--library', dir], {
      input: RAW_PAGE,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toContain(`Imported "${ID}" from raw text`);
  });

  it('prints messages in German with --ui-lang de', async () => {
    const dir = tempDir();
    const result = await runCli(['import', writeInput(dir, 'seite.txt', RAW_PAGE), '--library', dir, '--ui-lang', 'de']);
    expect(result.out).toContain(`„${ID}“ aus Rohtext importiert: 3 Absätze`);
    expect(result.out).toContain('Weiter:');
  });

  it('prints the notes on skipped feed items and kept files in German too', async () => {
    const dir = tempDir();
    const item = (link: string) =>
      `<item><title>Neue Brücke für Beispielheim</title><link>https://bote.example/${link}</link><description>Die Stadt Beispielheim baut eine neue Brücke über den Fluss. Sie kostet zwölf Millionen Euro.</description><pubDate>Wed, 15 Jan 2025 09:30:00 +0100</pubDate></item>`;
    const feed = writeInput(
      dir,
      'feed.xml',
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Beispielheimer Bote</title><link>https://bote.example/</link><description>Neues</description>\n${item('a')}\n<item></item>\n${item('b')}\n</channel></rss>`,
    );
    const id = '2025-01-15-neue-bruecke-fuer-beispielheim';
    const first = await runCli(['import', feed, '--library', dir, '--ui-lang', 'de']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('Eintrag 2 des Feeds übersprungen: ohne Titel oder ohne Text.');
    expect(first.out).toContain(`Eintrag übersprungen, der ebenfalls „${id}“ ergäbe (gleiches Datum und gleicher Titel wie ein Eintrag davor).`);
    expect(first.out).not.toMatch(/Skipped|Kept/);

    // A translation to keep: --force sets it aside and says so.
    const en = path.join(dir, id, 'article.en.md');
    writeFileSync(en, '---\nstatus: draft\n---\n\nThe town is building a new bridge over the river. It costs twelve million euros.\n');
    const again = await runCli(['import', feed, '--library', dir, '--force', '--ui-lang', 'de']);
    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out).toMatch(/^Bisherige Datei .*article\.en\.md als .*article\.en\.md\.replaced-\S+ aufbewahrt\.$/m);
  });
});

describe('newsbridge import --translation', () => {
  const TID = '2025-05-02-beispielheim-plant-neue-wohnungen';
  const german = [
    'Beispielheim plant neue Wohnungen',
    '',
    '2.5.2025, 10:15',
    '',
    'Die Stadt Beispielheim plant 120 neue Wohnungen am Stadtrand. Der Bau soll 2026 beginnen und etwa drei Jahre dauern.',
    '',
    'Die Kosten liegen bei 45 Millionen Euro. Ein Drittel davon übernimmt das Land, den Rest tragen die Stadtwerke.',
    '',
    'Anwohner sammelten bereits 800 Unterschriften gegen das Projekt. Sie fürchten mehr Verkehr in den engen Straßen.',
    '',
    'Der Stadtrat entscheidet am 14. Mai 2025 endgültig. Bürgermeisterin Anna Muster rechnet mit einer klaren Mehrheit.',
    '',
  ].join('\n');
  const english = {
    title: 'Beispielheim plans new flats',
    p1a: 'The town of Beispielheim is planning 120 new flats on its outskirts.',
    p1b: 'Construction is to start in 2026 and take about three years.',
    p2: 'The costs are 45 million euros. The state is covering a third of them, the municipal utilities the rest.',
    p3: 'Residents have already collected 800 signatures against the project. They fear more traffic in the narrow streets.',
    p4: 'The council will make its final decision on 14 May 2025. Mayor Anna Muster expects a clear majority.',
  };

  it('aligns the English, merges a split paragraph, leaves a placeholder for a missing one and lists them', async () => {
    const dir = tempDir();
    const page = writeInput(dir, 'artikel.txt', german);
    const translation = writeInput(dir, 'english.txt', [english.title, english.p1a, english.p1b, english.p2, english.p4].join('\n\n'));
    const result = await runCli(['import', page, '--library', dir, '--translation', translation]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('English: 3 of 4 paragraphs filled from');
    expect(result.out).toContain('English title: "Beispielheim plans new flats"');
    expect(result.out).toContain('Check these paragraphs');
    expect(result.out).toContain('paragraph 1: 2 English paragraphs were merged into it');
    expect(result.out).toContain('paragraph 3: no English found; a placeholder was left');
    expect(result.out).not.toContain('paragraph 2:');
    expect(result.out).not.toContain('paragraph 4:');
    expect(result.out).toContain('Next: review the English');

    const loaded = await loadFrom(dir, TID);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.article.english).toMatchObject({ status: 'draft', title: english.title });
    expect(loaded.article.paragraphs.map((p) => p.en)).toEqual([`${english.p1a} ${english.p1b}`, english.p2, '', english.p4]);
  });

  it('accepts an article.en.md with front matter and reports no doubts when all pairs fit', async () => {
    const dir = tempDir();
    const page = writeInput(dir, 'artikel.txt', german);
    const body = [`${english.p1a} ${english.p1b}`, english.p2, english.p3, english.p4];
    const file = writeInput(dir, 'article.en.md', `---\ntitle: New flats\nstatus: reviewed\n---\n\n${body.join('\n\n')}\n`);
    const result = await runCli(['import', page, '--library', dir, '--translation', file]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('English: 4 of 4 paragraphs filled');
    expect(result.out).toContain('nothing looks doubtful');
    const loaded = await loadFrom(dir, TID);
    expect(loaded.ok && loaded.article.english).toMatchObject({ title: 'New flats', status: 'draft' });
  });
});
