/**
 * Editor faults: `e` runs $VISUAL/$EDITOR on a temporary buffer, and whatever the editor does
 * (saves Latin-1, deletes the buffer, leaves a folder there, races with someone else changing
 * article.en.md), nothing the person typed is lost and the article is never half-written.
 * Each "editor" here is a real program: a small shell script.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/article.js';
import { loadArticle } from '../../src/content/load-article.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { nodeExternals } from '../../src/runtime/node-externals.js';
import { englishFile, factsFile, germanFile, makeLibrary, tempDir } from '../helpers/library.js';

const ID = 'neue-bruecke';

/** A library with one article, and an editor script whose body is `script` ($1 is the buffer). */
function setup(script: string, en: string | null = englishFile()) {
  const lib = realpathSync(makeLibrary({ [ID]: { de: germanFile(), ...(en === null ? {} : { en }), facts: factsFile() } }));
  const bin = tempDir('newsbridge-editor-');
  const editor = path.join(bin, 'editor.sh');
  writeFileSync(editor, `#!/bin/sh\nset -e\nEN='${path.join(lib, ID, 'article.en.md')}'\n${script}\n`);
  chmodSync(editor, 0o755);
  const tmp = tempDir('newsbridge-tmp-');
  const externals = nodeExternals({ root: { real: lib }, t: createTranslator('en'), env: { EDITOR: editor }, suspend: () => {}, resume: () => {} });
  const enFile = path.join(lib, ID, 'article.en.md');
  return { lib, enFile, tmp, externals };
}

async function article(lib: string): Promise<Article> {
  const result = await loadArticle({ real: lib }, ID);
  if (!result.ok) throw new Error('fixture does not load');
  return result.article;
}

/** Where the message says the text is kept, if it says so. */
const keptIn = (message: string) => /kept in (\S+)$/.exec(message)?.[1] ?? /your edit is in (\S+)$/.exec(message)?.[1];

describe('an editor that saves Latin-1', () => {
  it('keeps the buffer, says where it is and which line, and leaves the article alone', async () => {
    // "Straße" and "Brücke" in ISO-8859-1: \337 is ß, \374 is ü.
    const { lib, enFile, externals } = setup(`printf 'The Stra\\337e and the new Br\\374cke.\\n' > "$1"`);
    const before = readFileSync(enFile, 'utf8');
    const result = await externals.editParagraph(await article(lib), 1);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^your edit is not UTF-8 \(line 1: byte 0xDF; saved as Latin-1\?\); the article is unchanged, your text is kept in \S+-p2\.md$/);
    expect(readFileSync(enFile, 'utf8')).toBe(before);
    const kept = keptIn(result.message) ?? '';
    expect(readFileSync(kept)).toEqual(Buffer.from('The Stra\u00DFe and the new Br\u00FCcke.\n', 'latin1'));
  });
});

describe('an editor that deletes its buffer or leaves a folder there', () => {
  it('deleted: says so, the article is unchanged, no exception', async () => {
    const { lib, enFile, externals } = setup('rm -f "$1"');
    const before = readFileSync(enFile, 'utf8');
    const result = await externals.editParagraph(await article(lib), 0);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^the editor left no file at \S+ \(deleted\?\); the article is unchanged$/) as string });
    expect(readFileSync(enFile, 'utf8')).toBe(before);
  });

  it('a folder in its place: says so, the article is unchanged, the temporary folder is removed', async () => {
    const { lib, enFile, externals } = setup('rm -f "$1"; mkdir "$1"; echo x > "$1/inside"');
    const before = readFileSync(enFile, 'utf8');
    const result = await externals.editParagraph(await article(lib), 0);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^the editor left a folder or something else than a file at (\S+); the article is unchanged$/);
    expect(readFileSync(enFile, 'utf8')).toBe(before);
    expect(existsSync(path.dirname(/at (\S+);/.exec(result.message)?.[1] ?? ''))).toBe(false);
  });
});

describe('a temporary folder named with escape sequences (TMPDIR comes from the environment)', () => {
  it('is shown with its controls visible in the message, never raw', async () => {
    const hostile = path.join(tempDir(), 'tmp\u001B]0;owned\u0007\u001B[2J');
    mkdirSync(hostile);
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = hostile;
    try {
      const { lib, externals } = setup('rm -f "$1"');
      const result = await externals.editParagraph(await article(lib), 0);
      expect(result.message).toContain('tmp\\u001B]0;owned\\u0007\\u001B[2J');
      // eslint-disable-next-line no-control-regex
      expect(result.message).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });
});

describe('someone else changes article.en.md while the editor is open', () => {
  const otherParagraph = `sed -i 's/It costs 12 million euros\\./It will cost 12 million euros./' "$EN"`;
  const sameParagraph = `sed -i 's/It is expected to take two years\\./It should take two years./' "$EN"`;
  const typeParagraph2 = `sed -i 's/^Construction starts.*$/Building starts on 3 March 2025 and takes two years./' "$1"`;

  it('touching another paragraph: both changes are in the file', async () => {
    const { lib, enFile, externals } = setup(`${otherParagraph}\n${typeParagraph2}`);
    const result = await externals.editParagraph(await article(lib), 1);
    const after = readFileSync(enFile, 'utf8');
    expect(after).toContain('It will cost 12 million euros.');
    expect(after).toContain('Building starts on 3 March 2025 and takes two years.');
    expect(after).not.toContain('Construction starts');
    expect(result.message).toMatch(/^saved paragraph 2 \(merged with a change made to the file meanwhile\); validate: no problems in it$/);
    expect(result.ok).toBe(true);
  });

  it('touching the same paragraph: their version stays, the edit is kept in a side file named in the message', async () => {
    const { lib, enFile, externals } = setup(`${sameParagraph}\n${typeParagraph2}`);
    const result = await externals.editParagraph(await article(lib), 1);
    const after = readFileSync(enFile, 'utf8');
    expect(after).toContain('It should take two years.');
    expect(after).not.toContain('Building starts');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^article\.en\.md was changed elsewhere while you edited paragraph 2: that change is kept, and your edit is in \S+article\.en\.md\.edit-p2-\S+$/);
    const side = keptIn(result.message) ?? '';
    expect(readFileSync(side, 'utf8')).toContain('Building starts on 3 March 2025 and takes two years.');
    // The side file is beside the article and the article still loads as before.
    expect(readdirSync(path.dirname(enFile)).filter((f) => f.includes('.edit-p2-'))).toHaveLength(1);
    expect((await article(lib)).paragraphs[1]?.en).toContain('It should take two years.');
  });

  it('deleting the file meanwhile: the edit is kept in a side file', async () => {
    const { lib, enFile, externals } = setup(`rm "$EN"\n${typeParagraph2}`);
    const result = await externals.editParagraph(await article(lib), 1);
    expect(existsSync(enFile)).toBe(false);
    expect(readFileSync(keptIn(result.message) ?? '', 'utf8')).toContain('Building starts');
  });

  it('creating the file meanwhile (there was none): merged when this paragraph is still untranslated there', async () => {
    const created = englishFile({ status: 'draft', paragraphs: ['The town of Beispielheim is building a new bridge. It costs 12 million euros.', '<!-- untranslated -->'] });
    const { lib, enFile, externals } = setup(`cat > "$EN" <<'END'\n${created}END\nprintf 'Building starts on 3 March 2025 and takes two years.\\n' >> "$1"`, null);
    const result = await externals.editParagraph(await article(lib), 1);
    const after = readFileSync(enFile, 'utf8');
    expect(after).toContain('The town of Beispielheim is building a new bridge.');
    expect(after).toContain('Building starts on 3 March 2025');
    expect(result.ok).toBe(true);
  });
});

describe('the message after saving', () => {
  it('names the problems of the paragraph just saved, not the first problem of the article', async () => {
    // Paragraph 1 has a problem of its own (the 12 million are missing); paragraph 2 is saved fine.
    const en = englishFile({ paragraphs: ['The town of Beispielheim is building a new bridge.', 'Construction starts on 3 March 2025. It is expected to take two years.'] });
    const { lib, externals } = setup(`sed -i 's/^Construction starts.*$/Work begins on 3 March 2025 and lasts two years./' "$1"`, en);
    const fine = await externals.editParagraph(await article(lib), 1);
    expect(fine).toEqual({ ok: true, message: 'saved paragraph 2; validate: no problems in it' });
  });

  it('and when the saved paragraph has a problem, that one', async () => {
    const { lib, externals } = setup(`sed -i 's/^Construction starts.*$/Work begins in spring./' "$1"`);
    const result = await externals.editParagraph(await article(lib), 1);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^saved paragraph 2; validate found 1 problem in it: article\.en\.md:\d+: paragraph 2: "3\. März 2025" .* is not in the English$/);
  });
});
