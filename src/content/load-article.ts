/** Loading one article folder into an Article (whole) or an ArticleSummary (front matter only). */
import path from 'node:path';
import type { Article, ArticleResult, ArticleSummary, LibraryEntry, Paragraph, Translation } from './article.js';
import { error, type Diagnostic } from './diagnostic.js';
import { splitMarkdown, splitParagraphs } from './front-matter.js';
import { displayPath, FILES, isArticleId } from './library-paths.js';
import { isPlaceholder, parseEnglish, parseFacts, parseGerman } from './parse-files.js';
import { readLibraryFile } from './read-file.js';
import type { EnglishFrontMatter } from './schema.js';

/** Enough bytes for any sane front matter; a longer one triggers a full read. */
const FRONT_MATTER_BYTES = 16 * 1024;

export interface LibraryRoot {
  /** Real (symlink-resolved) path of the library folder. */
  real: string;
}

function paths(root: LibraryRoot, id: string) {
  const dir = path.join(root.real, id);
  const show = (name: string) => displayPath(path.join(dir, name));
  return {
    abs: { de: path.join(dir, FILES.de), en: path.join(dir, FILES.en), facts: path.join(dir, FILES.facts) },
    shown: { dir: displayPath(dir), de: show(FILES.de), en: show(FILES.en), facts: show(FILES.facts) },
  };
}

function badId(root: LibraryRoot, id: string): Diagnostic {
  return error(displayPath(path.join(root.real, id)), 'folder name is not an article id (lower-case letters, digits and hyphens, at most 80)');
}

function translationOf(english: EnglishFrontMatter | null, hasText: boolean): Translation {
  if (english === null || !hasText) return 'untranslated';
  return english.status;
}

/** Reads front matter only (the library list needs nothing else). */
export async function loadSummary(root: LibraryRoot, id: string): Promise<LibraryEntry> {
  if (!isArticleId(id)) return { ok: false, id, errors: [badId(root, id)] };
  const { abs, shown } = paths(root, id);
  let de = await readLibraryFile(abs.de, root.real, FRONT_MATTER_BYTES);
  if (de.ok && splitMarkdown(de.text).unterminated) de = await readLibraryFile(abs.de, root.real);
  if (!de.ok) return { ok: false, id, errors: [error(shown.de, de.message)] };
  const german = parseGerman(cutBody(de.text), shown.de);
  if (!german.ok) return { ok: false, id, errors: german.errors };

  let english: EnglishFrontMatter | null = null;
  let hasText = false;
  let en = await readLibraryFile(abs.en, root.real, FRONT_MATTER_BYTES);
  if (en.ok && splitMarkdown(en.text).unterminated) en = await readLibraryFile(abs.en, root.real);
  if (en.ok) {
    const parsed = parseEnglish(en.text, shown.en);
    if (!parsed.ok) return { ok: false, id, errors: parsed.errors };
    english = parsed.value.meta;
    // A body beyond the bytes read counts as text; a skeleton of placeholders does not.
    hasText = parsed.value.body.some((p) => p.text !== '') || en.text.length >= FRONT_MATTER_BYTES;
  } else if (!en.missing) {
    return { ok: false, id, errors: [error(shown.en, en.message)] };
  }
  const meta = german.value.meta;
  const summary: ArticleSummary = {
    id,
    title: english?.title ? { de: meta.title, en: english.title } : { de: meta.title },
    dek: { de: meta.dek, en: english?.dek },
    source: meta.source,
    published: meta.published,
    time: Date.parse(meta.published),
    url: meta.url,
    translation: translationOf(english, hasText),
  };
  return { ok: true, id, summary };
}

/** Keeps the front matter of a partial read (the body may be cut mid-paragraph). */
function cutBody(text: string): string {
  const split = splitMarkdown(text);
  if (split.yaml === null) return text;
  return `---\n${split.yaml}\n---\n`;
}

/** Reads and checks all three files of an article. */
export async function loadArticle(root: LibraryRoot, id: string): Promise<ArticleResult> {
  if (!isArticleId(id)) return { ok: false, id, errors: [badId(root, id)] };
  const { abs, shown } = paths(root, id);
  const [deFile, enFile, factsFile] = await Promise.all([
    readLibraryFile(abs.de, root.real),
    readLibraryFile(abs.en, root.real),
    readLibraryFile(abs.facts, root.real),
  ]);
  const errors: Diagnostic[] = [];
  const problems: Diagnostic[] = [];

  if (!deFile.ok) errors.push(error(shown.de, deFile.message));
  const german = deFile.ok ? parseGerman(deFile.text, shown.de) : null;
  if (german && !german.ok) errors.push(...german.errors);
  if (german?.ok) problems.push(...german.problems);

  if (!enFile.ok && !enFile.missing) errors.push(error(shown.en, enFile.message));
  const english = enFile.ok ? parseEnglish(enFile.text, shown.en) : null;
  if (english && !english.ok) errors.push(...english.errors);
  if (english?.ok) problems.push(...english.problems);

  if (!factsFile.ok && !factsFile.missing) errors.push(error(shown.facts, factsFile.message));
  const facts = factsFile.ok ? parseFacts(factsFile.text, shown.facts) : null;
  if (facts && !facts.ok) errors.push(...facts.errors);
  if (facts?.ok) problems.push(...facts.problems);

  if (!deFile.ok && deFile.missing) return { ok: false, id, errors, notFound: true };
  if (errors.length > 0 || !german?.ok) return { ok: false, id, errors };
  const enValue = english?.ok ? english.value : null;
  const paragraphs = pairParagraphs(german.value.body, enValue?.body ?? [], enValue?.meta.alignment);
  const hasText = paragraphs.some((p) => p.en !== '');
  const article: Article = {
    id,
    meta: german.value.meta,
    english: enValue?.meta ?? null,
    translation: translationOf(enValue?.meta ?? null, hasText),
    paragraphs,
    facts: facts?.ok ? facts.value.facts : [],
    glossary: facts?.ok ? facts.value.glossary : [],
    files: shown,
  };
  return { ok: true, article, problems };
}

function pairParagraphs(
  de: readonly { text: string; line: number }[],
  en: readonly { text: string; line: number }[],
  alignment: Record<string, string[]> | undefined,
): Paragraph[] {
  const count = Math.max(de.length, en.length);
  const out: Paragraph[] = [];
  for (let i = 0; i < count; i++) {
    const d = de[i];
    const e = en[i];
    const spec = alignment?.[String(i + 1)];
    out.push({
      de: d?.text ?? '',
      en: e?.text ?? '',
      ...(d ? { deLine: d.line } : {}),
      ...(e ? { enLine: e.line } : {}),
      ...(spec ? { alignment: spec } : {}),
    });
  }
  return out;
}

export { isPlaceholder, splitParagraphs };
