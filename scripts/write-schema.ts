// `npm run schema`: writes the JSON Schema files in schema/ from the zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_SCHEMA_NAME, configJsonSchema } from '../src/config/json-schema.js';
import { jsonSchemaFiles } from '../src/content/json-schema.js';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries({ ...jsonSchemaFiles(), [CONFIG_SCHEMA_NAME]: configJsonSchema() })) {
  writeFileSync(`${dir}${name}`, text);
  console.log(`wrote schema/${name}`);
}
