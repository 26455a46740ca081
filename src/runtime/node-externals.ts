/** The real outside world for the reader: a browser opener and $EDITOR, never through a shell. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../content/article.js';
import { displayPath, FILES } from '../content/library-paths.js';
import type { LibraryRoot } from '../content/load-article.js';
import { isInside } from '../content/read-file.js';
import { decodeEditBuffer, mergeEdit } from '../curate/edit-merge.js';
import { buildEditBuffer, paragraphLineRange, parseEditBuffer } from '../curate/edit-paragraph.js';
import { errorReason } from '../i18n/error-reason.js';
import { validateArticle } from '../curate/validate-library.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import type { Translate } from '../i18n/translate.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { sanitise, showControls } from '../text/sanitize.js';
import type { ExternalResult, Externals } from './externals.js';

export interface NodeExternalsOptions {
  root: LibraryRoot;
  t: Translate;
  env: NodeJS.ProcessEnv;
  /** Leave and re-enter the full-screen UI around the editor (and a browser that runs in the terminal). */
  suspend: () => void;
  resume: () => void;
  /** The config file's browser and editor commands (the environment's come first). */
  browser?: readonly string[] | undefined;
  editor?: readonly string[] | undefined;
}

/**
 * Browsers that draw in the terminal: run in the foreground, with the reader's screen handed to
 * them and taken back after, instead of started in the background with nowhere to draw.
 */
const TEXT_BROWSERS = new Set(['lynx', 'w3m', 'links', 'links2', 'elinks', 'browsh', 'carbonyl', 'chawan', 'cha']);

/** True when `command` is a browser that runs in the terminal. */
export function runsInTerminal(command: string): boolean {
  return TEXT_BROWSERS.has(path.basename(command));
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

  /** The message after a save: the problems validate finds in this paragraph (errors first), not in the article. */
  async function paragraphReport(id: string, index: number, saved: string, merged: boolean): Promise<ExternalResult> {
    const n = index + 1;
    const report = await validateArticle(o.root, id);
    const range = paragraphLineRange(saved, index);
    const mentions = new RegExp(`\\bparagraph ${n}\\b`);
    const own = report.diagnostics
      .filter((d) => path.basename(d.file) === FILES.en && ((range && d.line !== undefined && d.line >= range.first && d.line <= range.last) || mentions.test(d.message)))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    const note = merged ? t('safety.edit.mergedNote') : '';
    const first = own[0];
    if (!first) return { ok: true, message: t('safety.edit.saved', { n, merged: note }) };
    return {
      ok: first.severity !== 'error',
      message: t('safety.edit.savedWithProblems', { n, merged: note, count: own.length, first: sanitise(formatDiagnostic({ ...first, file: path.basename(first.file) })) }),
    };
  }

  return {
    openUrl(url: string): Promise<ExternalResult> {
      return new Promise((resolve) => {
        if (!/^https?:\/\//i.test(url)) return resolve({ ok: false, message: t('ui.notice.badUrl') });
        const [command = platformOpener(), ...args] = browserCommand(o.env, url, o.browser);
        if (runsInTerminal(command)) {
          o.suspend();
          let result: ReturnType<typeof spawnSync>;
          try {
            result = spawnSync(command, args, { stdio: 'inherit' });
          } finally {
            o.resume();
          }
          return resolve(
            result.error
              ? { ok: false, message: t('ui.notice.noOpener', { command: sanitise(command), url: sanitise(url) }) }
              : { ok: true, message: t('ui.notice.browsed', { command: sanitise(path.basename(command)) }) },
          );
        }
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
      const n = index + 1;
      const enFile = path.join(o.root.real, article.id, FILES.en);
      const shownEn = showControls(displayPath(enFile));
      // The file as it was before the editor opened: compared at save to notice someone else's change.
      const readEnglish = async (): Promise<string | null> => {
        try {
          return await readFile(enFile, 'utf8');
        } catch {
          return null;
        }
      };
      const source = await readEnglish();
      const dir = mkdtempSync(path.join(tmpdir(), 'newsbridge-edit-'));
      const buffer = path.join(dir, `${article.id}-p${n}.md`);
      // The temporary folder comes from the environment (TMPDIR): shown with its controls visible.
      const shownBuffer = showControls(buffer);
      const before = buildEditBuffer({
        id: article.id,
        index,
        total: article.paragraphs.length,
        de: paragraph.de,
        en: paragraph.en,
        heading: t('ui.edit.heading', { n, total: article.paragraphs.length, id: article.id }),
        instructions: [t('ui.edit.instructions1'), t('ui.edit.instructions2')],
      });
      writeFileSync(buffer, before);
      const [command, ...args] = editorCommand(o.env, o.editor);
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
      // The buffer is removed only once its text is safely in the article (or there was nothing to keep).
      let keepBuffer = false;
      try {
        if (failed) return { ok: false, message: t('ui.notice.noEditor', { command: sanitise(command ?? 'vi') }) };
        if (status !== 0) return { ok: false, message: t('ui.notice.editorFailed', { status: String(status) }) };
        const info = lstatSync(buffer, { throwIfNoEntry: false });
        if (!info) return { ok: false, message: t('safety.edit.bufferGone', { file: shownBuffer }) };
        if (!info.isFile()) return { ok: false, message: t('safety.edit.bufferNotFile', { file: shownBuffer }) };
        const decoded = decodeEditBuffer(readFileSync(buffer));
        if (!decoded.ok) {
          keepBuffer = true;
          if (decoded.reason === 'tooLarge') return { ok: false, message: t('safety.edit.tooLarge', { mb: (decoded.bytes / 1024 / 1024).toFixed(1), file: shownBuffer }) };
          const byte = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
          return { ok: false, message: t('safety.edit.notUtf8', { line: decoded.line, byte, file: shownBuffer }) };
        }
        const after = decoded.text;
        if (after === before) return { ok: true, message: t('ui.notice.unchanged') };
        keepBuffer = true;
        // Never through a link out of the library: the article folder must resolve inside it.
        const folder = await realpath(path.dirname(enFile)).catch(() => null);
        if (folder === null || !isInside(o.root.real, folder)) return { ok: false, message: t('safety.edit.outside', { file: shownBuffer }) };
        const text = parseEditBuffer(after);
        const now = await readEnglish();
        const merged = mergeEdit(source, now, index, text, article.paragraphs.length);
        if (!merged.ok) {
          // Both changes are kept: theirs in the article, this one beside it, under a name the loader never reads.
          const side = `${enFile}.edit-p${n}-${new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}`;
          await writeFileAtomic(side, after);
          keepBuffer = false;
          return { ok: false, message: t('safety.edit.conflict', { n, file: showControls(displayPath(side)) }) };
        }
        try {
          await writeFileAtomic(enFile, merged.text);
        } catch (cause) {
          return { ok: false, message: t('safety.edit.writeFailed', { file: shownEn, reason: errorReason(cause, t), kept: shownBuffer }) };
        }
        keepBuffer = false;
        return await paragraphReport(article.id, index, merged.text, merged.merged);
      } catch (cause) {
        // Whatever else went wrong: the article is as it was (or fully written), the text is kept.
        keepBuffer = existsSync(buffer);
        return { ok: false, message: t('safety.edit.failed', { reason: errorReason(cause, t), file: keepBuffer ? shownBuffer : '-' }) };
      } finally {
        if (!keepBuffer) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
