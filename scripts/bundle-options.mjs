// esbuild options shared by the program's build and the benchmark's Ink baseline. The changes to
// Ink and two of its dependencies are applied at install by patch-package (see patches/README.md),
// so the tests and the bundle run the same code.
import { fileURLToPath } from 'node:url';

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
};
