/**
 * Drafts already paid for: English sentences keyed by provider, model, the settings that
 * change the output, the glossary terms that apply and the German sentence. An append-only
 * JSON Lines file in the cache directory; a line cut short by a crash is skipped on reading.
 * Keys are hashes: no secret, and no German text, is stored in them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { GlossaryEntry } from '../content/schema.js';
import type { Provider } from './provider.js';

export const DRAFT_CACHE_FILE = 'drafts-1.jsonl';

export class DraftCache {
  private entries: Map<string, string> | null = null;
  private readonly file: string | null;

  /** A cache in `dir`; null keeps nothing (every sentence is sent). */
  constructor(dir: string | null) {
    this.file = dir === null ? null : path.join(dir, DRAFT_CACHE_FILE);
  }

  private load(): Map<string, string> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    if (!this.file) return this.entries;
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return this.entries;
    }
    for (const line of text.split('\n')) {
      try {
        const record = JSON.parse(line) as unknown;
        if (Array.isArray(record) && typeof record[0] === 'string' && typeof record[1] === 'string') this.entries.set(record[0], record[1]);
      } catch {
        // A torn or foreign line: only a cache.
      }
    }
    return this.entries;
  }

  /** The key of one German sentence's draft by `provider`. */
  key(provider: Provider, sentence: string, glossary: readonly GlossaryEntry[]): string {
    const lower = sentence.toLocaleLowerCase('de');
    const terms = glossary.filter((g) => lower.includes(g.de.toLocaleLowerCase('de'))).map((g) => `${g.de}=${g.en}`).sort();
    return createHash('sha256').update(JSON.stringify([provider.type, provider.model, provider.variant, terms, sentence])).digest('hex');
  }

  get(key: string): string | undefined {
    return this.load().get(key);
  }

  /** Remembers drafts; failing to write only costs money next time. */
  async put(drafts: readonly [string, string][]): Promise<void> {
    const entries = this.load();
    for (const [k, v] of drafts) entries.set(k, v);
    if (!this.file || drafts.length === 0) return;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, drafts.map((d) => `${JSON.stringify(d)}\n`).join(''), { mode: 0o600 });
    } catch {
      // Read-only or full cache folder: carry on without.
    }
  }
}
