// esbuild options shared by the program's build and the benchmark's Ink baseline.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Two small patches to Ink 6, applied while bundling, because a full-screen
 * frame otherwise costs more than a key press may take: Ink builds a new
 * Output with empty caches for every frame, so every line is tokenised and
 * measured again, and it measures every text node's width again without a
 * cache. Sharing the caches between frames (cleared when they grow large)
 * keeps unchanged lines nearly free. The build fails loudly if Ink's code no
 * longer has the expected shape.
 */
const INK_PATCHES = [
  {
    file: /[\\/]ink[\\/]build[\\/]output\.js$/,
    original: `export default class Output {
    width;
    height;
    operations = [];
    caches = new OutputCaches();`,
    replacement: `const sharedCaches = new OutputCaches();
function frameCaches() {
    if (sharedCaches.styledChars.size > 400 || sharedCaches.widths.size > 5000) {
        sharedCaches.styledChars.clear();
        sharedCaches.widths.clear();
        sharedCaches.blockWidths.clear();
    }
    return sharedCaches;
}
export default class Output {
    width;
    height;
    operations = [];
    caches = frameCaches();`,
  },
  {
    // A row that one single-line text fills from the left edge, with nothing
    // else drawn on it, is passed through as written: Ink would otherwise cut
    // it into styled characters and join them again, which is the larger part
    // of a full-screen frame.
    file: /[\\/]ink[\\/]build[\\/]output\.js$/,
    original: `    get() {`,
    replacement: `    get() {
        const passed = passThroughRows(this.operations, this.height);
        if (passed.size === 0) return this.gridGet();
        const all = this.operations;
        this.operations = all.filter((operation) => operation.type !== 'write' || !passed.has(operation.y));
        const result = this.gridGet();
        this.operations = all;
        const lines = result.output.split('\\n');
        for (const [y, line] of passed) {
            while (lines.length <= y) lines.push('');
            lines[y] = line;
        }
        return { output: lines.join('\\n'), height: result.height };
    }
    gridGet() {`,
  },
  {
    file: /[\\/]ink[\\/]build[\\/]output\.js$/,
    original: `const sharedCaches = new OutputCaches();`,
    replacement: `const sharedCaches = new OutputCaches();
function passThroughRows(operations, height) {
    const writes = new Map();
    const spoiled = new Set();
    let clipDepth = 0;
    for (const operation of operations) {
        if (operation.type === 'clip') clipDepth++;
        else if (operation.type === 'unclip') clipDepth--;
        else if (operation.type === 'write') {
            const rows = operation.text.split('\\n').length;
            const simple = clipDepth === 0 && rows === 1 && operation.x === 0 && operation.y >= 0 && operation.y < height;
            for (let y = operation.y; y < operation.y + rows; y++) {
                if (!simple || writes.has(y)) spoiled.add(y);
                // The text's transformers (its colours) apply as they would in the grid.
                else writes.set(y, operation.transformers.reduce((line, transform) => transform(line, 0), operation.text));
            }
        }
    }
    for (const y of spoiled) writes.delete(y);
    return writes;
}`,
  },
  {
    file: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/,
    original: `import widestLine from 'widest-line';`,
    replacement: `import uncachedWidestLine from 'widest-line';
const widestLines = new Map();
function widestLine(text) {
    let width = widestLines.get(text);
    if (width === undefined) {
        if (widestLines.size > 2000) widestLines.clear();
        width = uncachedWidestLine(text);
        widestLines.set(text, width);
    }
    return width;
}`,
  },
];

/**
 * string-width builds a Segmenter and an RGI_Emoji regular expression when
 * it loads (about 27 ms together): made on first use instead, since the
 * first frame of Latin text never needs them.
 */
const STRING_WIDTH_PATCHES = [
  {
    file: /[\\/]string-width[\\/]index\.js$/,
    optional: true,
    original: 'const segmenter = new Intl.Segmenter();',
    replacement: 'let segmenterInstance;\nconst segmenter = {segment: (text) => (segmenterInstance ??= new Intl.Segmenter()).segment(text)};',
  },
  {
    file: /[\\/]string-width[\\/]index\.js$/,
    optional: true,
    original: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
    replacement: "let rgiEmojiRegexInstance;\nconst rgiEmojiRegex = {test: (text) => (rgiEmojiRegexInstance ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};",
  },
];

/**
 * Ink treats any environment with CI set as a log, not a terminal: it then
 * writes no frame until it exits, so a reader started from a shell that has
 * CI=true (CI runners, some dev containers) shows nothing and seems to ignore
 * keys. The reader only runs Ink when stdout is a terminal, so a terminal wins.
 */
const IS_IN_CI_PATCHES = [
  {
    file: /[\\/]is-in-ci[\\/]index\.js$/,
    original: "const isInCi = check('CI') || check('CONTINUOUS_INTEGRATION');",
    replacement: "const isInCi = (check('CI') || check('CONTINUOUS_INTEGRATION')) && globalThis.process.stdout.isTTY !== true;",
  },
];

export const patchInk = {
  name: 'patch-dependencies-for-speed',
  setup(build) {
    // Several patches may touch one file: applied together, in one onLoad per file.
    const byFile = new Map();
    for (const patch of [...INK_PATCHES, ...STRING_WIDTH_PATCHES, ...IS_IN_CI_PATCHES]) {
      const key = patch.file.source;
      byFile.set(key, [...(byFile.get(key) ?? []), patch]);
    }
    for (const patches of byFile.values()) {
      build.onLoad({ filter: patches[0].file }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const patch of patches) {
          if (!source.includes(patch.original)) {
            // Other copies of a dependency (older versions nested elsewhere) are left as they are.
            if (patch.optional) continue;
            throw new Error(`${args.path}: the dependency changed; update the patch in scripts/bundle-options.mjs`);
          }
          source = source.replace(patch.original, () => patch.replacement);
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};

export const root = fileURLToPath(new URL('..', import.meta.url));

/** One minified ESM bundle for Node 20 with the three traps of bundling Ink handled. */
export const bundleOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env['NEWSBRIDGE_BUILD_DEBUG'] === undefined,
  sourcemap: false,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  // Ink imports react-devtools-core only in development; marking it external would make it a static import.
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.js' },
  // Some dependencies call require() on Node built-ins; ESM output needs a real require.
  banner: {
    js: "import { createRequire as __nbCreateRequire } from 'node:module'; const require = __nbCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [patchInk],
};
