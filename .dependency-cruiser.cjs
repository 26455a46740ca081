// The layer rule of src/ (checked by `npm test` through `npm run lint:layers`): each folder may
// import only the folders listed for it, so the folders form a graph without cycles, and only
// ui/ (and cli/, which wires everything) may use React or Ink. See the README's Development section.
/** Folder → the folders it may import (besides itself). */
const LAYERS = {
  text: [],
  i18n: [],
  input: [],
  quantities: [],
  storage: ['text', 'i18n'],
  net: ['text', 'i18n'],
  content: ['text', 'i18n', 'storage'],
  curate: ['text', 'i18n', 'storage', 'content', 'quantities'],
  import: ['text', 'i18n', 'storage', 'content', 'quantities', 'curate', 'net'],
  config: ['text', 'i18n', 'storage', 'content', 'input'],
  translate: ['text', 'i18n', 'storage', 'content', 'quantities', 'curate', 'net', 'config'],
  feeds: ['text', 'i18n', 'storage', 'content', 'quantities', 'curate', 'net', 'import', 'config', 'translate'],
  layout: ['text', 'i18n', 'content'],
  state: ['text', 'i18n', 'storage', 'content', 'input', 'layout'],
  view: ['text', 'i18n', 'storage', 'content', 'input', 'layout', 'state'],
  terminal: ['input'],
  runtime: ['text', 'i18n', 'storage', 'content', 'quantities', 'curate', 'net', 'import', 'config', 'translate', 'feeds', 'input', 'layout', 'state'],
  ui: ['text', 'i18n', 'storage', 'content', 'input', 'layout', 'state', 'view', 'runtime', 'terminal'],
};
const FOLDERS = Object.keys(LAYERS);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...FOLDERS.map((folder) => ({
      name: `layer-${folder}`,
      comment: `src/${folder}/ may import only ${LAYERS[folder].length ? LAYERS[folder].map((f) => `${f}/`).join(', ') : 'itself'} (and node and npm packages)`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: '^src/', pathNot: [`^src/(${[folder, ...LAYERS[folder]].join('|')})/`] },
    })),
    {
      name: 'known-folders',
      comment: 'every folder of src/ has its place in the layers (add a new one to LAYERS)',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/[^/]+/', pathNot: [`^src/(${[...FOLDERS, 'cli'].join('|')})/`] },
    },
    {
      name: 'react-only-in-ui',
      comment: 'React and Ink are used by src/ui/ alone: every other layer is plain logic, tested without rendering',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/ui/'] },
      to: { path: 'node_modules/(react|ink|ink-select-input|react-reconciler|scheduler)/' },
    },
    {
      name: 'no-circular',
      comment: 'no module imports itself through others',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
