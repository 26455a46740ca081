import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishFile, factsFile, germanFile, makeLibrary, tempDir } from '../helpers/library.js';
import { runCli } from './run-cli.js';

const SEED = '2024-04-04-aws-stellenabbau';
/** The bundled article whose English is deliberately unfinished. */
const DRAFT = '2023-05-01-deutschlandticket-start';
const bundled = path.resolve(import.meta.dirname, '../../articles');

describe('hints name the library that was given', () => {
  it('suggests list and validate with the same --library, quoted when the path needs it', async () => {
    const lib = path.join(tempDir(), 'meine bib');
    makeLibraryAt(lib);
    const show = await runCli(['show', 'gibt-es-nicht', '--library', lib]);
    expect(show.code).toBe(2);
    expect(show.stderr).toContain(`Run 'newsbridge list --library "${lib}"' to see the ids.`);
    const validate = await runCli(['validate', 'gibt-es-nicht', '--library', lib]);
    expect(validate.stderr).toContain(`'newsbridge list --library "${lib}"'`);
    const bundledHint = await runCli(['show', 'gibt-es-nicht']);
    expect(bundledHint.stderr).toContain("Run 'newsbridge list' to see the ids.");
  });
});

describe('list', () => {
  it('lists the bundled seed article as JSON, first because it is the newest', async () => {
    const { code, stdout } = await runCli(['list', '--json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as { format: string; version: number; articles: { id: string; translation: string; published: string }[] };
    expect(document).toMatchObject({ format: 'newsbridge.list', version: 1 });
    const list = document.articles;
    // The README capture and the reader's end-to-end tests open the first row.
    expect(list[0]?.id).toBe(SEED);
    expect(list.find((a) => a.id === SEED)).toMatchObject({ translation: 'reviewed', published: '2024-04-04T18:00:00+02:00' });
    expect(list.find((a) => a.id === DRAFT)).toMatchObject({ translation: 'draft' });
  });

  it('lists broken articles with their error and keeps the good ones', async () => {
    const lib = makeLibrary({ good: { de: germanFile() }, bad: { de: '---\ntitle: x\n---\n' } });
    const { code, stdout } = await runCli(['list', '--library', lib]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/good\s+\[untranslated\]/);
    expect(stdout).toMatch(/bad .*article\.de\.md:2: source: missing$/m);
  });

  it('reads the library from NEWSBRIDGE_LIBRARY', async () => {
    const lib = makeLibrary({ 'from-env': { de: germanFile() } });
    const { stdout } = await runCli(['list'], { NEWSBRIDGE_LIBRARY: lib });
    expect(stdout).toContain('from-env');
  });
});

describe('show', () => {
  it('prints the four German paragraphs of the seed verbatim', async () => {
    const { code, stdout } = await runCli(['show', SEED, '--lang', 'de']);
    expect(code).toBe(0);
    const body = readFileSync(path.join(bundled, SEED, 'article.de.md'), 'utf8').split('---\n')[2] ?? '';
    const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    expect(paragraphs).toHaveLength(4);
    for (const p of paragraphs) expect(stdout).toContain(p);
    expect(stdout).not.toMatch(/Für 2 € sichern|Favoriten unserer Leser/);
  });

  it('prints the whole English rendering, and side by side when wide enough', async () => {
    const english = await runCli(['show', SEED, '--lang', 'en']);
    expect(english.stdout).toContain('Amazon cuts jobs in its cloud business!');
    expect(english.stdout).toContain('$4 billion investment in the AI start-up Anthropic');
    const both = await runCli(['show', SEED, '--width', '120']);
    expect(both.stdout.split('\n').some((l) => l.includes(' │ ') && l.startsWith('Amazon.com kündigt'))).toBe(true);
    expect(both.stdout.split('\n').every((l) => [...l].length <= 120)).toBe(true);
    const narrow = await runCli(['show', SEED, '--width', '60']);
    expect(narrow.stdout).not.toContain(' │ ');
  });

  it('prints facts and glossary with --facts, and JSON with --json', async () => {
    const facts = await runCli(['show', SEED, '--facts', '--lang', 'en']);
    expect(facts.stdout).toMatch(/Key facts[\s\S]*\$4 billion \(¶3\.2\)/);
    expect(facts.stdout).toMatch(/Glossary[\s\S]*Stellenstreichungen = job cuts/);
    const json = JSON.parse((await runCli(['show', SEED, '--json'])).stdout) as { format: string; version: number; id: string; paragraphs: unknown[]; facts: unknown[] };
    expect(json).toMatchObject({ format: 'newsbridge.show', version: 1, id: SEED });
    expect(json.paragraphs).toHaveLength(4);
    expect(json.facts.length).toBeGreaterThanOrEqual(10);
  });

  it('rejects unknown ids, paths as ids and bad options with exit 2 and a hint', async () => {
    for (const args of [['show', 'no-such-article'], ['show', '../etc/passwd'], ['show', SEED, '--lang', 'fr'], ['show', SEED, '--width', 'x'], ['frobnicate', '--bogus']]) {
      const { code, stderr, stdout } = await runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
      expect(stderr).toMatch(/^newsbridge: /);
      expect(stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
  });
});

describe('validate', () => {
  it('passes on the bundled library: no errors, and warnings only for the draft’s untranslated paragraphs', async () => {
    const { code, stdout, stderr } = await runCli(['validate']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\d+ articles checked: 0 errors, 1 warning\.$/m);
    // The bundled draft shows how an unfinished translation looks (in one line); nothing else may warn.
    const warnings = stdout.split('\n').filter(Boolean);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`${DRAFT}/article\\.en\\.md:\\d+: warning: \\d+ of \\d+ paragraphs (is|are) not translated yet \\(paragraphs? [\\d–, ]+\\)$`))]);
  });

  it('names article.en.md when an English paragraph is removed from a copy', async () => {
    const dir = tempDir();
    cpSync(path.join(bundled, SEED), path.join(dir, SEED), { recursive: true });
    const en = path.join(dir, SEED, 'article.en.md');
    const parts = readFileSync(en, 'utf8').split('\n\n');
    parts.splice(2, 1);
    writeFileSync(en, parts.join('\n\n'));
    const { code, stdout } = await runCli(['validate', SEED, '--library', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/article\.en\.md: 3 English paragraphs for 4 German ones/);
    expect(stdout).toMatch(/article\.en\.md:\d+: German paragraph 2 \(.*article\.de\.md:\d+\) seems to have no English paragraph/);
  });

  it('reports evidence, references, numbers, dates and control characters with file and line', async () => {
    const badFacts = factsFile()
      .replace('glossary:', [
        '  - id: wrong-evidence',
        '    kind: other',
        '    label: { de: Falsch, en: Wrong }',
        '    value: { de: x, en: x }',
        '    paragraph: 2',
        '    evidence: gibt es nicht',
        '  - id: no-paragraph',
        '    kind: other',
        '    label: { de: Fehlt, en: Missing }',
        '    value: { de: x, en: x }',
        '    paragraph: 9',
        '    evidence: Brücke',
        'glossary:',
      ].join('\n'));
    const lib = makeLibrary({
      checked: {
        de: germanFile({ paragraphs: ['Die Stadt baut eine Brücke für 4 Milliarden Dollar. Sie kostet viel.', 'Der Bau beginnt am 4. Apr. 2024 \u001B[31mund dauert 60 Tage.'] }),
        en: englishFile({ paragraphs: ['The town is building a bridge for $3 billion. It costs a lot.', 'Construction starts on 4 April 2024 and takes 60 days.'] }),
        facts: badFacts,
      },
    });
    const { code, stdout } = await runCli(['validate', '--library', lib]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/facts\.yaml:\d+: fact "wrong-evidence": evidence "gibt es nicht" is not in German paragraph 2/);
    expect(stdout).toMatch(/facts\.yaml:\d+: fact "no-paragraph" cites paragraph 9, but the article has 2/);
    expect(stdout).toMatch(/article\.en\.md:8: paragraph 1: "4 Milliarden Dollar" .* is not in the English/);
    expect(stdout).toMatch(/article\.de\.md:10: control characters/);
    expect(stdout).not.toMatch(/paragraph 2: "(4\. Apr\. 2024|60)"/);
  });

  it('checks one article folder given as a path', async () => {
    const lib = makeLibrary({ solo: { de: germanFile(), en: englishFile(), facts: factsFile() } });
    const { code, stderr } = await runCli(['validate', path.join(lib, 'solo')]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/1 article checked: no problems/);
  });
});

describe('align', () => {
  it('prints one entry per paragraph with beads of sentences as written', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'de.txt'), 'Der Rat tagt am 4. Apr. 2024 in Bonn. Er berät z. B. über Schulen.\n\nDas ist alles.\n');
    writeFileSync(path.join(dir, 'en.txt'), 'The council meets in Bonn on 4 April 2024. It will discuss schools, for example.\n\nThat is all.\n');
    const { code, stdout } = await runCli(['align', path.join(dir, 'de.txt'), path.join(dir, 'en.txt'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(ALIGNED);
  });

  it('reads either file from standard input as -', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'en.txt'), 'The council meets in Bonn on 4 April 2024. It will discuss schools, for example.\n\nThat is all.\n');
    const german = 'Der Rat tagt am 4. Apr. 2024 in Bonn. Er berät z. B. über Schulen.\n\nDas ist alles.\n';
    const piped = await runCli(['align', '-', path.join(dir, 'en.txt'), '--json'], {}, { stdin: german });
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual(ALIGNED);
    writeFileSync(path.join(dir, 'de.txt'), german);
    const second = await runCli(['align', path.join(dir, 'de.txt'), '-', '--json'], {}, { stdin: readFileSync(path.join(dir, 'en.txt'), 'utf8') });
    expect(JSON.parse(second.stdout)).toEqual(ALIGNED);
  });

  it('refuses - for both files, - from a terminal, and binary input, each with one line', async () => {
    const both = await runCli(['align', '-', '-']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^newsbridge: only one of the two files can be - \(standard input\)\n/);
    const terminal = await runCli(['align', '-', 'en.txt'], {}, { tty: true });
    expect(terminal.code).toBe(2);
    expect(terminal.stderr).toContain('standard input, but that is a terminal');
    const binary = await runCli(['align', '-', '/dev/null'], {}, { stdin: 'Text\u0000mit Null' });
    expect(binary.stderr).toMatch(/^newsbridge: -: is a binary file, not text$/m);
  });

  it('fails with one line for a missing file', async () => {
    const { code, stderr } = await runCli(['align', '/nonexistent/de.txt', '/nonexistent/en.txt']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^newsbridge: \/nonexistent\/de\.txt: no such file/);
  });
});

/** The seed-free two-paragraph text above, aligned, as `align --json` prints it. */
const ALIGNED = {
  format: 'newsbridge.align',
  version: 1,
  paragraphs: [
    {
      paragraph: 1,
      beads: [
        { de: ['Der Rat tagt am 4. Apr. 2024 in Bonn.'], en: ['The council meets in Bonn on 4 April 2024.'] },
        { de: ['Er berät z. B. über Schulen.'], en: ['It will discuss schools, for example.'] },
      ],
    },
    { paragraph: 2, beads: [{ de: ['Das ist alles.'], en: ['That is all.'] }] },
  ],
};

function makeLibraryAt(dir: string): void {
  cpSync(makeLibrary({ 'eins-zwei': { de: germanFile() } }), dir, { recursive: true });
}

describe('mistakes on the command line', () => {
  it('are told in the interface language, with a suggestion when one is near', async () => {
    const german = await runCli(['--ui-lang', 'de', '--bogus']);
    expect(german.code).toBe(2);
    expect(german.stderr).toContain("unbekannte Option '--bogus'");
    expect(german.stderr).toContain("Siehe 'newsbridge --help'.");
    const near = await runCli(['--libary', 'x']);
    expect(near.stderr).toContain("unknown option '--libary'");
    expect(near.stderr).toContain('Did you mean --library?');
    const missing = await runCli(['--ui-lang', 'de', 'show']);
    expect(missing.stderr).toContain("Argument 'id' fehlt");
  });

  it('take a misspelt command for what it is', async () => {
    const result = await runCli(['lsit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Did you mean 'newsbridge list'?");
    const id = await runCli(['gibt-es-nicht']);
    expect(id.stderr).not.toContain('Did you mean');
  });

  it('name a misspelt command that has arguments or options, instead of "too many arguments"', async () => {
    for (const [args, meant] of [
      [['shwo', SEED], 'show'],
      [['lsit', '--json'], 'list'],
      [['--library', 'x', 'valdiate', 'eins', 'zwei'], 'validate'],
      [['ALIGN', 'a.txt', 'b.txt'], 'align'],
      [['completoin', 'bash'], 'completion'],
    ] as const) {
      const result = await runCli([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`newsbridge: unknown command '${args.find((a) => !a.startsWith('-') && a !== 'x')}'\nDid you mean 'newsbridge ${meant}'? Try 'newsbridge ${meant} --help'.\n`);
    }
    const german = await runCli(['--ui-lang', 'de', 'shwo', SEED]);
    expect(german.stderr).toContain("unbekannter Befehl 'shwo'");
    expect(german.stderr).toContain("Gemeint ist vielleicht 'newsbridge show'?");
    // An article id with a stray option is not taken for a command.
    const far = await runCli(['gibt-es-nicht', '--lang', 'en']);
    expect(far.stderr).toContain("unknown option '--lang'");
    expect(far.stderr).not.toContain('unknown command');
  });

  it('shows usage lines in German with --ui-lang de', async () => {
    const help = await runCli(['--ui-lang', 'de', '--help']);
    expect(help.stdout).toContain('show [Optionen] <id>');
    expect(help.stdout).not.toContain('[options]');
  });
});

describe('show, at the edges', () => {
  it('keeps every line within --width, header and address included', async () => {
    const { code, stdout } = await runCli(['show', SEED, '--width', '33']);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => [...l].length > 33)).toEqual([]);
  });

  it('takes only a plain whole number as --width', async () => {
    for (const value of ['1e2', '0x40', '40.0']) expect((await runCli(['show', SEED, '--width', value])).code).toBe(2);
  });

  it('starts with a title and says when there are no facts, even for an untranslated article', async () => {
    const lib = makeLibrary({ 'nur-deutsch': { de: germanFile() } });
    const { code, stdout } = await runCli(['show', 'nur-deutsch', '--lang', 'en', '--facts', '--library', lib]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Neue Brücke für Beispielheim');
    expect(stdout).toContain('Key facts\nNo key facts yet.');
  });
});

describe('show --facts on a fresh import', () => {
  it('marks candidate facts and proposed glossary terms as unconfirmed, in words', async () => {
    const facts = [
      'facts:',
      '  - id: money-12-millionen-euro',
      '    kind: money',
      '    label: { de: Betrag, en: Amount }',
      '    value: { de: 12 Millionen Euro }',
      '    paragraph: 1',
      '    sentence: 2',
      '    evidence: 12 Millionen Euro',
      '    confirmed: false',
      'glossary:',
      '  - de: Brückenbauverwaltung',
      '    confirmed: false',
      '',
    ].join('\n');
    const lib = makeLibrary({ frisch: { de: germanFile(), facts } });
    const { code, stdout } = await runCli(['show', 'frisch', '--lang', 'en', '--facts', '--library', lib]);
    expect(code).toBe(0);
    expect(stdout).toContain('- Amount: 12 Millionen Euro (¶1.2) (unconfirmed)');
    expect(stdout).toContain('- Brückenbauverwaltung = no English yet (unconfirmed)');
    const german = await runCli(['show', 'frisch', '--lang', 'de', '--facts', '--library', lib, '--ui-lang', 'de']);
    expect(german.stdout).toContain('- Betrag: 12 Millionen Euro (¶1.2) (unbestätigt)');
  });
});

describe('an empty --library', () => {
  it('is a usage error, not the bundled articles', async () => {
    for (const argv of [['list', '--library', ''], ['import', 'x.txt', '--library', ' ']]) {
      const result = await runCli(argv);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--library needs a folder');
      expect(result.stdout).toBe('');
    }
  });
});
