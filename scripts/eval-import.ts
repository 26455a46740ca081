/**
 * Measures the importer on the real pages and feeds in ../shared/corpus (read in place, never
 * copied into the repository): must-keep and must-drop snippets, titles and dates against
 * each page's expectations, items per feed, and the seed article. Skips when the corpus is
 * absent. Run with `npm run eval:import`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDates } from '../src/import/dates.js';
import { importDocument, type ImportedDocument } from '../src/import/document.js';
import { cleanText } from '../src/text/normalize.js';
import { findShared } from './find-shared.js';
import { corpusInputs, importAndValidate } from './corpus-import-check.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = findShared() ?? join(repoRoot, '..', 'shared');
const corpus = join(shared, 'corpus');
const seedDir = join(shared, 'seeds');

interface Expected {
  with: string[];
  without: string[];
  title?: string;
  day?: string;
  daySource?: string;
  reference: string[];
}

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
/** Snippets are compared as the importer writes text: normalised, soft hyphens gone, spaces single. */
const norm = (text: string) => cleanText(text).replace(/\s+/g, ' ');
const key = (text: string) => norm(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Expectations for one page: its *.expected.json, *.expected-metadata.json, *.expected.txt and *.source.txt. */
function expectationsFor(dir: string, stem: string): Expected {
  const out: Expected = { with: [], without: [], reference: [] };
  const json = join(dir, `${stem}.expected.json`);
  const meta = join(dir, `${stem}.expected-metadata.json`);
  const refText = join(dir, `${stem}.expected.txt`);
  const source = join(dir, `${stem}.source.txt`);
  if (existsSync(json)) {
    const e = readJson(json);
    out.with = strings(e['with']);
    out.without = strings(e['without']);
    if (typeof e['title'] === 'string') out.title = e['title'];
    if (typeof e['date'] === 'string') [out.day, out.daySource] = [e['date'].slice(0, 10), 'expected.json'];
  }
  if (existsSync(meta)) {
    const m = readJson(meta);
    if (typeof m['title'] === 'string') out.title ??= m['title'];
    if (typeof m['publishedTime'] === 'string' && !out.day) [out.day, out.daySource] = [m['publishedTime'].slice(0, 10), 'metadata'];
  }
  if (existsSync(refText)) out.reference = readFileSync(refText, 'utf8').split(/\n\s*\n/).map(norm).filter((p) => p.length >= 80);
  if (!out.day && existsSync(source)) {
    // The corpus notes give the publication date as "Published: …" or inside the first line.
    const text = readFileSync(source, 'utf8');
    const published = /^Published:\s*(.+)$/m.exec(text)?.[1];
    const first = findDates(published ?? text.split('\n')[0] ?? '')[0];
    if (first) [out.day, out.daySource] = [first.iso.slice(0, 10), 'source.txt'];
  }
  return out;
}

/** "Titel" matches "Titel – Seite" and the other way round: site names are not part of a title. */
function titleMatches(found: string | undefined, expected: string): boolean {
  if (!found) return false;
  const [a, b] = [key(found), key(expected)];
  return a === b || (a.length >= 12 && b.startsWith(a)) || (b.length >= 12 && a.startsWith(b));
}

interface Row {
  name: string;
  kind: string;
  kept: [number, number];
  dropped: [number, number];
  reference: [number, number];
  title: string;
  date: string;
  titleOk: boolean | undefined;
  dateOk: boolean | undefined;
  missed: string[];
  leaked: string[];
}

async function evalPage(dir: string, file: string): Promise<Row> {
  const stem = file.replace(/\.(html|txt)$/, '');
  const expected = expectationsFor(dir, stem);
  let doc: ImportedDocument | undefined;
  let failure = '';
  try {
    doc = await importDocument(readFileSync(join(dir, file)));
  } catch (cause) {
    failure = String((cause as Error).message);
  }
  const article = doc?.articles[0];
  const output = article ? norm([article.title ?? '', article.dek ?? '', ...article.paragraphs].join('\n')) : '';
  const body = article ? norm(article.paragraphs.join('\n')) : '';
  const kept = expected.with.filter((s) => output.includes(norm(s)));
  const dropped = expected.without.filter((s) => !body.includes(norm(s)));
  const refKept = expected.reference.filter((p) => output.includes(p.slice(0, 120)));
  const day = article?.published?.slice(0, 10);
  const charset = doc?.decoded.declaredWrong ? ` [charset ${doc.decoded.declared}→${doc.decoded.encoding}]` : '';
  return {
    name: `${basename(dir)}/${file}`,
    kind: file.endsWith('.html') ? `html${charset}` : 'text',
    kept: [kept.length, expected.with.length],
    dropped: [dropped.length, expected.without.length],
    reference: [refKept.length, expected.reference.length],
    title: failure ? `FAILED: ${failure}` : (article?.title ?? '—'),
    date: `${day ?? '—'}${expected.day ? ` (want ${expected.day}, ${expected.daySource})` : ''}`,
    titleOk: expected.title === undefined ? undefined : titleMatches(article?.title, expected.title),
    dateOk: expected.day === undefined ? undefined : day === expected.day,
    missed: expected.with.filter((s) => !kept.includes(s)),
    leaked: expected.without.filter((s) => !dropped.includes(s)),
  };
}

const pct = ([a, b]: [number, number]) => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(0).padStart(4)}%`);
const frac = ([a, b]: [number, number]) => (b === 0 ? ' –  ' : `${a}/${b}`.padEnd(4));
const mark = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'ok ' : 'NO ');

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`eval:import: no corpus at ${corpus}; skipped.`);
    return;
  }
  const rows: Row[] = [];
  for (const sub of ['pages', 'nasty']) {
    const dir = join(corpus, sub);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((f) => /\.(html|txt)$/.test(f) && !/\.(expected|source)\.(html|txt)$/.test(f))
      .sort();
    for (const file of files) rows.push(await evalPage(dir, file));
  }

  console.log('Pages (kept = must-keep snippets found in title+dek+body; dropped = must-drop snippets absent from the body;');
  console.log('       ref = paragraphs of Readability\'s expected article found; title/date against the page\'s expectations, dates by day)');
  console.log('');
  console.log(`${'page'.padEnd(58)} ${'kind'.padEnd(24)} kept  drop  ref   title date`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(58)} ${r.kind.padEnd(24)} ${frac(r.kept)}  ${frac(r.dropped)}  ${frac(r.reference)}  ${mark(r.titleOk)}   ${mark(r.dateOk)}  ${r.date}`);
    console.log(`${''.padEnd(60)}title: ${r.title.slice(0, 90)}`);
    for (const s of r.missed) console.log(`${''.padEnd(60)}missed: "${s}"`);
    for (const s of r.leaked) console.log(`${''.padEnd(60)}leaked: "${s}"`);
  }
  console.log('');
  for (const kind of ['html', 'text']) {
    const group = rows.filter((r) => r.kind.startsWith(kind));
    const sum = (pick: (r: Row) => [number, number]): [number, number] => [group.reduce((n, r) => n + pick(r)[0], 0), group.reduce((n, r) => n + pick(r)[1], 0)];
    const titles = group.filter((r) => r.titleOk !== undefined);
    const dates = group.filter((r) => r.dateOk !== undefined);
    console.log(
      `${kind.padEnd(5)} kept ${pct(sum((r) => r.kept))} (${sum((r) => r.kept).join('/')})  dropped ${pct(sum((r) => r.dropped))} (${sum((r) => r.dropped).join('/')})  ` +
        `ref ¶ ${pct(sum((r) => r.reference))}  titles ${titles.filter((r) => r.titleOk).length}/${titles.length}  dates ${dates.filter((r) => r.dateOk).length}/${dates.length}`,
    );
  }

  console.log('');
  console.log('Feeds');
  const feedDir = join(corpus, 'feeds');
  if (existsSync(feedDir)) {
    for (const file of readdirSync(feedDir).filter((f) => f.endsWith('.xml')).sort()) {
      const stem = file.replace(/\.xml$/, '');
      let line = `${file.padEnd(40)} `;
      try {
        const doc = await importDocument(readFileSync(join(feedDir, file)));
        line += `${doc.kind} ${doc.articles.length} items`;
        const expectedFile = join(feedDir, `${stem}.expected.json`);
        if (existsSync(expectedFile)) {
          const items = ((readJson(expectedFile)['feed'] as { items?: { title?: string; pubDate?: string }[] } | undefined)?.items ?? []);
          const titles = items.filter((it, i) => it.title !== undefined && key(it.title) === key(doc.articles[i]?.title ?? '')).length;
          const days = items.filter((it, i) => {
            const want = it.pubDate ? new Date(it.pubDate).getTime() : NaN;
            const got = doc.articles[i]?.published ? Date.parse(doc.articles[i]?.published ?? '') : NaN;
            return want === got;
          }).length;
          line += ` (expected ${items.length}; titles ${titles}/${items.length}, dates ${days}/${items.length})`;
        }
        const empty = doc.articles.filter((a) => a.paragraphs.length === 0 || a.paragraphs.some((p) => /<[a-z]/i.test(p))).length;
        line += empty > 0 ? `; ${empty} items empty or with HTML left` : '; text HTML-free';
      } catch (cause) {
        line += `FAILED: ${String((cause as Error).message)}`;
      }
      console.log(line);
    }
  }

  console.log('');
  console.log('Import, then validate (each file into a fresh library, through the command line)');
  let errors = 0;
  let warnings = 0;
  const inputs = corpusInputs(corpus);
  for (const file of inputs) {
    const r = await importAndValidate(file);
    errors += r.errors.length + (r.exitCode === 0 ? 0 : 1);
    warnings += r.warnings;
    const status = r.exitCode !== 0 ? `IMPORT FAILED (${r.exitCode}): ${r.importError}` : `${r.articles} article(s), ${r.errors.length} errors, ${r.warnings} warnings`;
    console.log(`${file.slice(corpus.length + 1).padEnd(58)} ${status}`);
    for (const e of r.errors) console.log(`${''.padEnd(60)}${e}`);
  }
  console.log(`${inputs.length} files: ${errors} errors, ${warnings} warnings`);
  // A corpus file that does not import, or imports into an article validate rejects, fails the run.
  if (errors > 0) process.exitCode = 1;

  console.log('');
  const seeds = existsSync(seedDir) ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')) : [];
  for (const file of seeds) {
    const text = readFileSync(join(seedDir, file), 'utf8');
    const doc = await importDocument(Buffer.from(text));
    const article = doc.articles[0];
    // The seed's body is its long blocks; whatever stands after the last of them is the site's promotion.
    const blocks = text.split(/\n\s*\n/).map((b) => b.trim());
    const bodies = blocks.filter((b) => b.length > 300);
    const last = blocks.lastIndexOf(bodies[bodies.length - 1] ?? '');
    const promotion = blocks.slice(last + 1).flatMap((b) => b.split('\n')).filter((l) => l.trim() !== '');
    const verbatim = article !== undefined && article.paragraphs.length === bodies.length && bodies.every((b, i) => article.paragraphs[i] === norm(b));
    const promoted = promotion.filter((l) => [article?.title, article?.dek, ...(article?.paragraphs ?? [])].some((p) => p?.includes(norm(l).slice(0, 30))));
    console.log(`Seed ${file}: ${article?.paragraphs.length ?? 0} paragraphs (want ${bodies.length}, verbatim: ${verbatim ? 'yes' : 'NO'}), promotion lines kept: ${promoted.length}/${promotion.length}`);
    console.log(`  title: ${article?.title ?? '—'} | source: ${article?.source ?? '—'} | published: ${article?.published ?? '—'}`);
    console.log(`  dek: ${article?.dek ?? '—'}`);
  }
}

await main();
