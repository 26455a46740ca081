/**
 * Runs the program's effects against the real world: reading articles and
 * the library, searching article texts, the browser and the editor, saving
 * the remembered state, timers. Each reports back with messages. Everything
 * it starts can be stopped at once (`dispose`), so quitting never waits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import type { LibraryEntry } from '../content/article.js';
import { scanFullText } from '../content/full-text.js';
import type { LibraryRoot } from '../content/load-article.js';
import { safeEntries } from '../content/safe-entries.js';
import { sanitise } from '../text/sanitize.js';
import type { Effect, Msg } from '../state/messages.js';
import type { StoredState } from '../storage/reading-state.js';
import { ArticleLoader, type LayoutNow } from './article-loader.js';
import type { ReaderDraftRequest } from './draft-in-reader.js';
import type { Externals } from './externals.js';

/** A line of `newsbridge refresh --json`: progress, or (the last) the summary. */
interface RefreshLine {
  format?: string;
  feed?: { name?: string; url?: string };
  phase?: string;
  counts?: { newArticles?: number; updatedArticles?: number; failed?: number };
}

/** The feeds' names and URLs from feeds.yaml, safe to show. */
async function loadFeedNames(root: LibraryRoot): Promise<{ feeds: { name: string; url: string }[]; error?: string }> {
  const { loadFeeds } = await import('../feeds/feeds-file.js');
  const loaded = await loadFeeds(root.real);
  if (!loaded.ok) {
    const first = loaded.errors[0];
    return { feeds: [], ...(first ? { error: sanitise(`${first.line ? `${first.line}: ` : ''}${first.message}`) } : {}) };
  }
  return { feeds: loaded.feeds.map((f) => ({ name: sanitise(f.label), url: f.url })) };
}

/** The web address in article `id`'s front matter; null when it has none or cannot be read. */
async function urlOf(root: LibraryRoot, id: string): Promise<string | null> {
  // The parsers load here only when `o` is pressed in the list (the article worker has its own).
  const { loadSummary } = await import('../content/load-article.js');
  const entry = await loadSummary(root, id);
  return entry.ok ? (entry.summary.url ?? null) : null;
}

/** How long the library filter waits for more typing before it reads article texts. */
const SEARCH_DEBOUNCE_MS = 150;
/** Progress of that search is reported every this many articles. */
const SEARCH_PROGRESS_STEP = 200;

/** Niceness of a background refresh (0 is the reader's, 19 the lowest). */
const BACKGROUND_PRIORITY = 10;

export interface EffectDeps {
  root: LibraryRoot;
  externals: Externals;
  /** Reads the library again (after an edit). */
  relist: () => Promise<LibraryEntry[]>;
  /** Checks the files behind a list that came from the index: the corrected list, or null when it was right. */
  check: () => Promise<LibraryEntry[] | null>;
  /** Remembers the state (debounced; written for good on the way out). */
  save: (stored: StoredState) => void;
  /** The reader's columns now, for laying out an article while it loads. */
  layoutNow: LayoutNow;
  /** Ctrl-Z: gives the terminal to the shell until `fg`. */
  suspend: () => void;
  /**
   * The command that refreshes the library's feeds printing JSON lines (`newsbridge refresh
   * --json`), run as a child process: the network, feed and HTML libraries stay out of the
   * reader's memory, and its keys out of their way. Null: no refresh from here.
   */
  refreshCommand: string[] | null;
  /** Machine-drafts for the reader (D); absent: no provider can be set up from here. */
  draft?: (request: ReaderDraftRequest) => Promise<{ message: string; changed: boolean }>;
  quit: () => void;
}

export class NodeEffects {
  private readonly timers = new Set<NodeJS.Timeout>();
  private search: { controller: AbortController; timer: NodeJS.Timeout } | null = null;
  private load: AbortController | null = null;
  private disposed = false;
  private readonly loader: ArticleLoader;
  private readonly children = new Set<ChildProcess>();
  private readonly drafts = new Set<AbortController>();

  constructor(private readonly deps: EffectDeps) {
    this.loader = new ArticleLoader(deps.root);
    this.loader.warm();
  }

  /** Stops everything in flight; later results are dropped. */
  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.stopSearch();
    this.load?.abort();
    this.loader.dispose();
    // A refresh killed half-way loses nothing: the next one completes it.
    for (const child of this.children) child.kill();
    this.children.clear();
    // A draft stopped half-way keeps what it wrote (each part is written whole).
    for (const controller of this.drafts) controller.abort();
    this.drafts.clear();
  }

  readonly run = (effect: Effect, send: (msg: Msg) => void): void => {
    if (this.disposed) return;
    const deliver = (msg: Msg) => {
      if (!this.disposed) send(msg);
    };
    switch (effect.type) {
      case 'loadArticle': {
        // Only the last article asked for is worth reading on.
        this.load?.abort();
        const controller = new AbortController();
        this.load = controller;
        const { id, generation } = effect;
        let shown = false;
        void this.loader.load(id, effect.from, controller.signal, this.deps.layoutNow, (load) => {
          if (controller.signal.aborted) return;
          // The first version opens the article; a later, whole one only brings its paragraphs.
          if (shown && load.status === 'ok') deliver({ type: 'articleAligned', id, generation, paragraphs: load.paragraphs });
          else deliver({ type: 'articleLoaded', id, generation, load });
          shown = true;
        });
        return;
      }
      case 'searchText':
        this.startSearch(effect, deliver);
        return;
      case 'stopSearch':
        this.stopSearch();
        return;
      case 'checkLibrary':
        void this.deps.check().then((fresh) => {
          if (fresh) deliver({ type: 'libraryRead', entries: safeEntries(fresh) });
        });
        return;
      case 'relist':
        void this.deps.relist().then((entries) => deliver({ type: 'libraryRead', entries: safeEntries(entries) }));
        return;
      case 'openUrl':
        void this.deps.externals.openUrl(effect.url).then((r) => deliver({ type: 'notice', text: r.message }));
        return;
      case 'openUrlOf':
        void urlOf(this.deps.root, effect.id).then((url) => deliver({ type: 'urlFound', url }));
        return;
      case 'edit':
        void this.deps.externals
          .editParagraph(effect.article, effect.paragraph)
          .then((r) => deliver({ type: 'edited', id: effect.article.id, message: r.message }));
        return;
      case 'save':
        this.deps.save(effect.stored);
        return;
      case 'expireNotice': {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          deliver({ type: 'noticeExpired', id: effect.id });
        }, effect.afterMs);
        this.timers.add(timer);
        return;
      }
      case 'loadFeeds':
        void loadFeedNames(this.deps.root).then((loaded) => deliver({ type: 'feedsLoaded', ...loaded }));
        return;
      case 'refresh':
        this.refresh(effect.total, deliver);
        return;
      case 'draft': {
        const draft = this.deps.draft;
        if (!draft) return deliver({ type: 'drafted', id: effect.id, message: 'no translation provider here', changed: false });
        const controller = new AbortController();
        this.drafts.add(controller);
        void draft({
          id: effect.id,
          ...(effect.paragraphs ? { paragraphs: effect.paragraphs } : {}),
          signal: controller.signal,
          onProgress: (done, total) => deliver({ type: 'draftProgress', id: effect.id, done, total }),
        })
          .then(
            (result) => deliver({ type: 'drafted', id: effect.id, ...result }),
            (cause: unknown) => deliver({ type: 'drafted', id: effect.id, message: sanitise(String((cause as Error)?.message ?? cause)), changed: false }),
          )
          .finally(() => this.drafts.delete(controller));
        return;
      }
      case 'suspend':
        this.deps.suspend();
        return;
      case 'quit':
        this.deps.quit();
        return;
      default: {
        const never: never = effect;
        return never;
      }
    }
  };

  private refresh(known: number, deliver: (msg: Msg) => void): void {
    const command = this.deps.refreshCommand;
    if (!command) return deliver({ type: 'refreshFailed', message: 'not available' });
    const [program, ...args] = command;
    const child = spawn(program ?? process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.add(child);
    // The refresh works in the background: the reader in front keeps the CPU when both want it.
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, BACKGROUND_PRIORITY);
      } catch {
        // Not allowed here (some systems): it runs at the reader's priority.
      }
    }
    const feeds = new Set<string>();
    let done = 0;
    let summary: RefreshLine | null = null;
    let errorText = '';
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (text) => {
      let line: RefreshLine;
      try {
        line = JSON.parse(text) as RefreshLine;
      } catch {
        return;
      }
      if (line.format === 'newsbridge.refresh') summary = line;
      else if (line.format === 'newsbridge.refresh-progress' && line.feed) {
        feeds.add(line.feed.url ?? '');
        if (line.phase === 'done') done++;
        // Names come from feeds.yaml and the feeds themselves: made safe before they are shown.
        deliver({ type: 'refreshProgress', done, total: Math.max(known, feeds.size), feed: sanitise(line.feed.name ?? '') });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errorText = (errorText + chunk.toString()).slice(-2000)));
    child.on('error', (cause) => deliver({ type: 'refreshFailed', message: sanitise(cause.message) }));
    child.on('close', () => {
      this.children.delete(child);
      const result = summary;
      if (result?.counts) {
        const { newArticles = 0, updatedArticles = 0, failed = 0 } = result.counts;
        deliver({ type: 'refreshDone', newArticles, updatedArticles, failed });
      } else {
        const last = errorText.trim().split('\n').pop() ?? '';
        deliver({ type: 'refreshFailed', message: sanitise(last.replace(/^newsbridge: (?:error: )?/, '')) });
      }
    });
  }

  private stopSearch(): void {
    if (!this.search) return;
    clearTimeout(this.search.timer);
    this.search.controller.abort();
    this.search = null;
  }

  private startSearch(effect: Extract<Effect, { type: 'searchText' }>, deliver: (msg: Msg) => void): void {
    this.stopSearch();
    const controller = new AbortController();
    const { query, ids } = effect;
    const timer = setTimeout(() => {
      let reported = 0;
      void scanFullText(this.deps.root, ids, query, new Set(effect.skip), {
        signal: controller.signal,
        onHits: (hits) => deliver({ type: 'fullText', query, hits, done: reported, finished: false }),
        onProgress: (done) => {
          if (done - reported < SEARCH_PROGRESS_STEP && done < ids.length) return;
          reported = done;
          deliver({ type: 'fullText', query, hits: [], done, finished: false });
        },
      }).then(() => {
        if (!controller.signal.aborted) deliver({ type: 'fullText', query, hits: [], done: ids.length, finished: true });
      });
    }, SEARCH_DEBOUNCE_MS);
    this.search = { controller, timer };
  }
}
