/** A machine draft asked for from the reader (D): the configured provider, one line to say how it went. */
import type { Settings } from '../config/settings.js';
import type { LibraryRoot } from '../content/load-article.js';
import type { Translate } from '../i18n/translate.js';

export interface ReaderDraftOptions {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  /** The config file, for the hint on setting a provider up. */
  configFile: string;
  t: Translate;
  root: LibraryRoot;
}

export interface ReaderDraftRequest {
  id: string;
  paragraphs?: readonly number[];
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

/** Drafts what the reader asked for; resolves with the status bar's line and whether the English changed. */
export async function draftInReader(o: ReaderDraftOptions, request: ReaderDraftRequest): Promise<{ message: string; changed: boolean }> {
  // The providers' clients load only when a draft is asked for.
  const [{ openDrafter, describeNoDrafter }, { draftArticle }, { describeDraftError }] = await Promise.all([
    import('../translate/open-drafter.js'),
    import('../translate/draft-article.js'),
    import('../translate/describe-error.js'),
  ]);
  const { t } = o;
  const opened = openDrafter(o.settings, o.env);
  if (!opened.ok) {
    const why = describeNoDrafter(opened, t, o.configFile);
    return { message: why.hint ? `${why.message}: ${why.hint}` : why.message, changed: false };
  }
  const outcome = await draftArticle(opened.drafter, {
    root: o.root,
    id: request.id,
    ...(request.paragraphs ? { paragraphs: request.paragraphs, title: false } : {}),
    signal: request.signal,
    onProgress: (p) => request.onProgress(p.done, p.total),
  });
  const changed = outcome.drafted.length > 0;
  if (outcome.error) return { message: describeDraftError(outcome.error, t), changed };
  if (outcome.skipped) return { message: t(`translate.skipped.${outcome.skipped}`, { id: request.id, library: '' }), changed };
  return { message: t('ui.draft.done', { count: outcome.drafted.length, sent: outcome.sent }), changed };
}
