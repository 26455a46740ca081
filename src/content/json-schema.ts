/** JSON Schema files generated from the zod schemas, so editors can check files as they are typed. */
import { z } from 'zod';
import { feedsFile } from './feeds-schema.js';
import { articleBody, englishFrontMatter, factsFile, germanFrontMatter } from './schema.js';

const SCHEMAS = {
  'facts.schema.json': { schema: factsFile, title: 'newsbridge facts.yaml: key facts and glossary of an article' },
  'article.de.schema.json': { schema: germanFrontMatter, title: 'newsbridge article.de.md front matter' },
  'article.en.schema.json': { schema: englishFrontMatter, title: 'newsbridge article.en.md front matter' },
  'article.body.schema.json': {
    schema: articleBody,
    title: 'newsbridge article body as loaded: paragraphs (with their block kind) and links, as `show --json` prints them',
  },
  'feeds.schema.json': { schema: feedsFile, title: 'newsbridge feeds.yaml: the feeds a library follows' },
} as const;

/** File name → JSON text (stable formatting, trailing newline). */
export function jsonSchemaFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { schema, title }] of Object.entries(SCHEMAS)) {
    const json = { title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
    out[name] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}
