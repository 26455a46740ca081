/**
 * What becomes of an edited paragraph when the editor closes: the bytes it left are checked
 * (strict UTF-8, a size cap), and the edit is merged with article.en.md as it is now, which
 * someone else may have changed while the editor was open. Pure: no files here.
 */
import { MAX_FILE_BYTES } from '../content/read-file.js';
import { PLACEHOLDER, paragraphTexts, replaceEnglishParagraph } from './edit-paragraph.js';

export type DecodedBuffer =
  | { ok: true; text: string }
  | { ok: false; reason: 'notUtf8'; line: number; byte: number }
  | { ok: false; reason: 'tooLarge'; bytes: number };

/** Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** The editor's bytes as text, or why they cannot be taken (the caller keeps the buffer). */
export function decodeEditBuffer(bytes: Uint8Array): DecodedBuffer {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: 'tooLarge', bytes: bytes.length };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    return { ok: false, reason: 'notUtf8', line, byte: bytes[bad] as number };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}

export type MergeResult =
  | { ok: true; text: string; merged: boolean }
  | { ok: false };

/**
 * article.en.md with paragraph `index` set to `paragraph`, given the file as it was read before
 * the editor opened (`before`) and as it is now (`now`; null: no file). When someone else changed
 * the file meanwhile, their change is kept and the edit applied on top if they touched neither
 * this paragraph nor the paragraph layout (same number of paragraphs); otherwise the changes
 * overlap and `ok` is false (the caller keeps the edit beside the article).
 */
export function mergeEdit(before: string | null, now: string | null, index: number, paragraph: string, total: number): MergeResult {
  if (now === before) return { ok: true, text: replaceEnglishParagraph(now, index, paragraph, total), merged: false };
  if (now === null) return { ok: false };
  const theirs = paragraphTexts(now);
  if (before === null) {
    // They created the file meanwhile: fine while this paragraph is still untranslated there.
    const there = theirs[index];
    return there === undefined || there.trim() === PLACEHOLDER ? { ok: true, text: replaceEnglishParagraph(now, index, paragraph, total), merged: true } : { ok: false };
  }
  const mine = paragraphTexts(before);
  if (mine.length !== theirs.length || mine[index] !== theirs[index]) return { ok: false };
  return { ok: true, text: replaceEnglishParagraph(now, index, paragraph, total), merged: true };
}
