/**
 * Bytes to text for imported files and pages. A declared charset is honoured, but checked:
 * pages re-saved as UTF-8 often keep their old `<meta charset=gb2312>`, and trusting it
 * turns every character into mojibake.
 */
import { decodeWindows1252 } from './windows-1252.js';

export interface DecodedText {
  text: string;
  /** The encoding used, as TextDecoder names it. */
  encoding: string;
  /** The charset the bytes declared (HTTP header, BOM, meta tag, XML declaration), if any. */
  declared?: string;
  /** True when the declared charset could not have produced these bytes. */
  declaredWrong: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** TextDecoder, except for windows-1252, which Node 20 decodes wrongly (see windows-1252.ts). */
function decodeAs(encoding: string, bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

/** The canonical name TextDecoder uses for `label`, or undefined when it knows none. */
function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The charset named in the first bytes: `<meta charset>`, http-equiv, or `<?xml encoding?>`. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return meta?.[1];
}

/** The charset parameter of a Content-Type header. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
}

/**
 * Decodes `bytes`: a BOM wins; valid UTF-8 is read as UTF-8 whatever was declared (legacy
 * text with non-ASCII bytes is practically never valid UTF-8 by accident); otherwise the
 * declared charset, else windows-1252 (what browsers assume for Western pages).
 */
export function decodeBytes(bytes: Uint8Array, headerCharset?: string): DecodedText {
  const bom = bomEncoding(bytes);
  const declaredLabel = headerCharset ?? sniffDeclaredCharset(bytes);
  const declared = declaredLabel ? encodingName(declaredLabel) : undefined;
  if (bom) {
    const text = new TextDecoder(bom).decode(bytes);
    return { text, encoding: bom, declared: declared ?? bom, declaredWrong: declared !== undefined && declared !== bom };
  }
  try {
    const text = strictUtf8.decode(bytes);
    const ascii = !bytes.some((b) => b >= 0x80);
    // Pure ASCII is valid in every ASCII-compatible charset, so no declaration is wrong.
    const wrong = declared !== undefined && declared !== 'utf-8' && !ascii;
    return { text, encoding: 'utf-8', ...(declaredLabel ? { declared: declared ?? declaredLabel } : {}), declaredWrong: wrong };
  } catch {
    const encoding = declared && declared !== 'utf-8' ? declared : 'windows-1252';
    const text = decodeAs(encoding, bytes);
    return {
      text,
      encoding,
      ...(declaredLabel ? { declared: declared ?? declaredLabel } : {}),
      declaredWrong: declared === 'utf-8',
    };
  }
}
