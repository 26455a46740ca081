import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignArticle, alignParagraphUnits } from '../../src/content/aligned-article.js';
import { parseEnglish } from '../../src/content/parse-files.js';
import { replaceEnglishParagraph } from '../../src/curate/edit-paragraph.js';
import { validateArticle } from '../../src/curate/validate-library.js';
import { draftBeads } from '../../src/translate/apply-draft.js';
import { draftArticle, draftArticles, type DraftProgress } from '../../src/translate/draft-article.js';
import { englishFile, factsFile, germanFile } from '../helpers/library.js';
import { DICTIONARY, startDeepL, startLibreTranslate } from '../helpers/provider-servers.js';
import { draftEnv, ID } from './setup.js';

const libre = async () => {
  const server = await startLibreTranslate();
  return { server, yaml: `providers:\n  libre: { type: libretranslate, url: "${server.url}" }` };
};

describe('drafting an article', () => {
  it('pairs every drafted sentence with its German one, and marks each part as machine text', async () => {
    const { yaml } = await libre();
    const d = draftEnv(yaml);
    const progress: DraftProgress[] = [];
    const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID, onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(outcome).toMatchObject({ sent: 196, cached: 0, taken: [] });
    const article = await d.article();
    expect(article.translation).toBe('machine');
    expect(article.machine?.title).toMatchObject({ provider: 'libre', model: 'libretranslate' });
    expect(article.machine?.dek).toBeDefined();
    for (const [i, unit] of alignArticle(article).entries()) {
      expect(article.paragraphs[i]?.machine?.provider).toBe('libre');
      expect(unit.units.map((u) => `${u.deSentences.length}-${u.enSentences.length}`)).toEqual(['1-1', '1-1']);
    }
    expect((await validateArticle(d.root, ID)).diagnostics).toEqual([]);
  });

  it('costs nothing the second time: drafts are cached by provider, model and German sentence', async () => {
    const { server, yaml } = await libre();
    const d = draftEnv(yaml);
    await draftArticle(d.drafter(), { root: d.root, id: ID });
    const sentBefore = server.requests.length;
    const again = await draftArticle(d.drafter(), { root: d.root, id: ID, force: true });
    expect(again).toMatchObject({ sent: 0, cached: 196 });
    expect(again.drafted).toHaveLength(4);
    expect(server.requests).toHaveLength(sentBefore);
    // Another German sentence is sent; its neighbours still come from the cache.
    const de = path.join(d.lib, ID, 'article.de.md');
    writeFileSync(de, readFileSync(de, 'utf8').replace('Er soll zwei Jahre dauern.', 'Er soll drei Jahre dauern.'));
    writeFileSync(path.join(d.lib, ID, 'article.en.md'), d.en().replace(/\n[^\n]*two years\.\n/, '\n<!-- untranslated -->\n'));
    const third = await draftArticle(d.drafter(), { root: d.root, id: ID });
    expect(third).toMatchObject({ sent: [...'Er soll drei Jahre dauern.'].length, cached: [...'Der Bau beginnt am 3. März 2025.'].length });
    expect(JSON.parse(server.requests.at(-1)?.body ?? '{}')).toMatchObject({ q: ['Er soll drei Jahre dauern.'] });
  });

  it('never overwrites a person’s paragraph or a reviewed article; --force redrafts machine paragraphs only', async () => {
    const { yaml } = await libre();
    const human = 'Construction begins on 3 March 2025 and should take two years.';
    const d = draftEnv(yaml, { [ID]: { de: germanFile(), en: englishFile({ status: 'draft', paragraphs: ['<!-- untranslated -->', human] }) } });
    const first = await draftArticle(d.drafter(), { root: d.root, id: ID });
    // Title and dek are the person's too (englishFile has them).
    expect(first.drafted.map((p) => p.key)).toEqual([0]);
    const forced = await draftArticle(d.drafter(), { root: d.root, id: ID, force: true });
    expect(forced.drafted.map((p) => p.key)).toEqual([0]);
    expect(d.en()).toContain(human);
    expect((await d.article()).paragraphs[1]?.machine).toBeUndefined();

    const reviewed = draftEnv(yaml, { [ID]: { de: germanFile(), en: englishFile({ paragraphs: ['<!-- untranslated -->', human] }) } });
    const before = reviewed.en();
    expect(await draftArticle(reviewed.drafter(), { root: reviewed.root, id: ID })).toMatchObject({ skipped: 'reviewed', drafted: [] });
    expect(reviewed.en()).toBe(before);
  });

  it('keeps the machine marks of the other paragraphs when a person edits one, and drops that one’s', async () => {
    const { yaml } = await libre();
    const d = draftEnv(yaml);
    await draftArticle(d.drafter(), { root: d.root, id: ID });
    const file = path.join(d.lib, ID, 'article.en.md');
    // The reader's `e` on paragraph 2.
    writeFileSync(file, replaceEnglishParagraph(d.en(), 1, 'Work starts on 3 March 2025 and takes two years.', 2));
    let article = await d.article();
    expect(article.paragraphs.map((p) => Boolean(p.machine))).toEqual([true, false]);
    expect(article.machine?.title).toBeDefined();
    const parsed = parseEnglish(d.en(), 'article.en.md');
    expect(parsed.ok && Object.keys(parsed.value.meta.machine ?? {}).sort()).toEqual(['1', 'dek', 'title']);
    // A hand edit in a text editor (no `e`): the hash no longer fits, so it counts as a person's text too.
    writeFileSync(file, d.en().replace('It costs 12 million euros.', 'It will cost 12 million euros.'));
    article = await d.article();
    expect(article.paragraphs.map((p) => Boolean(p.machine))).toEqual([false, false]);
    expect((await validateArticle(d.root, ID)).diagnostics.map((x) => x.message)).toContain(
      'paragraph 1 was changed after its machine draft (libre), so it counts as a person\'s text: remove its machine mark',
    );
    // Re-wrapping a drafted paragraph over several lines changes no word: still machine text.
    const again = draftEnv(yaml);
    await draftArticle(again.drafter(), { root: again.root, id: ID });
    writeFileSync(path.join(again.lib, ID, 'article.en.md'), again.en().replace('bridge. It costs', 'bridge.\nIt costs'));
    expect((await again.article()).paragraphs[0]?.machine).toBeDefined();
  });

  it('keeps what was drafted before a failure, and the file stays valid', async () => {
    const { server, yaml } = await libre();
    const d = draftEnv(`retries: 0\n${yaml}`);
    // title, dek and paragraph 1 go through; paragraph 2's request fails.
    server.script.push({}, {}, {}, { status: 500, body: '{"error":"boom"}' });
    const outcome = await draftArticle(d.drafter(), { root: d.root, id: ID });
    expect(outcome.error).toMatchObject({ kind: 'server', details: { status: 500 } });
    expect(outcome.drafted.map((p) => p.key)).toEqual(['title', 'dek', 0]);
    const article = await d.article();
    expect(article.paragraphs.map((p) => p.en !== '')).toEqual([true, false]);
    expect((await validateArticle(d.root, ID)).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    // The rest comes later, and only the rest is sent.
    const rest = await draftArticle(d.drafter(), { root: d.root, id: ID });
    expect(rest.drafted.map((p) => p.key)).toEqual([1]);
  });

  it('leaves a place alone that a person filled while its draft was on the way', async () => {
    const { server, yaml } = await libre();
    const d = draftEnv(yaml, { [ID]: { de: germanFile(), en: englishFile({ status: 'draft', paragraphs: ['<!-- untranslated -->', '<!-- untranslated -->'] }) } });
    const file = path.join(d.lib, ID, 'article.en.md');
    const mine = 'A person wrote this first.';
    server.script.push({ delay: 300 });
    const drafting = draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(file, replaceEnglishParagraph(readFileSync(file, 'utf8'), 0, mine, 2));
    const outcome = await drafting;
    expect(outcome).toMatchObject({ drafted: [], taken: [0] });
    expect(d.en()).toContain(mine);
    expect(d.en()).not.toContain('machine:');
  });

  it('drafts only the paragraphs asked for (the reader’s focused paragraph), and stops when aborted', async () => {
    const { yaml } = await libre();
    const d = draftEnv(yaml);
    const one = await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [1] });
    expect(one.drafted.map((p) => p.key)).toEqual([1]);
    const controller = new AbortController();
    controller.abort();
    const aborted = await draftArticle(d.drafter(), { root: d.root, id: ID, signal: controller.signal });
    expect(aborted.error?.kind).toBe('aborted');
    expect(aborted.drafted).toEqual([]);
  });

  it('records the pairing in the mark only where automatic alignment would pair the draft otherwise', () => {
    /** How the reader will pair them: the recorded beads, else the automatic alignment. */
    const pairing = (german: string[], english: string[]) => {
      const result = draftBeads(german.join(' '), german, english);
      const automatic = alignParagraphUnits(german.join(' '), english.join(' ')).units.map((u) => `${u.deSentences.length}-${u.enSentences.length}`);
      return { exact: result.exact, recorded: result.beads !== undefined, pairs: result.beads ?? automatic };
    };
    // Lengths mislead Gale–Church here: a short German sentence, a long English one.
    expect(pairing(['Ja.', 'Der Rat stimmte am Montag nach langer Debatte der neuen Brücke über den Fluss zu.'], ['Yes, indeed, that is exactly what the council decided on Monday.', 'It approved it.'])).toEqual({ exact: true, recorded: true, pairs: ['1-1', '1-1'] });
    // "approx." ends no sentence for the English splitter: the two drafted sentences read as one.
    expect(pairing(['Wir trafen uns gegen zehn.', 'Dann gingen wir.'], ['We met at ten approx.', 'Then we left.']).pairs).toEqual(['2-1']);
    expect(pairing(['Eins.', 'Zwei.'], ['One. Really.', 'Two.']).pairs).toEqual(['1-2', '1-1']);
    expect(pairing(['Eins.', 'Zwei.'], ['One.', 'Two.'])).toEqual({ exact: true, recorded: false, pairs: ['1-1', '1-1'] });
    expect(draftBeads('Eins.', ['Eins.'], ['One. Two. Three.'])).toEqual({ exact: false });
  });

  it('pairs a draft exactly in the reader even where a provider made two English sentences of one German one', async () => {
    const server = await startDeepL();
    const german = ['Der Rat stimmte am Montag der neuen Brücke zu.', 'Sie kostet 12 Millionen Euro.', 'Der Bau beginnt im März.'];
    const english = ['The council approved the new bridge on Monday. The vote was unanimous.', 'It costs 12 million euros.', 'Work starts in March.'];
    const d = draftEnv(`providers:\n  deepl: { type: deepl, serverUrl: "${server.url}", glossary: false }`, { [ID]: { de: germanFile({ paragraphs: [german.join(' ')] }) } });
    german.forEach((g, i) => (DICTIONARY[g] = english[i] ?? ''));
    await draftArticle(d.drafter(), { root: d.root, id: ID, paragraphs: [0] });
    const article = await d.article();
    expect(alignArticle(article)[0]?.units.map((u) => `${u.deSentences.join()}:${u.enSentences.join()}`)).toEqual(['0:0,1', '1:2', '2:3']);
    expect((await validateArticle(d.root, ID)).diagnostics).toEqual([]);
  });
});

describe('drafting several articles within a budget (feeds)', () => {
  it('drafts in order and leaves for later an article that would go over the budget', async () => {
    const { yaml } = await libre();
    const small = germanFile({ title: 'Kurz', paragraphs: ['Ein Satz.'] }).replace(/^dek: .*\n/m, '');
    const big = germanFile({ title: 'Lang' });
    const d = draftEnv(yaml, { 'a-small': { de: small }, 'b-big': { de: big }, 'c-small': { de: small.replace('Ein Satz.', 'Zwei Sätze.') } });
    const result = await draftArticles(d.drafter(), ['a-small', 'b-big', 'c-small'], { root: d.root, budgetChars: 40 });
    expect(result.outcomes.map((o) => `${o.id}:${o.skipped ?? o.drafted.length}`)).toEqual(['a-small:2', 'b-big:budget', 'c-small:2']);
    // The third article's title is the first one's: it comes from the cache.
    expect(result.sent).toBe([...'KurzEin Satz.Zwei Sätze.'].length);
    expect(result.left).toBe(40 - result.sent);
  });
});

describe('the facts.yaml glossary is optional', () => {
  it('drafts an article without facts', async () => {
    const { yaml } = await libre();
    const d = draftEnv(yaml, { [ID]: { de: germanFile(), facts: factsFile().replace(/glossary:[\s\S]*$/, 'glossary: []\n') } });
    expect((await draftArticle(d.drafter(), { root: d.root, id: ID })).drafted).toHaveLength(4);
    expect((await validateArticle(d.root, ID)).diagnostics).toEqual([]);
  });
});
