import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { englishFile, germanFile, makeLibrary } from '../helpers/library.js';

const GERMAN = [
  'Der Rat hat über den Haushalt beraten. Die Zahlen:',
  '## Was beschlossen wurde',
  '- Die Grundsteuer steigt um 5 Prozent.\n- Das Hallenbad bleibt geöffnet',
  '| Jahr | Ausgaben | Einnahmen |\n| --- | --- | --- |\n| 2024 | 12,5 Mio. Euro | 11,9 Mio. Euro |',
  '> Wir haben lange gerungen.',
  '? Sind Sie zufrieden?',
  '[1]: https://example.org/plan "Der Plan"',
];
const ENGLISH = [
  'The council debated the budget. The figures:',
  '## What was decided',
  '- Property tax rises by 5 percent.\n- The indoor pool stays open',
  '| Year | Spending | Income |\n| --- | --- | --- |\n| 2024 | €12.5 million | €11.9 million |',
  '> We struggled for a long time.',
  '? Are you satisfied?',
];

function library() {
  return makeLibrary({ haushalt: { de: germanFile({ paragraphs: GERMAN }), en: englishFile({ paragraphs: ENGLISH }) } });
}

describe('show prints the blocks recognisably', () => {
  it('sets headings apart, bullets lists, lays tables in columns, marks quotes and questions, and lists the links', async () => {
    const result = await runCli(['show', 'haushalt', '--library', library(), '--lang', 'en', '--width', '60']);
    expect(result.code).toBe(0);
    const out = result.stdout.split('\n');
    expect(out).toContain('What was decided');
    expect(out[out.indexOf('What was decided') + 1]).toBe('─'.repeat('What was decided'.length));
    expect(out).toContain('• Property tax rises by 5 percent.');
    expect(out).toContain('• The indoor pool stays open');
    expect(out).toContain('Year  Spending       Income');
    expect(out).toContain('2024  €12.5 million  €11.9 million');
    expect(out).toContain('> We struggled for a long time.');
    expect(out).toContain('Q: Are you satisfied?');
    expect(out.slice(-3)).toEqual(['Links', '[1] Der Plan — https://example.org/plan', '']);
  });

  it('turns a table too wide for the width into label: value rows, in both languages', async () => {
    const result = await runCli(['show', 'haushalt', '--library', library(), '--lang', 'de', '--width', '20']);
    const out = result.stdout.split('\n');
    expect(out).toContain('Jahr: 2024');
    expect(out).toContain('Ausgaben: 12,5 Mio.');
    expect(out).toContain('  Euro');
    expect(out).toContain('F: Sind Sie');
    expect(out).toContain('   zufrieden?');
    expect(out.every((l) => [...l].length <= 20)).toBe(true);
  });

  it('uses 80 columns on a terminal that reports 0 columns, not one character per line', async () => {
    const result = await runCli(['show', 'haushalt', '--library', library(), '--lang', 'de'], {}, { tty: true, columns: 0 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Der Rat hat über den Haushalt beraten. Die Zahlen:');
  });

  it('gives the blocks and links in --json', async () => {
    const result = await runCli(['show', 'haushalt', '--library', library(), '--json']);
    const json = JSON.parse(result.stdout) as { paragraphs: { block?: { kind: string } }[]; links: unknown[] };
    expect(json.paragraphs.map((p) => p.block?.kind ?? 'paragraph')).toEqual(['paragraph', 'heading', 'list', 'table', 'quote', 'question']);
    expect(json.links).toEqual([{ n: 1, url: 'https://example.org/plan', text: 'Der Plan' }]);
  });
});
