/**
 * The one source of truth for the library format: zod schemas for the German
 * front matter, the English front matter and facts.yaml. TypeScript types are
 * inferred from them and `npm run schema` turns them into JSON Schema files.
 */
import { z } from 'zod';

import { ID_PATTERN } from './library-paths.js';

export { ID_PATTERN };

export const articleId = z
  .string()
  .regex(ID_PATTERN, 'must be a slug: lower-case letters, digits and hyphens, at most 80');

/** ISO 8601 date-time with an explicit offset, e.g. 2024-04-04T18:00:00+02:00. */
const isoDateTime = z.iso.datetime({ offset: true, local: false });
const isoDate = z.iso.date();
const text = z.string().trim().min(1);

export const germanFrontMatter = z
  .object({
    title: text.describe('Headline of the German original'),
    dek: text.optional().describe('Standfirst / teaser under the headline'),
    source: text.describe('Publisher, e.g. "Eulerpool News"'),
    published: isoDateTime
      .optional()
      .describe('Publication time, ISO 8601 with offset; absent when unknown (the article is listed as undated)'),
    url: z.url({ protocol: /^https?$/ }).optional().describe('Where the original was published'),
    author: text.optional().describe('Author or authors, as the publisher names them ("Anna Muster, Ben Beispiel")'),
    tags: z.array(text).optional(),
    imported: isoDateTime.optional().describe('When an undated article was imported (orders undated articles, newest import first)'),
    position: z.int().min(1).optional().describe("An undated article's position in the feed it came from (keeps the feed's order)"),
    feed: z.url({ protocol: /^https?$/ }).optional().describe('The feed the article came from: its URL as in feeds.yaml'),
    guid: text
      .optional()
      .describe("The item's identity in that feed: its guid or Atom id, else its link, else sha256: and a hash of its content"),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'must be 16 hexadecimal digits')
      .optional()
      .describe("Hash of the feed item's title and text when last written: a refresh that finds another one updates the article"),
    textFrom: z
      .enum(['page', 'feed'])
      .optional()
      .describe("Where the text comes from when the feed is set to full text: the linked page, or the feed's own text because the page could not be used"),
    textNote: text.optional().describe('Why the page could not be used (with textFrom: feed)'),
  })
  .strict();

export const translationStatus = z.enum(['draft', 'reviewed']);

/** A bead such as "1-1" or "2-1": German sentences, English sentences. */
export const beadPattern = /^[0-2]-[0-2]$/;

/** Key of a machine mark: a paragraph number (from 1), or the title or dek. */
export const machineKeyPattern = /^([1-9][0-9]*|title|dek)$/;

/**
 * Provenance of a machine draft. `hash` is of the drafted text: once a person changes the
 * text, the hash no longer matches and the text counts as theirs, whoever removes the mark.
 */
export const machineMark = z
  .object({
    provider: text.describe('Name of the translation provider in the config file, e.g. deepl'),
    model: text.describe('Model or engine the provider used'),
    date: isoDate.describe('Day the draft was made, YYYY-MM-DD'),
    hash: z.string().regex(/^[0-9a-f]{12}$/, 'must be the 12 hex digits newsbridge wrote').describe('Start of the SHA-256 of the drafted text'),
    beads: z
      .array(z.string().regex(beadPattern, 'a bead is "G-E" with 0–2 sentences per side, e.g. "2-1"'))
      .min(1)
      .optional()
      .describe('How the drafted sentences pair with the German ones, when automatic alignment would pair them otherwise'),
  })
  .strict();

export const englishFrontMatter = z
  .object({
    title: text.optional().describe('English headline'),
    dek: text.optional(),
    translator: text.optional(),
    status: translationStatus.default('draft'),
    reviewed: isoDate.optional().describe('Date of the last review, YYYY-MM-DD'),
    changed: text
      .optional()
      .describe('What changed in the German since the English was written (set by a refresh); delete it once the English is checked'),
    alignment: z
      .record(
        z.string().regex(/^[1-9][0-9]*$/, 'paragraph numbers start at 1'),
        z.array(z.string().regex(beadPattern, 'a bead is "G-E" with 0–2 sentences per side, e.g. "2-1"')).min(1),
      )
      .optional()
      .describe('Per-paragraph sentence alignment override: paragraph number → beads in order'),
    machine: z
      .record(z.string().regex(machineKeyPattern, 'a machine mark belongs to a paragraph number (from 1), "title" or "dek"'), machineMark)
      .optional()
      .describe('Machine drafts: paragraph number (or title, dek) → provider, model, date; dropped when a person edits the text'),
  })
  .strict();

export const factKind = z.enum([
  'number',
  'money',
  'date',
  'organisation',
  'person',
  'place',
  'quote',
  'other',
]);

/** Candidate facts from the importer may not have an English side yet. */
const bilingualDraft = z.object({ de: text, en: z.string().trim().optional() }).strict();

export const fact = z
  .object({
    id: articleId.describe('Stable id of the fact within the article'),
    kind: factKind,
    label: bilingualDraft,
    value: bilingualDraft,
    paragraph: z.int().min(1).describe('German paragraph the fact comes from, starting at 1'),
    sentence: z.int().min(1).optional().describe('Sentence within that paragraph, starting at 1'),
    evidence: text.describe('The exact words of the German source that support the fact'),
    confirmed: z
      .boolean()
      .default(true)
      .describe('false for candidate facts proposed by the importer and not yet checked'),
  })
  .strict();

export const glossaryEntry = z
  .object({
    de: text.describe('German term as it appears in the article'),
    en: text.describe('English rendering'),
    note: text.optional(),
  })
  .strict();

/**
 * A glossary entry as facts.yaml holds it: a term the importer proposed (`confirmed: false`)
 * may have no English yet; a confirmed one must.
 */
export const glossaryFileEntry = z
  .object({
    de: text.describe('German term as it appears in the article'),
    en: text.optional().describe('English rendering (needed once the entry is confirmed)'),
    note: text.optional(),
    confirmed: z.boolean().default(true).describe('false for terms proposed by the importer and not yet checked'),
  })
  .strict()
  .superRefine((entry, ctx) => {
    // Worded as the schema words an absent field.
    if (entry.confirmed && !entry.en) ctx.addIssue({ code: 'custom', path: ['en'], message: 'missing' });
  });

export const factsFile = z
  .object({
    facts: z.array(fact).default([]),
    glossary: z.array(glossaryFileEntry).default([]),
  })
  .strict();

/** The kinds of unit an article body is made of (see src/content/blocks.ts for their Markdown form). */
export const blockKind = z.enum(['paragraph', 'heading', 'list', 'table', 'quote', 'question']);

const enKind = blockKind.optional().describe('The kind of the English side, when it differs from the German (a mistake validate reports)');

/**
 * The structure of a paragraph that is not plain prose, in both languages. The paragraph's
 * `de`/`en` strings stay its plain text; this adds what a renderer needs.
 */
export const paragraphBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['paragraph', 'heading', 'quote', 'question']), enKind }).strict(),
  z
    .object({
      kind: z.literal('list'),
      items: z.object({ de: z.array(z.string()), en: z.array(z.string()) }).strict().describe('The items of each side, markers removed'),
      enKind,
    })
    .strict(),
  z
    .object({
      kind: z.literal('table'),
      header: z.boolean().describe('True when the first row is a header row'),
      rows: z.object({ de: z.array(z.array(z.string())), en: z.array(z.array(z.string())) }).strict().describe('Rows of cells of each side'),
      enKind,
    })
    .strict(),
]);

/** One link of the numbered list under an article (`[n]: URL "text"`); never followed by the program itself. */
export const articleLink = z
  .object({
    n: z.int().min(1).describe('The number the list gives the link'),
    url: z.url({ protocol: /^https?$/ }).describe('An http:// or https:// address'),
    text: text.optional().describe('The words the link was on'),
  })
  .strict();

/** An article's body as loaded: what `show --json` prints besides the metadata. */
export const articleBody = z
  .object({
    paragraphs: z.array(
      z
        .object({
          de: z.string().describe('Plain text of the German unit'),
          en: z.string().describe('Plain text of the English unit ("" = not translated yet)'),
          block: paragraphBlock.optional().describe('Absent for a plain paragraph'),
        })
        .strict(),
    ),
    links: z.array(articleLink),
  })
  .strict();


export type GermanFrontMatter = z.infer<typeof germanFrontMatter>;
export type EnglishFrontMatter = z.infer<typeof englishFrontMatter>;
export type TranslationStatus = z.infer<typeof translationStatus>;
export type MachineMark = z.infer<typeof machineMark>;
export type FactKind = z.infer<typeof factKind>;
export type Fact = z.infer<typeof fact>;
export type GlossaryEntry = z.infer<typeof glossaryEntry>;
export type GlossaryFileEntry = z.infer<typeof glossaryFileEntry>;
export type BlockKindName = z.infer<typeof blockKind>;
export type ParagraphBlock = z.infer<typeof paragraphBlock>;
export type FactsFile = z.infer<typeof factsFile>;
