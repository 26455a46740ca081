/** The loaded, cleaned form of an article as the rest of the program sees it. */
import type { EnglishFrontMatter, Fact, GermanFrontMatter, GlossaryEntry, GlossaryFileEntry, ParagraphBlock } from './schema.js';
import type { ArticleLink } from './blocks.js';
import type { Diagnostic } from './diagnostic.js';

export type { ArticleLink } from './blocks.js';
export type { ParagraphBlock } from './schema.js';

/**
 * `machine`: a draft (not reviewed) that holds machine-drafted text (its front matter has
 * machine marks); `draft`: English written by people only, not reviewed yet.
 */
export type Translation = 'reviewed' | 'machine' | 'draft' | 'untranslated';

/** Where a machine draft came from (article.en.md's `machine:` front matter). */
export interface MachineProvenance {
  /** The provider's name in the config file. */
  provider: string;
  model: string;
  /** YYYY-MM-DD */
  date: string;
}

/** One German paragraph and the English paragraph aligned with it ('' = not translated). */
export interface Paragraph {
  de: string;
  en: string;
  /** 1-based line of the paragraph in article.de.md / article.en.md, when it exists there. */
  deLine?: number;
  enLine?: number;
  /** Curator's sentence alignment override, e.g. ["1-1", "2-1"] (or the pairing a machine draft recorded). */
  alignment?: string[];
  /**
   * What kind of unit this is when it is not a plain paragraph (a subheading, list, table,
   * quotation or interview question), with list items and table cells in both languages.
   * `de` and `en` stay the unit's plain text either way. Absent for a plain paragraph.
   */
  block?: ParagraphBlock;
  /** Set when the English is a machine draft no person has changed since. */
  machine?: MachineProvenance;
}

export interface ArticleFilePaths {
  dir: string;
  de: string;
  en: string;
  facts: string;
}

export interface Article {
  id: string;
  meta: GermanFrontMatter;
  /** English front matter; null when article.en.md does not exist. */
  english: EnglishFrontMatter | null;
  translation: Translation;
  /** The English title and dek when they are machine drafts no person has changed since. */
  machine?: { title?: MachineProvenance; dek?: MachineProvenance };
  paragraphs: Paragraph[];
  facts: Fact[];
  glossary: GlossaryEntry[];
  /** Glossary terms the importer proposed and the curator has not confirmed (English may be missing). */
  proposedGlossary: GlossaryFileEntry[];
  /** The numbered links under the article (`[n]: URL "text"` in article.de.md), by number. */
  links: ArticleLink[];
  /**
   * Why facts.yaml could not be used (empty when it is fine or absent). The
   * facts and glossary are then empty, but the text still opens.
   */
  factsErrors: Diagnostic[];
  /** Paths for messages (relative to the working folder where possible). */
  files: ArticleFilePaths;
}

/** What the library screen and `list` need: front matter only. */
export interface ArticleSummary {
  id: string;
  title: { de: string; en?: string };
  source: string;
  /** ISO 8601 publication time; null when the article is undated (shown as "undated"). */
  published: string | null;
  /**
   * Sort key, newest first: milliseconds since the epoch; for an undated article a value below
   * every real date (see undatedSortTime), so undated articles follow the dated ones.
   */
  time: number;
  url?: string;
  translation: Translation;
  /** The feed it came from (its URL), for filters and unread counts per feed. */
  feed?: string;
  /** Its identity in that feed (guid, id, link or content hash), for refresh. */
  guid?: string;
}

export type LibraryEntry =
  | { ok: true; id: string; summary: ArticleSummary }
  | { ok: false; id: string; errors: Diagnostic[] };

export type ArticleResult =
  | { ok: true; article: Article; problems: Diagnostic[] }
  /** `notFound`: there is no article.de.md, i.e. no such article. */
  | { ok: false; id: string; errors: Diagnostic[]; notFound?: boolean };
