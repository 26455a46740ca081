import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../src/content/json-schema.js';

describe('schema/ JSON Schema files', () => {
  it('match the zod schemas (run `npm run schema` when this fails)', () => {
    for (const [name, text] of Object.entries(jsonSchemaFiles())) {
      const onDisk = readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8');
      expect(onDisk, `schema/${name} is stale: run npm run schema`).toBe(text);
    }
  });

  it('are referenced by the bundled facts files for editors', () => {
    const articles = new URL('../../articles/', import.meta.url);
    const ids = readdirSync(articles, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(ids).toContain('2024-04-04-aws-stellenabbau');
    for (const id of ids) {
      const facts = readFileSync(new URL(`${id}/facts.yaml`, articles), 'utf8');
      expect(facts.split('\n')[0], id).toBe('# yaml-language-server: $schema=../../schema/facts.schema.json');
    }
  });
});
