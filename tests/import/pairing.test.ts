import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledLibrary } from '../../src/content/library-paths.js';
import { pairParagraphs } from '../../src/curate/paragraph-alignment.js';
import { runCli as runImport, writeInput, loadFrom } from '../cli/import-helpers.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../helpers/library.js';

const GERMAN = [
  'Beispielheim baut ein Hallenbad',
  '',
  'Die Stadt Beispielheim baut ein neues Hallenbad am Stadtpark. Der Stadtrat hat den Bau am Montag mit großer Mehrheit beschlossen.',
  '',
  'Das Bad soll 2027 öffnen und rund 18 Millionen Euro kosten. Das Land übernimmt ein Drittel der Kosten.',
  '',
  'Das alte Bad an der Schulstraße ist seit 2019 geschlossen. Es war zu marode, um es noch zu sanieren, sagte Bürgermeisterin Anna Muster.',
  '',
  'Schwimmvereine hatten jahrelang für einen Neubau gekämpft. Der Verein SV Beispielheim sammelte dafür mehr als 3000 Unterschriften.',
  '',
  'Die Bauarbeiten sollen im Herbst beginnen. Während der Bauzeit bleibt der Stadtpark zum größten Teil geöffnet.',
  '',
].join('\n');

// A translation of the first two paragraphs only.
const PARTIAL = [
  'The town of Beispielheim is building a new indoor pool by the town park. The council approved the project by a large majority on Monday.',
  'The pool is to open in 2027 and cost around 18 million euros. The state is covering a third of the costs.',
];

describe('one pairing for import --translation and align', () => {
  it('pairs a partial translation with the paragraphs it translates and leaves the rest untranslated', async () => {
    const dir = tempDir();
    const result = await runImport(['import', writeInput(dir, 'de.txt', GERMAN), '--library', dir, '--translation', writeInput(dir, 'en.txt', PARTIAL.join('\n\n'))]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('English: 2 of 5 paragraphs filled');
    const loaded = await loadFrom(dir, 'beispielheim-baut-ein-hallenbad');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.article.paragraphs.map((p) => p.en)).toEqual([...PARTIAL, '', '', '']);
  });

  it('align pairs the same two texts the same way', async () => {
    const dir = tempDir();
    const body = GERMAN.split('\n\n').slice(1).join('\n\n');
    const { code, stdout } = await runCli(['align', writeInput(dir, 'de.txt', body), writeInput(dir, 'en.txt', PARTIAL.join('\n\n')), '--json']);
    expect(code).toBe(0);
    const pairs = (JSON.parse(stdout) as { paragraphs: { beads: { de: string[]; en: string[] }[] }[] }).paragraphs.map((p) => p.beads);
    expect(pairs).toHaveLength(5);
    expect(pairs.map((beads) => beads.flatMap((b) => b.en).join(' '))).toEqual([...PARTIAL, '', '', '']);
  });

  it('pairs the first English paragraph of the bundled article with the first German one, in import and in align alike', async () => {
    // Length alone pairs this one sentence-rich paragraph with the third German one.
    const folder = path.join(bundledLibrary(), '2024-04-04-aws-stellenabbau');
    const body = (file: string) => readFileSync(path.join(folder, file), 'utf8').split('\n---\n')[1]?.trim().split(/\n\s*\n/) ?? [];
    const de = body('article.de.md');
    const first = body('article.en.md')[0] ?? '';
    expect(pairParagraphs(de, [first]).map((b) => b.en)).toEqual([[0], [], [], []]);

    const dir = tempDir();
    const german = writeInput(dir, 'de.txt', ['Amazon streicht Jobs im Cloud-Geschäft!', ...de].join('\n\n'));
    const english = writeInput(dir, 'en.txt', first);
    const aligned = (JSON.parse((await runCli(['align', path.join(folder, 'article.de.md'), english, '--json'])).stdout) as { paragraphs: { beads: { en: string[] }[] }[] }).paragraphs.map((p) => p.beads);
    expect(aligned.map((beads) => beads.flatMap((b) => b.en).length > 0)).toEqual([true, false, false, false]);
    const imported = await runImport(['import', german, '--library', dir, '--translation', english]);
    expect(imported.code).toBe(0);
    const loaded = await loadFrom(dir, 'amazon-streicht-jobs-im-cloud-geschaeft');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.article.paragraphs.map((p) => p.en !== '')).toEqual([true, false, false, false]);
  });

  it('still finds a paragraph missing in the middle by the names and numbers around it', () => {
    const de = GERMAN.split('\n\n').slice(1).map((p) => p.trim());
    const en = [
      PARTIAL[0] ?? '',
      PARTIAL[1] ?? '',
      'Swimming clubs had campaigned for a new building for years. The SV Beispielheim club collected more than 3000 signatures.',
      'Construction is to start in autumn. Most of the town park stays open while the work goes on.',
    ];
    const beads = pairParagraphs(de, en);
    expect(beads.find((b) => b.en.length === 0)?.de).toEqual([2]);
  });
});
