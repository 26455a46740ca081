/**
 * Writing an imported article into a library folder: article.de.md, an article.en.md
 * (a skeleton of placeholders, or an aligned translation) and facts.yaml with candidates.
 */
import { existsSync } from 'node:fs';
import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { bundledLibrary, FILES, packageRoot } from '../content/library-paths.js';
import type { Fact } from '../content/schema.js';
import { PLACEHOLDER } from './edit-paragraph.js';

/** An article ready to be written: every required field filled in. */
export interface ArticleToWrite {
  id: string;
  title: string;
  dek?: string;
  source: string;
  published: string;
  url?: string;
  author?: string;
  paragraphs: string[];
}

/** The English side: paragraphs aligned 1:1 with the German ('' = not translated yet). */
export interface EnglishToWrite {
  title?: string;
  dek?: string;
  paragraphs: string[];
}

// Long lines stay long: a paragraph is one line, and folded YAML scalars would hide that.
const YAML_OUT = { lineWidth: 0, minContentWidth: 0 } as const;

function frontMatter(fields: Record<string, string | undefined>): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
  return `---\n${stringify(defined, YAML_OUT)}---\n`;
}

/** article.de.md: front matter, then one line per paragraph with blank lines between. */
export function renderGerman(article: ArticleToWrite): string {
  const { title, dek, source, published, url, author } = article;
  return `${frontMatter({ title, dek, source, published, url, author })}\n${article.paragraphs.join('\n\n')}\n`;
}

/** article.en.md as a draft: the given English, a placeholder wherever there is none. */
export function renderEnglish(germanCount: number, english?: EnglishToWrite): string {
  const paragraphs = Array.from({ length: germanCount }, (_, i) => english?.paragraphs[i]?.trim() || PLACEHOLDER);
  return `${frontMatter({ title: english?.title, dek: english?.dek, status: 'draft' })}\n${paragraphs.join('\n\n')}\n`;
}

/** facts.yaml with its schema comment for editors, the candidates and an empty glossary. */
export function renderFacts(facts: readonly Fact[], schemaPath: string): string {
  const body = stringify({ facts, glossary: [] }, YAML_OUT);
  return `# yaml-language-server: $schema=${schemaPath}\n${body}`;
}

/** The schema reference for facts.yaml: relative in the bundled library, else absolute. */
export async function factsSchemaPath(libraryDir: string): Promise<string> {
  const bundled = bundledLibrary();
  const same = async () => {
    try {
      return (await realpath(libraryDir)) === (await realpath(bundled));
    } catch {
      return false;
    }
  };
  if (await same()) return '../../schema/facts.schema.json';
  return path.join(packageRoot(), 'schema', 'facts.schema.json');
}

export interface WrittenFiles {
  dir: string;
  de: string;
  en: string;
  facts: string;
}

/** Thrown when the article folder exists and replacing it was not asked for. */
export class ArticleExistsError extends Error {
  constructor(readonly dir: string) {
    super(`${dir} exists`);
    this.name = 'ArticleExistsError';
  }
}

/** True when the library already holds an article with this id. */
export function articleExists(libraryDir: string, id: string): boolean {
  return existsSync(path.join(libraryDir, id));
}

/**
 * Writes the three files into `libraryDir/id`, each through a temporary file and a rename,
 * so a crash never leaves half a file. Refuses an existing folder unless `force`.
 */
export async function writeArticleFiles(
  libraryDir: string,
  id: string,
  files: { de: string; en: string; facts: string },
  force: boolean,
): Promise<WrittenFiles> {
  const dir = path.join(libraryDir, id);
  if (existsSync(dir) && !force) throw new ArticleExistsError(dir);
  await mkdir(dir, { recursive: true });
  const out = { dir, de: path.join(dir, FILES.de), en: path.join(dir, FILES.en), facts: path.join(dir, FILES.facts) };
  for (const [name, text] of [
    [out.de, files.de],
    [out.en, files.en],
    [out.facts, files.facts],
  ] as const) {
    const temp = `${name}.${process.pid}.tmp`;
    try {
      await writeFile(temp, text, 'utf8');
      await rename(temp, name);
    } finally {
      await rm(temp, { force: true });
    }
  }
  return out;
}
