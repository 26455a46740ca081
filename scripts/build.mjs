// Bundles the program into dist/ with esbuild: one minified ESM entry plus lazily
// loaded chunks (the reader UI is only loaded when the reader opens).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
rmSync(`${root}/dist`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { newsbridge: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: {
    'process.env.NODE_ENV': '"production"',
    'process.env.DEV': '"false"',
    __NEWSBRIDGE_VERSION__: JSON.stringify(version),
  },
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.js' },
  // Some dependencies call require() on Node built-ins; ESM output needs a real require.
  banner: {
    js: "import { createRequire as __nbCreateRequire } from 'node:module'; const require = __nbCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
