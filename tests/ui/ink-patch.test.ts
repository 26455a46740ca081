/**
 * The patched output path of Ink (patches/ink+6.8.0.patch) against stock
 * Ink's, on generated frames: both must put the same cells on a terminal.
 * The stock copy is made here by applying the patch in reverse to a copy of
 * Ink's build, with patch-package's own parser.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenDifferences, screenOf } from '../helpers/screen.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside node_modules, so the copy's own imports (slice-ansi, string-width, …) resolve as Ink's do.
const stock = path.join(root, 'node_modules', `.newsbridge-stock-ink-${process.pid}`);

type Transformer = (line: string, index: number) => string;
interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (options: { width: number; height: number }) => OutputLike;

let Patched: OutputClass;
let Stock: OutputClass;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const { parsePatchFile } = require('patch-package/dist/patch/parse.js') as { parsePatchFile: (text: string) => unknown[] };
  const { reversePatch } = require('patch-package/dist/patch/reverse.js') as { reversePatch: (effects: unknown[]) => unknown[] };
  const { executeEffects } = require('patch-package/dist/patch/apply.js') as {
    executeEffects: (effects: unknown[], o: { dryRun: boolean; cwd: string }) => void;
  };
  mkdirSync(path.join(stock, 'node_modules'), { recursive: true });
  cpSync(path.join(root, 'node_modules', 'ink'), path.join(stock, 'node_modules', 'ink'), { recursive: true });
  const patch = readFileSync(path.join(root, 'patches', 'ink+6.8.0.patch'), 'utf8');
  executeEffects(reversePatch(parsePatchFile(patch)), { dryRun: false, cwd: stock });
  const stockSource = readFileSync(path.join(stock, 'node_modules', 'ink', 'build', 'output.js'), 'utf8');
  expect(stockSource).not.toContain('passThroughRows');
  Patched = ((await import(pathToFileURL(path.join(root, 'node_modules', 'ink', 'build', 'output.js')).href)) as { default: OutputClass }).default;
  Stock = ((await import(pathToFileURL(path.join(stock, 'node_modules', 'ink', 'build', 'output.js')).href)) as { default: OutputClass }).default;
});
afterAll(() => rmSync(stock, { recursive: true, force: true }));

const SGR = ['\u001B[1m', '\u001B[2m', '\u001B[4m', '\u001B[7m', '\u001B[36m', '\u001B[93m', '\u001B[38;5;117m', '\u001B[48;5;237m', '\u001B[48;2;48;58;74m', '\u001B[0m', '\u001B[39m', '\u001B[22m'];
const WORDS = ['Brücke', 'Straße', 'Ünïcödé', '中文', '😀', 'Euro', '12', '│', '▌', '…', ' ', '  ', 'x'];

/** A piece of a line: styled or plain text. */
const piece = fc.tuple(fc.constantFrom('', ...SGR), fc.constantFrom(...WORDS)).map(([style, word]) => style + word);

interface Op {
  kind: 'write' | 'clip' | 'unclip';
  x: number;
  y: number;
  text: string;
  upper: boolean;
}

const op = (width: number, height: number) =>
  fc.record({
    kind: fc.constantFrom<Op['kind']>('write', 'write', 'write', 'write', 'clip', 'unclip'),
    // Most writes start at the left edge, as the reader's rows do (the pass-through case).
    x: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: width - 1 })),
    y: fc.integer({ min: 0, max: height - 1 }),
    text: fc.oneof(fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join('')), fc.array(fc.array(piece, { maxLength: 4 }).map((p) => p.join('')), { minLength: 2, maxLength: 3 }).map((l) => l.join('\n'))),
    upper: fc.boolean(),
  });

function draw(Output: OutputClass, width: number, height: number, ops: Op[]): string {
  const output = new Output({ width, height });
  let clips = 0;
  for (const o of ops) {
    if (o.kind === 'clip') {
      output.clip({ x1: 0, x2: Math.max(1, width - o.x), y1: 0, y2: height });
      clips++;
    } else if (o.kind === 'unclip') {
      if (clips > 0) {
        output.unclip();
        clips--;
      }
    } else {
      // Some writes carry a transformer, as a <Text> with colour props does.
      output.write(o.x, o.y, o.text, { transformers: o.upper ? [(line) => `\u001B[35m${line}\u001B[39m`] : [] });
    }
  }
  while (clips-- > 0) output.unclip();
  return output.get().output;
}

describe('patched Ink output against stock Ink output', () => {
  it('shows the same cells for generated frames', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 8, max: 60 }).chain((width) => fc.integer({ min: 1, max: 12 }).chain((height) => fc.tuple(fc.constant(width), fc.constant(height), fc.array(op(width, height), { maxLength: 25 })))),
        async ([width, height, ops]) => {
          const patched = await screenOf(draw(Patched, width, height, ops), width, height);
          const original = await screenOf(draw(Stock, width, height, ops), width, height);
          expect(screenDifferences(patched, original)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes a full row of one text straight through, and lets the grid draw the rest', () => {
    const output = new Patched({ width: 20, height: 3 });
    output.write(0, 0, '\u001B[1mganze Zeile\u001B[22m', { transformers: [] });
    output.write(0, 1, 'links', { transformers: [] });
    output.write(10, 1, 'rechts', { transformers: [] });
    const lines = output.get().output.split('\n');
    // The pass-through keeps the text as written, escape codes and all (and closes what it opened).
    expect(lines[0]).toBe('\u001B[1mganze Zeile\u001B[22m\u001B[0m');
    expect(lines[1]?.trimEnd()).toBe('links     rechts');
  });
});
