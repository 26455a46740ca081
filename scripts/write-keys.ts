// `npm run keys`: writes the key table from src/input/keymap.ts into README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTranslator } from '../src/i18n/translate.js';
import { KEYS_END, KEYS_START, keysMarkdown } from '../src/input/keys-markdown.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const t = createTranslator('en');
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(KEYS_START);
const end = text.indexOf(KEYS_END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${KEYS_START} … ${KEYS_END} block`);
  process.exit(1);
}
const table = keysMarkdown((k) => t(k as 'keys.down'));
writeFileSync(readme, `${text.slice(0, start + KEYS_START.length)}\n${table}\n${text.slice(end)}`);
console.log('README.md: key table updated');
