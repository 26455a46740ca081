/**
 * Any OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp's server, vLLM, hosted
 * services): the German sentences of a paragraph go as a JSON array, and the reply must be a
 * JSON array of exactly as many English sentences, or nothing is used.
 */
import type { OpenAiConfig } from '../../config/schema.js';
import type { GlossaryEntry } from '../../content/schema.js';
import { DraftError } from '../draft-error.js';
import { postJson } from '../http.js';
import type { Provider, ProviderSession, SentenceBatch } from '../provider.js';
import { withRetries, type RetryOptions } from '../retry.js';

export interface OpenAiOptions {
  name: string;
  config: OpenAiConfig;
  key: string | undefined;
  retry: Omit<RetryOptions, 'provider' | 'signal'>;
  timeoutMs: number;
}

/** The instructions sent with every request (the project's own wording). */
export const SYSTEM_PROMPT = [
  'You translate German news into English for a bilingual reader.',
  'The user sends a JSON object with "sentences", an array of German sentences from one paragraph, and sometimes "glossary", German terms with the English term to use.',
  'Reply with a JSON array of English strings only: exactly as many strings as there are German sentences, in the same order, string n translating sentence n.',
  'Never merge two sentences into one string and never split one sentence into two strings.',
  'Keep every number, amount, percentage, date and name of the German (an amount may be written the English way: "4 Milliarden Dollar" becomes "$4 billion").',
  'Use the glossary\'s English term wherever its German term occurs.',
  'No comments, no explanations, no code fences: the JSON array and nothing else.',
].join(' ');

/** The glossary entries whose German term occurs in the sentences (the rest would only cost tokens). */
export function glossaryFor(sentences: readonly string[], glossary: readonly GlossaryEntry[]): { de: string; en: string }[] {
  const text = sentences.join(' ').toLocaleLowerCase('de');
  return glossary.filter((g) => text.includes(g.de.toLocaleLowerCase('de'))).map(({ de, en }) => ({ de, en }));
}

/** The user message: the sentences (and glossary) as JSON. */
export function userMessage(sentences: readonly string[], glossary: readonly GlossaryEntry[]): string {
  const terms = glossaryFor(sentences, glossary);
  return JSON.stringify({ sentences, ...(terms.length > 0 ? { glossary: terms } : {}) });
}

/** The English sentences of a reply, if it is exactly a JSON array of `count` non-empty strings (a code fence around it is tolerated). */
export function parseSentenceArray(content: unknown, count: number): string[] | null {
  if (typeof content !== 'string') return null;
  const unfenced = content.trim().replace(/^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i, '$1').trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(unfenced);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== count) return null;
  if (!parsed.every((s): s is string => typeof s === 'string' && s.trim() !== '')) return null;
  return parsed;
}

export class OpenAiProvider implements Provider {
  readonly type = 'openai';
  readonly name: string;
  readonly model: string;
  readonly endpoint: string;
  readonly variant: string;
  private readonly o: OpenAiOptions;
  private readonly url: string;

  constructor(o: OpenAiOptions) {
    this.o = o;
    this.name = o.name;
    this.model = o.config.model;
    const base = new URL(o.config.baseUrl);
    const root = base.origin + base.pathname.replace(/\/+$/, '');
    this.url = /\/v1$/.test(root) ? `${root}/chat/completions` : `${root}/v1/chat/completions`;
    this.endpoint = base.origin;
    this.variant = `${this.endpoint}|${o.config.temperature}`;
  }

  async translate(batch: SentenceBatch): Promise<string[]> {
    if (batch.sentences.length === 0) return [];
    const body = {
      model: this.o.config.model,
      temperature: this.o.config.temperature,
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: userMessage(batch.sentences, batch.glossary) },
      ],
    };
    const headers: Record<string, string> = this.o.key ? { authorization: `Bearer ${this.o.key}` } : {};
    const post = { provider: this.name, timeoutMs: this.o.timeoutMs, secrets: this.o.key ? [this.o.key] : [], keyEnv: this.o.config.keyEnv, signal: batch.signal };
    const reply = await withRetries(() => postJson(this.url, body, headers, post), { ...this.o.retry, provider: this.name, signal: batch.signal });
    const content = (reply as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
    const sentences = parseSentenceArray(content, batch.sentences.length);
    if (!sentences) throw new DraftError('badReply', this.name, { expected: batch.sentences.length });
    return sentences;
  }

  /** Nothing is set up at the server: a session only translates. */
  session(): ProviderSession {
    return { translate: (batch) => this.translate(batch), close: () => Promise.resolve() };
  }
}
