/**
 * Test libraries for the benchmark, made from the bundled seed article:
 * N articles with different titles and dates, and one very long article.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
