import { readFileSync } from 'node:fs';
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
    const facts = readFileSync(new URL('../../articles/2024-04-04-aws-stellenabbau/facts.yaml', import.meta.url), 'utf8');
    expect(facts.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/facts.schema.json');
  });
});
