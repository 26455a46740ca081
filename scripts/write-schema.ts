// `npm run schema`: writes the JSON Schema files in schema/ from the zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from '../src/content/json-schema.js';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(`${dir}${name}`, text);
  console.log(`wrote schema/${name}`);
}
