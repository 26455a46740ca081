/**
 * validate speaks the curator's language: places as "fact 2" or "published",
 * never "facts.1.paragraph"; no zod wording; every message on the line of
 * the key it is about, and said once.
 */
import { describe, expect, it } from 'vitest';
import { englishFile, factsFile, germanFile, makeLibrary } from '../helpers/library.js';
import { runCli } from '../cli/run-cli.js';
import { factsFile as factsSchema, germanFrontMatter, englishFrontMatter } from '../../src/content/schema.js';
import { issueMessage } from '../../src/content/schema-messages.js';

async function validate(files: { de?: string; en?: string; facts?: string }) {
  const library = makeLibrary({ artikel: files });
  const result = await runCli(['validate', '--library', library]);
  // Paths are not the point here: `article.en.md:4: message`.
  const lines = result.stdout.trimEnd().split('\n').map((l) => l.replace(/^.*[/\\]artikel[/\\]/, ''));
  return { code: result.code, lines };
}

const fact = (paragraph: string) =>
  ['facts:', '  - id: kosten', '    kind: money', '    label: { de: Kosten, en: Cost }', '    value: { de: 12 Millionen Euro, en: 12 million euros }', `    paragraph: ${paragraph}`, '    evidence: 12 Millionen Euro', ''].join('\n');

/** Internal field paths and zod's own words, which no message may show. */
const LEAKS = /Invalid (input|key|option|ISO)|Too (small|big)|expected \w+, received|\b(facts|glossary|alignment|tags)\.\d/;

describe('alignment overrides for paragraphs that do not exist', () => {
  it('are an error on the line of alignment:, naming the paragraph and the count', async () => {
    const { code, lines } = await validate({ de: germanFile(), en: englishFile({ status: 'draft', extra: 'alignment: {"9": ["1-1"]}' }) });
    expect(code).toBe(1);
    expect(lines).toContain('article.en.md:5: alignment names paragraph 9, but the article has 2');
  });

  it('point at the paragraph entry itself when alignment is written as a block', async () => {
    const { lines } = await validate({ de: germanFile(), en: englishFile({ status: 'draft', extra: 'alignment:\n  "2": [1-1, 1-1]\n  3: [1-1]' }) });
    expect(lines).toContain('article.en.md:7: alignment names paragraph 3, but the article has 2');
    expect(lines.join('\n')).not.toMatch(/alignment names paragraph 2/);
  });

  it('are accepted for paragraphs that exist', async () => {
    const { code, lines } = await validate({ de: germanFile(), en: englishFile({ extra: 'alignment: {"1": ["1-1", "1-1"]}' }) });
    expect(lines.join('\n')).not.toMatch(/alignment/);
    expect(code).toBe(0);
  });
});

describe('schema messages in plain words', () => {
  it('names the fact by number and says what the value must be, on the key line', async () => {
    const { code, lines } = await validate({ de: germanFile(), facts: fact('0') });
    expect(code).toBe(1);
    expect(lines).toContain('facts.yaml:6: fact 1: paragraph must be 1 or more');
  });

  it('asks for a time and an offset when published is only a date', async () => {
    const { lines } = await validate({ de: germanFile({ published: '2024-04-04' }) });
    expect(lines).toContain('article.de.md:5: published: a date and time with offset is needed, like 2024-04-04T09:30:00+02:00');
  });

  it('says "missing" for an empty value and for an absent key alike', async () => {
    const empty = await validate({ de: germanFile({ published: '' }) });
    expect(empty.lines).toContain('article.de.md:5: published: missing');
    const absent = await validate({ de: germanFile().replace(/^source: .*\n/m, '') });
    expect(absent.lines).toContain('article.de.md:2: source: missing');
  });

  it('explains an alignment key that is not a paragraph number', async () => {
    const { lines } = await validate({ de: germanFile(), en: englishFile({ status: 'draft', extra: 'alignment: {"0": ["1-1"]}' }) });
    expect(lines).toContain('article.en.md:5: alignment: "0" is not a paragraph number (they start at 1)');
  });

  it('never shows field paths or zod wording, whatever the mistake', async () => {
    const de = germanFile({ extra: 'url: ftp://example.com/x\ntags: [ok, ""]' });
    const en = englishFile({ status: 'final', extra: 'alignment: {"0": ["1-1"], "1": ["3-3"], "2": []}' });
    const facts = factsFile()
      .replace('kind: money', 'kind: thing')
      .replace('sentence: 2', 'sentence: 1.5')
      .replace('    note: die Brücke, plural die Brücken', '    note: ""\n    extra: 1');
    for (const files of [{ de }, { de: germanFile(), en }, { de: germanFile(), facts }]) {
      const { lines } = await validate(files);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line).not.toMatch(LEAKS);
    }
  });

  it('words each kind of issue for a person', () => {
    const messages = (result: { success: boolean; error?: { issues: Parameters<typeof issueMessage>[0][] } }) => result.error?.issues.map((issue) => issueMessage(issue)) ?? [];
    expect(messages(germanFrontMatter.safeParse({ title: '', source: 5, published: '2024-04-04T09:30:00+02:00', url: 'ftp://x', tags: ['a', ''] }))).toEqual([
      'title must not be empty',
      'source must be text',
      'url must be a web address starting with http:// or https://',
      'tag 2 must not be empty',
    ]);
    expect(messages(englishFrontMatter.safeParse({ status: 'final', reviewed: '4.4.2024', alignment: { '2': ['3-3'], '3': [] } }))).toEqual([
      'status must be one of "draft", "reviewed"',
      'reviewed: a date is needed, like 2024-04-04',
      'alignment of paragraph 2, bead 1: a bead is "G-E" with 0–2 sentences per side, e.g. "2-1"',
      'alignment of paragraph 3 must list at least one bead',
    ]);
    const facts = factsSchema.safeParse({
      facts: [{ id: 'x', kind: 'money', label: { de: 'a', en: 'b' }, value: 'x', paragraph: 1, sentence: 1.5, evidence: 'e', confirmed: 'yes' }],
      glossary: [{ de: 'a', extra: 1 }],
    });
    expect(messages(facts)).toEqual([
      'fact 1: value must be a mapping (key: value)',
      'fact 1: sentence must be a whole number',
      'fact 1: confirmed must be true or false',
      'glossary entry 1: unknown field "extra"',
      'glossary entry 1: en: missing',
    ]);
    expect(messages(factsSchema.safeParse({ facts: [{ id: 'x', kind: 'other', label: { de: '' }, value: { de: 'v' }, paragraph: 1, evidence: 'e' }] }))).toEqual([
      'fact 1: label (de) must not be empty',
    ]);
  });
});

describe('where messages point', () => {
  it('puts "cites paragraph" on the paragraph: line, not the first line of the fact', async () => {
    const { lines } = await validate({ de: germanFile(), en: englishFile(), facts: fact('42') });
    expect(lines).toContain('facts.yaml:6: fact "kosten" cites paragraph 42, but the article has 2');
  });

  it('says a YAML syntax error once per line, with a hint for the usual cause', async () => {
    const { lines } = await validate({ de: germanFile({ title: 'Bote: Zeitung: Brücke' }) });
    const yaml = lines.filter((l) => l.includes('YAML'));
    expect(yaml).toEqual(['article.de.md:2: YAML: Nested mappings are not allowed in compact mappings (a value holding ": " must be in quotes)']);
  });
});
