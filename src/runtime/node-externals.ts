/** The real outside world for the reader: a browser opener and $EDITOR, never through a shell. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../content/article.js';
import { FILES } from '../content/library-paths.js';
import type { LibraryRoot } from '../content/load-article.js';
import { buildEditBuffer, parseEditBuffer, replaceEnglishParagraph } from '../curate/edit-paragraph.js';
import { validateArticle } from '../curate/validate-library.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import type { Translate } from '../i18n/translate.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { sanitise } from '../text/sanitize.js';
import type { ExternalResult, Externals } from './externals.js';

export interface NodeExternalsOptions {
  root: LibraryRoot;
  t: Translate;
  env: NodeJS.ProcessEnv;
  /** Leave and re-enter the full-screen UI around the editor. */
  suspend: () => void;
  resume: () => void;
}

/** The platform's opener for a URL. */
function platformOpener(): string {
  if (process.platform === 'darwin') return 'open';
  if (process.platform === 'win32') return 'explorer';
  return 'xdg-open';
}

/**
 * The command that opens `url`, as an argument vector: $BROWSER when set (the
 * first of its colon-separated commands), else the config file's `browser`, else
 * the platform's opener; "%s" stands for the URL, else the URL comes last. Never
 * through a shell.
 */
export function browserCommand(env: NodeJS.ProcessEnv, url: string, configured?: readonly string[]): string[] {
  const first = (env['BROWSER'] ?? '').split(':').map((c) => c.trim()).find((c) => c !== '');
  const words = first ? first.split(/\s+/) : configured && configured.length > 0 ? [...configured] : null;
  if (!words) return [platformOpener(), url];
  return words.some((w) => w.includes('%s')) ? words.map((w) => w.replaceAll('%s', url)) : [...words, url];
}

/**
 * The editor command as an argument vector: $VISUAL, else $EDITOR ("code -w" is split on
 * spaces), else the config file's `editor`, else vi.
 */
export function editorCommand(env: NodeJS.ProcessEnv, configured?: readonly string[]): string[] {
  const raw = (env['VISUAL'] || env['EDITOR'] || '').trim();
  if (raw !== '') return raw.split(/\s+/).filter(Boolean);
  return configured && configured.length > 0 ? [...configured] : ['vi'];
}

export function nodeExternals(o: NodeExternalsOptions): Externals {
  const { t } = o;
  return {
    openUrl(url: string): Promise<ExternalResult> {
      return new Promise((resolve) => {
        if (!/^https?:\/\//i.test(url)) return resolve({ ok: false, message: t('ui.notice.badUrl') });
        const [command = platformOpener(), ...args] = browserCommand(o.env, url);
        const child = spawn(command, args, { detached: true, stdio: 'ignore' });
        child.once('error', () => resolve({ ok: false, message: t('ui.notice.noOpener', { command, url: sanitise(url) }) }));
        child.once('spawn', () => {
          child.unref();
          resolve({ ok: true, message: t('ui.notice.opened', { url: sanitise(url) }) });
        });
      });
    },

    async editParagraph(article: Article, index: number): Promise<ExternalResult> {
      const paragraph = article.paragraphs[index];
      if (!paragraph) return { ok: false, message: t('ui.notice.noParagraph') };
      const enFile = path.join(o.root.real, article.id, FILES.en);
      let source: string | null = null;
      try {
        source = await readFile(enFile, 'utf8');
      } catch {
        source = null;
      }
      const dir = mkdtempSync(path.join(tmpdir(), 'newsbridge-edit-'));
      const buffer = path.join(dir, `${article.id}-p${index + 1}.md`);
      const before = buildEditBuffer({
        id: article.id,
        index,
        total: article.paragraphs.length,
        de: paragraph.de,
        en: paragraph.en,
        heading: t('ui.edit.heading', { n: index + 1, total: article.paragraphs.length, id: article.id }),
        instructions: [t('ui.edit.instructions1'), t('ui.edit.instructions2')],
      });
      writeFileSync(buffer, before);
      const [command, ...args] = editorCommand(o.env);
      o.suspend();
      let status: number | null = null;
      let failed: Error | undefined;
      try {
        const result = spawnSync(command ?? 'vi', [...args, buffer], { stdio: 'inherit' });
        status = result.status;
        failed = result.error;
      } finally {
        o.resume();
      }
      try {
        if (failed) return { ok: false, message: t('ui.notice.noEditor', { command: sanitise(command ?? 'vi') }) };
        if (status !== 0) return { ok: false, message: t('ui.notice.editorFailed', { status: String(status) }) };
        const after = readFileSync(buffer, 'utf8');
        if (after === before) return { ok: true, message: t('ui.notice.unchanged') };
        const text = parseEditBuffer(after);
        await writeFileAtomic(enFile, replaceEnglishParagraph(source, index, text, article.paragraphs.length));
        const report = await validateArticle(o.root, article.id);
        const errors = report.diagnostics.filter((d) => d.severity === 'error');
        if (report.diagnostics.length === 0) return { ok: true, message: t('ui.notice.saved', { n: index + 1 }) };
        const first = report.diagnostics[0];
        return {
          ok: errors.length === 0,
          message: t('ui.notice.savedWithProblems', { n: index + 1, count: report.diagnostics.length, first: first ? sanitise(formatDiagnostic({ ...first, file: path.basename(first.file) })) : '' }),
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
