// The package as people get it: `npm pack`, then `npm i -g` of the tarball
// into an empty temporary prefix, then the installed command run from other
// folders: --version, list, show, import of a local page into a temporary
// library, the completion and man page, and the reader's first frame
// through a pseudo-terminal. Fails with one line naming the step.
import { Buffer } from 'node:buffer';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const SEED = '2024-04-04-aws-stellenabbau';
const work = mkdtempSync(path.join(tmpdir(), 'newsbridge-smoke-'));
const started = Date.now();

function fail(step, detail) {
  process.stderr.write(`smoke test failed: ${step}\n${detail ? `${String(detail).trimEnd()}\n` : ''}(files kept in ${work})\n`);
  process.exit(1);
}

function check(step, ok, detail) {
  if (!ok) fail(step, detail);
  process.stdout.write(`  ok  ${step}\n`);
}

/** Runs a command; returns its output, or fails the smoke test with its stderr. */
function run(step, command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) fail(step, `${command} ${args.join(' ')} exited ${result.status ?? result.signal}\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

// 1. The tarball: what it holds and what it must not.
process.stdout.write('newsbridge smoke test: pack, install globally, run\n');
const packed = JSON.parse(run('npm pack', 'npm', ['pack', '--json', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }));
const tarball = path.join(work, packed[0].filename);
const files = packed[0].files.map((f) => f.path);
for (const wanted of ['bin/newsbridge.js', 'dist/newsbridge.js', 'dist/start-up.js', 'dist/THIRD-PARTY-NOTICES.txt', 'dist/newsbridge.1', `articles/${SEED}/article.de.md`, 'schema/facts.schema.json', 'LICENSE', 'README.md']) {
  if (!files.includes(wanted)) fail(`the tarball holds ${wanted}`, files.join('\n'));
}
const stray = files.filter((f) => /^(src|tests|bench|scripts|\.ci|node_modules)\//.test(f));
check(`npm pack: ${files.length} files, ${(packed[0].size / 1024).toFixed(0)} kB, the program, notices and man page, no sources or tests`, stray.length === 0, stray.join('\n'));

// 2. A global install into an empty prefix adds nothing but the package itself.
const prefix = path.join(work, 'prefix');
const installOut = run('npm i -g', 'npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: work });
const installed = path.join(prefix, 'lib', 'node_modules', 'newsbridge');
const nested = existsSync(path.join(installed, 'node_modules')) ? readdirSync(path.join(installed, 'node_modules')) : [];
check('npm i -g --prefix: one package, no dependencies installed', /added 1 package/.test(installOut) && nested.length === 0, `${installOut}\n${nested.join(' ')}`);
check('the man page is linked into the prefix', existsSync(path.join(prefix, 'share', 'man', 'man1', 'newsbridge.1')));

const bin = path.join(prefix, 'bin', 'newsbridge');
const elsewhere = path.join(work, 'elsewhere');
execFileSync('mkdir', ['-p', elsewhere]);
const env = {
  LANG: 'C.UTF-8',
  NEWSBRIDGE_STATE_DIR: path.join(work, 'state'),
  XDG_CACHE_HOME: path.join(work, 'cache'),
  NEWSBRIDGE_LIBRARY: '',
};
const newsbridge = (step, args, cwd = '/') => run(step, bin, args, { cwd, env });

// 3. Commands from / and from an unrelated folder.
check(`--version prints ${version}`, newsbridge('--version', ['--version']).trim() === version);
check('list (from /) lists the bundled article', newsbridge('list', ['list']).includes(SEED));
const shown = newsbridge('show', ['show', SEED, '--lang', 'en'], elsewhere);
check('show prints the English text', shown.includes('Amazon cuts jobs in its cloud business'), shown);
const listJson = JSON.parse(newsbridge('list --json', ['list', '--json']));
check('list --json is versioned', listJson.format === 'newsbridge.list' && listJson.version === 1, JSON.stringify(listJson).slice(0, 300));

// 4. Import of a local page into a temporary library, then the library lists it.
const page = path.join(elsewhere, 'seite.html');
writeFileSync(
  page,
  `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Neuer Radweg für Beispielstadt | Beispielbote</title>
<meta property="og:site_name" content="Beispielbote"><meta property="article:published_time" content="2025-03-02T09:30:00+01:00"></head>
<body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav><article><h1>Neuer Radweg für Beispielstadt</h1>
<p>Die Stadt Beispielstadt baut einen neuen Radweg entlang des Flusses. Die Arbeiten beginnen im April und sollen acht Monate dauern.</p>
<p>Der Radweg kostet 3,2 Millionen Euro, von denen das Land etwa die Hälfte trägt. Der Stadtrat hat den Plan am Montag einstimmig beschlossen.</p>
<p>Anwohner hatten seit Jahren einen sicheren Weg für Schulkinder gefordert. Eine Initiative sammelte dafür mehr als 1500 Unterschriften.</p>
</article><footer>© 2025 Beispielbote</footer></body></html>\n`,
);
const library = path.join(work, 'library');
const imported = newsbridge('import', ['import', page, '--library', library], elsewhere);
// The library's own files (an import journal) start with a dot; article folders never do.
const ids = readdirSync(library).filter((name) => !name.startsWith('.'));
check(`import of a local page writes one article (${ids.join(', ')})`, ids.length === 1 && existsSync(path.join(library, ids[0] ?? '', 'article.de.md')), imported);
check('list --library shows it', newsbridge('list --library', ['list', '--library', library]).includes(ids[0] ?? '\0'));

// 5. Completion and man page.
const completion = newsbridge('completion bash', ['completion', 'bash']);
check('completion bash is a valid bash script', spawnSync('bash', ['-n'], { input: completion }).status === 0 && completion.includes('complete -F _newsbridge newsbridge'));

// 6. The reader's first frame through a pseudo-terminal, from another folder, then Q quits cleanly.
const frame = await firstFrame();
check('the reader draws the library in a terminal and Q gives the terminal back', frame.ok, frame.detail);

rmSync(work, { recursive: true, force: true });
process.stdout.write(`newsbridge smoke test passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

/** Starts the installed reader in a 100×30 pseudo-terminal and waits for the library's title row. */
function firstFrame() {
  const driver = path.join(root, 'tests', 'helpers', 'pty-run.py');
  return new Promise((resolve) => {
    const child = spawn('python3', [driver, '100', '30', '--', bin], {
      cwd: elsewhere,
      env: { ...process.env, ...env, TERM: 'xterm-256color' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let err = '';
    let quitSent = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, detail: `no frame within 20 s; the terminal got:\n${visible(screen).slice(-2000)}\n${err}` });
    }, 20_000);
    child.stdout.on('data', (chunk) => {
      screen += chunk.toString('utf8');
      if (!quitSent && visible(screen).includes('Eulerpool News')) {
        quitSent = true;
        child.stdin.write(`${JSON.stringify({ write: Buffer.from('Q').toString('base64') })}\n`);
      }
    });
    child.stderr.on('data', (chunk) => (err += chunk.toString()));
    child.on('close', () => {
      clearTimeout(timer);
      const last = JSON.parse(err.trim().split('\n').pop() ?? '{}');
      const restored = last.exit === 0 && last.echo === true && last.icanon === true && screen.lastIndexOf('\u001B[?1049l') > screen.lastIndexOf('\u001B[?1049h');
      resolve({ ok: quitSent && restored, detail: `drawn: ${quitSent}; exit: ${err}\n${visible(screen).slice(-2000)}` });
    });
  });
}

/** The text of terminal output without its escape sequences. */
function visible(raw) {
  // eslint-disable-next-line no-control-regex -- escape sequences are what it removes
  return raw.replace(/\u001B\[[0-?]*[ -/]*[@-~]|\u001B[\]P^_][^\u0007\u001B]*(\u0007|\u001B\\)?|\u001B./g, '');
}
