/**
 * windows-1252 as the WHATWG Encoding Standard defines it. Node 20's TextDecoder maps bytes
 * 0x80–0x9F of windows-1252 (and of the labels that mean it: latin1, iso-8859-1, ascii) to C1
 * controls instead of € „ “ – …, which sanitising then deletes ("kostet 5 €" became "kostet
 * 5"); Node 22 is right. The other 224 bytes are their own code points, so a 32-entry table is
 * the whole fix (smaller than a dependency such as iconv-lite).
 */

/** Code points of bytes 0x80–0x9F; the five the standard leaves undefined map to themselves. */
const HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Decodes windows-1252 bytes by the WHATWG table. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? (HIGH[b - 0x80] as number) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
