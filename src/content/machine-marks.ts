/** Machine marks in article.en.md: which text is a machine draft, and whether a person has changed it since. */
import { createHash } from 'node:crypto';
import type { MachineProvenance } from './article.js';
import type { EnglishFrontMatter, MachineMark } from './schema.js';

/** The hash a mark keeps of the drafted text (as loaded: lines joined, cleaned). */
export function machineHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/** The provenance of `text` when `mark` was written for exactly this text; else none (a person's text). */
export function provenanceOf(mark: MachineMark | undefined, text: string | undefined): MachineProvenance | undefined {
  if (!mark || !text || machineHash(text) !== mark.hash) return undefined;
  return { provider: mark.provider, model: mark.model, date: mark.date };
}

/** True when the front matter marks anything as machine-drafted. */
export function hasMachineMarks(meta: EnglishFrontMatter | null | undefined): boolean {
  return meta?.machine !== undefined && Object.keys(meta.machine).length > 0;
}
