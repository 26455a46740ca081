/** Keeping secrets out of everything shown: a provider's message may quote the request, key included. */
import { sanitise } from '../text/sanitize.js';

/** `text` with every occurrence of a secret replaced by "***". */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/** A provider's own words, fit for one line: no secrets, no controls, no line breaks, at most 200 characters. */
export function providerDetail(text: string, secrets: readonly string[]): string {
  const line = sanitise(redact(text, secrets)).replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
