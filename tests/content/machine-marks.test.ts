import { describe, expect, it } from 'vitest';
import { dropMachineMark, editFrontMatter } from '../../src/content/front-matter-edit.js';
import { machineHash } from '../../src/content/machine-marks.js';
import { parseEnglish } from '../../src/content/parse-files.js';
import { replaceEnglishParagraph } from '../../src/curate/edit-paragraph.js';
import { applyDraft } from '../../src/translate/apply-draft.js';
import { runCli } from '../cli/run-cli.js';
import { germanFile, makeLibrary } from '../helpers/library.js';

const P1 = 'The town of Beispielheim is building a new bridge. It costs 12 million euros.';
const P2 = 'Construction starts on 3 March 2025. It is expected to take two years.';

const drafted = [
  '---',
  '# a curator’s comment stays',
  'status: draft',
  'title: "New bridge: Beispielheim"',
  'machine:',
  `  "1": { provider: deepl, model: default, date: 2026-11-30, hash: ${machineHash(P1)} }`,
  `  "2": { provider: deepl, model: default, date: 2026-11-30, hash: ${machineHash(P2)} }`,
  '---',
  '',
  P1,
  '',
  P2,
  '',
].join('\n');

describe('machine marks in article.en.md', () => {
  it('an edit with `e` drops only that paragraph’s mark and keeps every other line', () => {
    const next = replaceEnglishParagraph(drafted, 1, 'Work begins on 3 March 2025 and lasts two years.', 2);
    const gone = drafted.split('\n').filter((l) => !next.split('\n').includes(l));
    expect(gone).toEqual([`  "2": { provider: deepl, model: default, date: 2026-11-30, hash: ${machineHash(P2)} }`, P2]);
    expect(next).toContain('# a curator’s comment stays');
    const parsed = parseEnglish(next, 'article.en.md');
    expect(parsed.ok && Object.keys(parsed.value.meta.machine ?? {})).toEqual(['1']);
    // The last mark gone, `machine:` goes too.
    expect(dropMachineMark(next, '1')).not.toContain('machine');
    // A file without marks is not touched at all.
    const plain = '---\nstatus:   draft   # spaced\n---\n\nText.\n';
    expect(replaceEnglishParagraph(plain, 0, 'New.', 1)).toBe('---\nstatus:   draft   # spaced\n---\n\nNew.\n');
  });

  it('front matter that does not parse is never rewritten', () => {
    expect(editFrontMatter('---\ntitle: [broken\n---\n\nText.\n', () => true)).toBeNull();
    expect(dropMachineMark('---\ntitle: [broken\n---\n\nText.\n', '1')).toBe('---\ntitle: [broken\n---\n\nText.\n');
  });

  it('a hash of digits only is written so that YAML still reads it as text', () => {
    const out = editFrontMatter('---\nstatus: draft\n---\n', (doc) => {
      doc.setIn(['machine', '1'], doc.createNode({ provider: 'p', model: 'm', date: '2026-11-30', hash: '012345678901' }, { flow: true }));
      doc.setIn(['machine', '2'], doc.createNode({ provider: 'p', model: 'm', date: '2026-11-30', hash: '123e45678901' }, { flow: true }));
      return true;
    });
    const parsed = parseEnglish(`${out ?? ''}\nText.\n\nMore.\n`, 'article.en.md');
    expect(parsed.ok && parsed.value.meta.machine).toMatchObject({ 1: { hash: '012345678901' }, 2: { hash: '123e45678901' } });
  });

  it('a draft written into a file with CRLF line ends keeps them', () => {
    const crlf = '---\r\nstatus: draft\r\n---\r\n\r\n<!-- untranslated -->\r\n';
    const next = applyDraft(crlf, 0, ['One sentence.'], { provider: 'p', model: 'm', date: '2026-11-30' }, { total: 1, germanParagraph: 'Ein Satz.', german: ['Ein Satz.'] });
    expect(next?.source.split('\r\n')).toEqual(['---', 'status: draft', 'machine:', `  "1": { provider: p, model: m, date: 2026-11-30, hash: ${machineHash('One sentence.')} }`, '---', '', 'One sentence.', '']);
  });

  it('list, show --json and the loaded article say which text is a machine draft', async () => {
    const lib = makeLibrary({ a: { de: germanFile(), en: drafted } });
    expect((await runCli(['list', '--library', lib])).stdout).toContain('  a  [machine]  ');
    expect((await runCli(['list', '--library', lib, '--ui-lang', 'de'])).stdout).toContain('  a  [maschinell]  ');
    const shown = JSON.parse((await runCli(['show', 'a', '--json', '--library', lib])).stdout) as { translation: string; english: { machine: Record<string, unknown> }; paragraphs: { machine?: unknown }[] };
    expect(shown.translation).toBe('machine');
    expect(shown.paragraphs[0]?.machine).toEqual({ provider: 'deepl', model: 'default', date: '2026-11-30' });
    expect(Object.keys(shown.english.machine)).toEqual(['1', '2']);
  });
});
