/**
 * Writing an imported article into a library folder: article.de.md, an article.en.md
 * (a skeleton of placeholders, or an aligned translation) and facts.yaml with candidates.
 */
import { constants, existsSync } from 'node:fs';
import { access, lstat, mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { linkListMarkdown, type ArticleLink } from '../content/blocks.js';
import { bundledLibrary, FILES } from '../content/library-paths.js';
import { englishInGermanShape } from './english-units.js';
import { FACTS_SCHEMA_REF } from './schema-copy.js';
import type { Fact, GlossaryFileEntry } from '../content/schema.js';
import { PLACEHOLDER } from '../curate/edit-paragraph.js';
import { recoverReplacements, replaceFiles } from '../storage/replace-files.js';

/** An article ready to be written: every required field filled in. */
export interface ArticleToWrite {
  id: string;
  title: string;
  dek?: string;
  source: string;
  /** Absent when no date was found: the article is undated. */
  published?: string;
  /** When an undated article was imported, and its position in the input (a feed's order). */
  imported?: string;
  position?: number;
  url?: string;
  author?: string;
  tags?: string[];
  /** Where a feed item came from: the feed's URL, the item's identity and its fingerprint. */
  feed?: string;
  guid?: string;
  fingerprint?: string;
  textFrom?: 'page' | 'feed';
  textNote?: string;
  /** Body units in the Markdown-like form of the format (see content/blocks.ts). */
  paragraphs: string[];
  /** The links inside the text, numbered from 1, written as a list under it. */
  links?: ArticleLink[];
}

/** The English side: paragraphs aligned 1:1 with the German ('' = not translated yet). */
export interface EnglishToWrite {
  title?: string;
  dek?: string;
  paragraphs: string[];
}

// Long lines stay long: a paragraph is one line, and folded YAML scalars would hide that.
const YAML_OUT = { lineWidth: 0, minContentWidth: 0 } as const;

function frontMatter(fields: Record<string, string | number | string[] | undefined>): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
  return `---\n${stringify(defined, YAML_OUT)}---\n`;
}

/** article.de.md: front matter, then the units with blank lines between, then the link list. */
export function renderGerman(article: ArticleToWrite): string {
  const { title, dek, source, published, url, author, tags, feed, guid, fingerprint, textFrom, textNote, imported, position } = article;
  const fields = { title, dek, source, published, url, author, tags, feed, guid, fingerprint, textFrom, textNote, imported, position };
  const links = article.links && article.links.length > 0 ? `\n${linkListMarkdown(article.links)}\n` : '';
  return `${frontMatter(fields)}\n${article.paragraphs.join('\n\n')}\n${links}`;
}

/**
 * article.en.md as a draft: the given English (each paragraph in the shape of its German unit,
 * a subheading as a subheading), a placeholder wherever there is none.
 */
export function renderEnglish(germanUnits: readonly string[], english?: EnglishToWrite): string {
  const paragraphs = germanUnits.map((unit, i) => {
    const text = english?.paragraphs[i]?.trim();
    return text ? englishInGermanShape(unit, text) : PLACEHOLDER;
  });
  return `${frontMatter({ title: english?.title, dek: english?.dek, status: 'draft' })}\n${paragraphs.join('\n\n')}\n`;
}

/** facts.yaml with its schema comment for editors, the candidate facts and the proposed glossary. */
export function renderFacts(facts: readonly Fact[], schemaPath: string, glossary: readonly GlossaryFileEntry[] = []): string {
  const body = stringify({ facts, glossary }, YAML_OUT);
  return `# yaml-language-server: $schema=${schemaPath}\n${body}`;
}

/**
 * The schema reference for facts.yaml: relative to the article's folder, so it survives a
 * reinstall and a shared library. In the bundled library it is the program's own schema/
 * folder; in any other library the copy in its `.schema/` folder (see schema-copy.ts).
 */
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
  return FACTS_SCHEMA_REF;
}

export interface WrittenFiles {
  dir: string;
  de: string;
  en: string;
  facts: string;
  /** Files that were replaced, each renamed to a backup beside it. */
  kept: { file: string; backup: string }[];
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

/** Pauses for a test to kill the process at a chosen moment (NEWSBRIDGE_TEST_PAUSE=point); never set in use. */
function testPause(point: string): (() => Promise<void>) | undefined {
  if (process.env['NEWSBRIDGE_TEST_PAUSE'] !== point) return undefined;
  return () =>
    new Promise<void>(() => {
      process.stderr.write(`paused at ${point}\n`);
      setInterval(() => undefined, 60_000);
    });
}

/**
 * Writes the three files into `libraryDir/id`, each through a temporary file and a rename,
 * so a crash never leaves half a file, and a crash between renames is finished by the next
 * run (see storage/replace-files.ts). Refuses an existing folder unless `force`; with it,
 * every file that would change is first renamed to a backup (listed in `kept`). Writes only
 * into a real folder inside the library: an article folder that is a link is refused.
 */
export async function writeArticleFiles(
  libraryDir: string,
  id: string,
  files: { de: string; en: string; facts: string },
  force: boolean,
): Promise<WrittenFiles> {
  const root = await realpath(libraryDir);
  // An earlier import of this library killed half-way is finished (or undone) before this one starts.
  await recoverReplacements(root);
  const dir = path.join(root, id);
  const present = await lstat(dir).catch(() => null);
  if (present && !force) throw new ArticleExistsError(dir);
  if (present?.isSymbolicLink()) {
    const target = await realpath(dir).catch(() => null);
    throw new LibraryFolderError(`${id} is a link${target ? ` to ${target}` : ''}; import writes only into folders inside the library, never through a link`);
  }
  if (present && !present.isDirectory()) throw new LibraryFolderError(`${id} is in the way: it is not a folder`);
  // Not recursive: the library folder exists already, and a recursive mkdir loops forever on procfs.
  await mkdir(dir).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') throw new LibraryFolderError(`cannot create ${id} in it: its file system takes no new folders`);
    if (cause.code !== 'EEXIST') throw cause;
  });
  // Made just now, or lstat-checked: still, the folder must resolve to where it is named.
  if ((await realpath(dir)) !== dir) throw new LibraryFolderError(`${id} leads outside the library; nothing was written`);
  const out: WrittenFiles = { dir, de: path.join(dir, FILES.de), en: path.join(dir, FILES.en), facts: path.join(dir, FILES.facts), kept: [] };
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const betweenRenames = testPause('between-renames');
  const whileWriting = testPause('while-writing');
  out.kept = await replaceFiles(
    root,
    dir,
    [
      { name: FILES.de, text: files.de },
      { name: FILES.en, text: files.en },
      { name: FILES.facts, text: files.facts },
    ],
    { stamp, ...(betweenRenames ? { betweenRenames } : {}), ...(whileWriting ? { whileWriting } : {}) },
  );
  return out;
}

/** Words for the system's error codes, for messages a person reads. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'something else is in the way',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'a folder on its path does not exist',
  EBUSY: 'it is busy',
  EIO: 'an input/output error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
};

/** A failed file-system call in words (its code only when it is an unusual one). */
export function reasonOf(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return cause instanceof Error ? cause.message : String(cause);
  return REASONS[code] ?? `the system refused (${code})`;
}

/** Thrown when the library folder cannot be made; `message` says why in words. */
export class LibraryFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryFolderError';
  }
}

/**
 * Makes sure `dir` is a folder we can write into, creating it (and missing parents) when
 * needed: true when it was created. The nearest existing ancestor is checked first and the
 * folders are made one at a time, because a recursive mkdir loops forever where the file
 * system answers "no such file" for the parent it just found (procfs), and fails with a
 * bare code where the path runs through a file or a broken link.
 */
export async function ensureFolder(dir: string, shown: (p: string) => string): Promise<boolean> {
  const target = path.resolve(dir);
  const named = (p: string) => (p === target ? 'it' : shown(p));
  const missing: string[] = [];
  let at = target;
  for (;;) {
    const info = await stat(at).catch((cause: NodeJS.ErrnoException) => cause);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) break;
      throw new LibraryFolderError(at === target ? 'is a file, not a folder' : `cannot create it: ${shown(at)} is a file, not a folder`);
    }
    if (info.code === 'ENOENT') {
      const link = await lstat(at).then(
        (l) => l.isSymbolicLink(),
        () => false,
      );
      const broken = 'is a broken link (it points to nothing)';
      if (link) throw new LibraryFolderError(at === target ? broken : `cannot create it: ${shown(at)} ${broken}`);
    } else if (info.code !== 'ENOTDIR') {
      throw new LibraryFolderError(`cannot use ${named(at)}: ${reasonOf(info)}`);
    }
    const parent = path.dirname(at);
    if (parent === at) throw new LibraryFolderError('cannot create it: no folder on its path exists');
    missing.unshift(at);
    at = parent;
  }
  try {
    await access(at, constants.W_OK);
  } catch (cause) {
    throw new LibraryFolderError(missing.length === 0 ? `cannot write into it: ${reasonOf(cause)}` : `cannot create it in ${shown(at)}: ${reasonOf(cause)}`);
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (cause) {
      // The parent exists (checked, or just made): "no such file" means its file system takes no new folders.
      const code = (cause as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? `${shown(path.dirname(folder))} takes no new folders` : reasonOf(cause);
      throw new LibraryFolderError(`cannot create ${named(folder)}: ${reason}`);
    }
  }
  return missing.length > 0;
}
