/**
 * Decoding: windows-1252 (declared, implied by a latin1 label, or sniffed from bytes that are
 * not UTF-8) keeps „ “ – € (Node 20's TextDecoder turns bytes 0x80–0x9F into C1 controls, which
 * sanitising then deleted), and whatever sanitising does remove from an import is reported.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/import/decode.js';
import { decodeWindows1252 } from '../../src/import/windows-1252.js';
import { loadFrom, runCli, writeInput } from '../cli/import-helpers.js';
import { tempDir } from '../helpers/library.js';

/** Text as windows-1252 bytes (only the characters the fixtures use). */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '…': 0x85, ä: 0xe4, é: 0xe9, ö: 0xf6, ü: 0xfc, ß: 0xdf, Ü: 0xdc };
  return Uint8Array.from([...text], (ch) => high[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f));
}

const BODY = [
  'Teurer Kaffee in Beispielheim',
  '',
  '12.03.2025, 10:15',
  '',
  'Eine Tasse Kaffee kostet im Rathauscafé jetzt 5 € – ein Euro mehr als im Vorjahr. „Das ist zu viel“, sagen viele Gäste, die täglich kommen und sich über die Preise ärgern.',
  '',
  'Der Pächter verweist auf gestiegene Kosten für Milch, Strom und Personal… Er will die Preise im Sommer noch einmal prüfen und dann über Rabatte für Stammgäste entscheiden.',
  '',
].join('\n');

describe('windows-1252 input', () => {
  it('decodes the 32 bytes 0x80–0x9F by the WHATWG table', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const text = decodeWindows1252(bytes);
    expect(text.slice(0, 8)).toBe('€\u0081‚ƒ„…†‡');
    expect(text.slice(16, 24)).toBe('\u0090‘’“”•–—');
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xe4, 0xff]))).toBe('Aäÿ');
  });

  it.each([
    ['sniffed (no declaration, not UTF-8)', BODY],
    ['declared as windows-1252', `<!doctype html><html><head><meta charset="windows-1252"><title>Teurer Kaffee in Beispielheim</title></head><body><h1>Teurer Kaffee in Beispielheim</h1><p>12.03.2025, 10:15</p>${BODY.split('\n\n').slice(2).map((p) => `<p>${p.trim()}</p>`).join('')}</body></html>`],
    ['declared as iso-8859-1 (which means windows-1252)', `<!doctype html><html><head><meta charset="iso-8859-1"><title>Teurer Kaffee in Beispielheim</title></head><body><h1>Teurer Kaffee in Beispielheim</h1><p>12.03.2025, 10:15</p>${BODY.split('\n\n').slice(2).map((p) => `<p>${p.trim()}</p>`).join('')}</body></html>`],
  ])('keeps € „ “ – … when the input is %s', async (_, text) => {
    const dir = tempDir();
    const result = await runCli(['import', writeInput(dir, 'kaffee', cp1252(text)), '--library', dir]);
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('control character');
    const loaded = await loadFrom(dir, '2025-03-12-teurer-kaffee-in-beispielheim');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const all = loaded.article.paragraphs.map((p) => p.de).join('\n');
    expect(all).toContain('kostet im Rathauscafé jetzt 5 € – ein Euro mehr');
    expect(all).toContain('„Das ist zu viel“');
    expect(all).toContain('Personal…');
  });

  it('decodes a windows-1252 charset from an HTTP header the same way', () => {
    expect(decodeBytes(cp1252('5 € – „gut“'), 'ISO-8859-1').text).toBe('5 € – „gut“');
  });
});

describe('sanitising an import', () => {
  it('says how many control characters it removed instead of removing them silently', async () => {
    const dir = tempDir();
    const text = BODY.replace('Eine Tasse', 'Eine\u001b[31m Tasse\u001b[0m').replace('Der Pächter', 'Der\u0085 Pächter');
    const result = await runCli(['import', writeInput(dir, 'kaffee.txt', text), '--library', dir]);
    expect(result.code).toBe(0);
    // Two escape sequences of 5 and 4 characters, and one C1 control.
    expect(result.out).toContain('holds 10 control characters or escape-sequence characters, which cannot be shown and were removed');
    const loaded = await loadFrom(dir, '2025-03-12-teurer-kaffee-in-beispielheim');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.article.paragraphs[0]?.de).toMatch(/^Eine Tasse Kaffee/);
  });

  it('says nothing for clean input', async () => {
    const dir = tempDir();
    const result = await runCli(['import', writeInput(dir, 'kaffee.txt', BODY), '--library', dir]);
    expect(result.out).not.toContain('control character');
  });
});
