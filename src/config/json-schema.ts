/** schema/config.schema.json from the zod schema, so editors can check config.yaml as it is typed. */
import { z } from 'zod';
import { configFile } from './schema.js';

export const CONFIG_SCHEMA_NAME = 'config.schema.json';

/** The JSON Schema text of config.yaml (stable formatting, trailing newline). */
export function configJsonSchema(): string {
  const json = { title: 'newsbridge config.yaml', ...z.toJSONSchema(configFile, { io: 'input', unrepresentable: 'any' }) };
  return `${JSON.stringify(json, null, 2)}\n`;
}
