/**
 * Test libraries for the benchmark, made from the bundled seed article:
 * N articles with different titles and dates, a library of feed articles as
 * refresh writes them, and one very long article.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { candidateFacts, proposedGlossary } from '../src/import/candidate-facts.js';
import { FACTS_SCHEMA_REF } from '../src/import/schema-copy.js';
import { renderEnglish, renderFacts } from '../src/import/write.js';

const SEED_ID = '2024-04-04-aws-stellenabbau';

interface Seed {
  de: string;
  en: string;
  facts: string;
}

function readSeed(articles: string): Seed {
  const dir = path.join(articles, SEED_ID);
  return {
    de: readFileSync(path.join(dir, 'article.de.md'), 'utf8'),
    en: readFileSync(path.join(dir, 'article.en.md'), 'utf8'),
    facts: readFileSync(path.join(dir, 'facts.yaml'), 'utf8'),
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Writes `count` articles into `dir` (reusing it when a previous run made the same). */
export function generateLibrary(articles: string, dir: string, count: number): string {
  const marker = path.join(dir, `.generated-${count}`);
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seed = readSeed(articles);
  const start = Date.UTC(2015, 0, 1);
  for (let i = 0; i < count; i++) {
    const when = new Date(start + i * 7.3 * 3600_000);
    const day = when.toISOString().slice(0, 10);
    const id = `${day}-artikel-${pad(i, 5)}`;
    const folder = path.join(dir, id);
    mkdirSync(folder);
    const published = `${when.toISOString().slice(0, 19)}+01:00`;
    writeFileSync(
      path.join(folder, 'article.de.md'),
      seed.de
        .replace(/^title: .*$/m, `title: "Meldung Nummer ${i + 1}: Amazon streicht Jobs im Cloud-Geschäft"`)
        .replace(/^published: .*$/m, `published: ${published}`),
    );
    writeFileSync(path.join(folder, 'article.en.md'), seed.en.replace(/^title: .*$/m, `title: "Report number ${i + 1}: Amazon cuts cloud jobs"`));
    writeFileSync(path.join(folder, 'facts.yaml'), seed.facts);
  }
  writeFileSync(marker, '');
  return dir;
}

/** The outlets of the feed library: a reader following 30 feeds. */
const OUTLETS = Array.from({ length: 30 }, (_, i) => ({
  source: `Nachrichtenquelle ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`,
  feed: `https://feeds.example-${i + 1}.de/nachrichten/rss.xml`,
  site: `https://www.example-${i + 1}.de`,
}));

/** Hard links per facts.yaml: ext4 allows at most 65,000 links to one file. */
const LINKS_PER_FACTS = 20_000;

/**
 * Writes `count` articles as `refresh` writes feed items (url, feed, guid and fingerprint in
 * the front matter, an English skeleton of placeholders, candidate facts), from 30 feeds, about
 * 1,100 a day, into `dir` (reused when a previous run made the same). Made for size: the text
 * is the seed's, the English and facts are rendered once by the importer's own functions, and
 * facts.yaml is a hard link (it is never listed; validate reads it through the link).
 */
export function generateFeedLibrary(articles: string, dir: string, count: number): string {
  const marker = path.join(dir, `.generated-feeds-${count}`);
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seed = readSeed(articles);
  const deBody = seed.de.slice(seed.de.indexOf('\n---', 3) + 4);
  const units = deBody.trim().split(/\n\s*\n/);
  const english = renderEnglish(units);
  const candidates = candidateFacts(units);
  const factsText = renderFacts(candidates, FACTS_SCHEMA_REF, proposedGlossary(units, candidates));
  const factsDir = path.join(dir, '.facts');
  mkdirSync(factsDir);
  const start = Date.UTC(2026, 5, 1);
  for (let i = 0; i < count; i++) {
    const outlet = OUTLETS[i % OUTLETS.length] ?? OUTLETS[0]!;
    const when = new Date(start + i * 78_000);
    const iso = when.toISOString().slice(0, 19);
    const id = `${iso.slice(0, 10)}-meldung-${pad(i, 6)}-aus-dem-cloud-geschaeft`;
    const folder = path.join(dir, id);
    mkdirSync(folder);
    const de =
      `---\ntitle: "Meldung ${i + 1}: Amazon streicht Jobs im Cloud-Geschäft"\n` +
      `source: ${outlet.source}\npublished: ${iso}+02:00\n` +
      `url: ${outlet.site}/wirtschaft/${pad(i, 6)}-amazon-streicht-jobs.html\n` +
      `feed: ${outlet.feed}\nguid: ${outlet.site}/artikel/${pad(i, 6)}\nfingerprint: "${pad(i, 16)}"\ntextFrom: page\n---\n` +
      deBody;
    writeFileSync(path.join(folder, 'article.de.md'), de);
    writeFileSync(path.join(folder, 'article.en.md'), english);
    const facts = path.join(factsDir, `facts-${Math.floor(i / LINKS_PER_FACTS)}.yaml`);
    if (i % LINKS_PER_FACTS === 0) writeFileSync(facts, factsText);
    linkSync(facts, path.join(folder, 'facts.yaml'));
  }
  writeFileSync(marker, '');
  return dir;
}

/** Writes one article of `paragraphs` paragraphs (the seed's four, repeated) into `dir`. */
export function generateLongArticle(articles: string, dir: string, id: string, paragraphs: number): string {
  const folder = path.join(dir, id);
  const marker = path.join(folder, `.generated-${paragraphs}`);
  if (existsSync(marker)) return dir;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const seed = readSeed(articles);
  const body = (text: string) => text.split(/^---$/m)[2]?.trim().split(/\n\s*\n/) ?? [];
  const head = (text: string) => `---${text.split(/^---$/m)[1] ?? ''}---\n`;
  const repeat = (list: string[]) => Array.from({ length: paragraphs }, (_, i) => list[i % list.length] ?? '').join('\n\n');
  writeFileSync(path.join(folder, 'article.de.md'), `${head(seed.de).replace(/^title: .*$/m, 'title: Ein sehr langer Artikel')}\n${repeat(body(seed.de))}\n`);
  writeFileSync(path.join(folder, 'article.en.md'), `${head(seed.en)}\n${repeat(body(seed.en))}\n`);
  writeFileSync(path.join(folder, 'facts.yaml'), seed.facts);
  writeFileSync(marker, '');
  return dir;
}
