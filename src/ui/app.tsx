/** The reader application: library screen, reader and help, with remembered state. */
import { useApp, useInput } from 'ink';
import React, { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { LibraryEntry } from '../content/article.js';
import type { LibraryRoot } from '../content/load-article.js';
import type { UiLanguage } from '../i18n/language.js';
import { widestSource } from '../content/library-index.js';
import { screenLayout } from '../layout/screen-layout.js';
import { initialLibraryState, reduceLibrary } from '../state/library-state.js';
import { initialReaderState, type CursorUnit, type View } from '../state/reader-state.js';
import {
  articleRecordOf,
  withArticleRecord,
  withPreferences,
  type Preferences,
  type StoredState,
} from '../storage/reading-state.js';
import type { Externals } from '../runtime/externals.js';
import { HelpOverlay, type Setting } from './help-overlay.js';
import { filterEntries, summaryKey } from './library/library-rows.js';
import { LibraryScreen } from './library/library-screen.js';
import { useFullText } from './library/use-full-text.js';
import { useLibraryKeys } from './library/use-library-keys.js';
import { ReaderView } from './reader/reader-view.js';
import { commandFor, KEYMAP } from '../input/keymap.js';
import { TooSmall } from './too-small.js';
import { useUi } from './ui-context.js';
import { useWindowSize } from './use-window-size.js';

export interface AppProps {
  root: LibraryRoot;
  libraryName: string;
  /** " --library DIR" for commands the reader suggests (empty for the bundled library). */
  libraryFlag?: string;
  entries: LibraryEntry[];
  stored: StoredState;
  /** Persists the state (the caller debounces and writes on exit). */
  save: (state: StoredState) => void;
  /** Reads the library again (after an edit). */
  relist: () => Promise<LibraryEntry[]>;
  /** Once after the first frame: the list checked against the files (null when it was right). */
  refresh?: () => Promise<LibraryEntry[] | null>;
  externals: Externals;
  /** Open this article at once. */
  initialId?: string;
  /** A one-line warning to show first (e.g. the state file was set aside). */
  warning?: string;
  setLanguage: (language: UiLanguage) => void;
}

const VIEWS: readonly View[] = ['both', 'de', 'en'];
const nextView = (view: View): View => VIEWS[(VIEWS.indexOf(view) + 1) % VIEWS.length] ?? 'both';

export function App(props: AppProps) {
  const { exit } = useApp();
  const { t, language } = useUi();
  const { columns, rows } = useWindowSize();
  const [entries, setEntries] = useState(props.entries);
  const stored = useRef(props.stored);
  const libKey = props.root.real;
  const initialPrefs = props.stored.preferences;
  const [view, setView] = useState<View>(initialPrefs.view ?? 'both');
  const [learner, setLearner] = useState(initialPrefs.learner ?? false);
  const [unit, setUnit] = useState<CursorUnit>(initialPrefs.unit ?? 'sentence');
  const [openId, setOpenId] = useState<string | null>(null);
  const [help, setHelpOpen] = useState(false);
  const [helpScroll, setHelpScroll] = useState(0);
  const setHelp = useCallback((open: boolean) => {
    setHelpOpen(open);
    setHelpScroll(0);
  }, []);
  const [notice, setNoticeText] = useState<string | null>(props.warning ?? null);
  const noticeTimer = useRef<NodeJS.Timeout | null>(null);
  const setNotice = useCallback((text: string | null) => {
    setNoticeText(text);
    if (noticeTimer.current) clearTimeout(noticeTimer.current);
    if (text) noticeTimer.current = setTimeout(() => setNoticeText(null), 6000);
  }, []);
  useEffect(
    () => () => {
      if (noticeTimer.current) clearTimeout(noticeTimer.current);
    },
    [],
  );

  const { save } = props;
  const update = useCallback(
    (change: (s: StoredState) => StoredState) => {
      stored.current = change(stored.current);
      save(stored.current);
    },
    [save],
  );
  const setPreferences = useCallback(
    (change: Partial<Preferences>) => {
      if (change.view) setView(change.view);
      if (change.learner !== undefined) setLearner(change.learner);
      if (change.unit) setUnit(change.unit);
      update((s) => withPreferences(s, change));
    },
    [update],
  );

  // The library list and its filter.
  const sourceWidth = useMemo(() => widestSource(entries), [entries]);
  const [library, dispatchLibrary] = useReducer(reduceLibrary, entries.length, (n) => initialLibraryState(n));
  // Folded search keys are made on the first search, not for a library nobody filters.
  const searching = library.search.query.trim() !== '';
  const keys = useMemo(() => (searching ? entries.map(summaryKey) : null), [entries, searching]);
  const summaryHits = useMemo(() => new Set(keys ? filterEntries(keys, library.search.query) : []), [keys, library.search.query]);
  const fullText = useFullText(props.root, entries, library.search.query, summaryHits);
  const visible = useMemo(
    () => (keys ? filterEntries(keys, library.search.query, fullText.hits) : entries.map((_, i) => i)),
    [keys, entries, library.search.query, fullText.hits],
  );
  const searchNote = fullText.searching ? t('ui.library.searching', { done: fullText.done, total: entries.length }) : undefined;
  const listRows = Math.max(1, rows - 4);
  // Kept in step during render (not in an effect), so no key meets a stale list size.
  if (library.list.count !== visible.length) dispatchLibrary({ type: 'results', count: visible.length });
  if (library.list.viewportRows !== listRows) dispatchLibrary({ type: 'layout', viewportRows: listRows });
  const selectedEntry = entries[visible[library.list.selected] ?? -1];
  const isRead = useCallback((id: string) => articleRecordOf(stored.current, libKey, id).read, [libKey]);

  const open = useCallback(
    (id: string) => {
      update((s) => withArticleRecord(s, libKey, id, { read: true }));
      // A message belongs to the screen it was said on.
      setNotice(null);
      setOpenId(id);
    },
    [libKey, update, setNotice],
  );

  // The first frame may come from the index unchecked: correct it once the files are checked.
  const { refresh } = props;
  useEffect(() => {
    if (!refresh) return;
    let cancelled = false;
    void refresh().then((fresh) => {
      if (fresh && !cancelled) setEntries(fresh);
    });
    return () => {
      cancelled = true;
    };
  }, [refresh]);

  // Opening an article named on the command line.
  const initialId = props.initialId;
  useEffect(() => {
    if (!initialId) return;
    const index = visible.findIndex((i) => entries[i]?.id === initialId);
    if (index >= 0) dispatchLibrary({ type: 'select', index });
    open(initialId);
    // Only once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** The next or previous readable article in the library's visible order. */
  const neighbour = useCallback(
    (id: string, delta: 1 | -1): string | null => {
      const at = visible.findIndex((i) => entries[i]?.id === id);
      for (let k = at + delta; k >= 0 && k < visible.length; k += delta) {
        const entry = entries[visible[k] as number];
        if (entry?.ok) {
          dispatchLibrary({ type: 'select', index: k });
          return entry.id;
        }
      }
      return null;
    },
    [visible, entries],
  );

  const onSetting = useCallback(
    (setting: Setting) => {
      if (setting === 'view') setPreferences({ view: nextView(view) });
      else if (setting === 'learner') setPreferences({ learner: !learner });
      else if (setting === 'unit') setPreferences({ unit: unit === 'sentence' ? 'paragraph' : 'sentence' });
      else if (setting === 'language') {
        const next: UiLanguage = language === 'en' ? 'de' : 'en';
        update((s) => withPreferences(s, { uiLanguage: next }));
        props.setLanguage(next);
      } else setHelp(false);
    },
    [view, learner, unit, language, setPreferences, update, props, setHelp],
  );

  const quit = useCallback(() => exit(), [exit]);
  const tooSmall = screenLayout(columns, rows, view, false).tooSmall;

  useLibraryKeys({
    active: openId === null && !help && !tooSmall,
    state: library,
    dispatch: dispatchLibrary,
    onOpen: () => {
      if (selectedEntry?.ok) open(selectedEntry.id);
      else if (selectedEntry) setNotice(t('ui.library.cannotOpen', { id: selectedEntry.id, library: props.libraryFlag ?? '' }));
    },
    // The list shows one title per article, German or English: t switches between the two
    // (cycling all three views here would look like a key that sometimes does nothing).
    onCycleView: () => setPreferences({ view: view === 'de' ? 'both' : 'de' }),
    onOpenUrl: () => {
      const url = selectedEntry?.ok ? selectedEntry.summary.url : undefined;
      if (!url) return setNotice(t('ui.notice.noUrl'));
      void props.externals.openUrl(url).then((r) => setNotice(r.message));
    },
    onHelp: () => setHelp(true),
    onQuit: quit,
  });

  useInput(
    (input, key) => {
      // All from the key table; j/k and Enter belong to the settings picker, the page keys scroll the key list.
      const command = commandFor(input, key, 'list');
      const page = Math.max(1, rows - 10);
      if (command === 'help' || command === 'quit' || command === 'back') setHelp(false);
      else if (command === 'quitNow') quit();
      else if (command === 'pageDown' || command === 'halfDown') setHelpScroll((n) => n + page);
      else if (command === 'pageUp' || command === 'halfUp') setHelpScroll((n) => Math.max(0, n - page));
      else if (command === 'top') setHelpScroll(0);
      else if (command === 'bottom') setHelpScroll(KEYMAP.length);
    },
    { isActive: help && !tooSmall },
  );

  // The too-small note replaces every screen, and with them their key handlers: it must listen
  // itself, or no handler is left, Ink lets go of stdin and the program ends on its own.
  useInput(
    (input, key) => {
      const command = commandFor(input, key, 'list');
      if (command === 'quit' || command === 'quitNow') quit();
    },
    { isActive: tooSmall },
  );

  if (tooSmall) return <TooSmall columns={columns} rows={rows} />;

  const overlay = help ? (
    <HelpOverlay width={columns} height={rows - 1} view={view} learner={learner} unit={unit} scroll={helpScroll} onSetting={onSetting} />
  ) : null;

  if (openId !== null) {
    const record = articleRecordOf(stored.current, libKey, openId);
    return (
      <ReaderView
        key={openId}
        root={props.root}
        id={openId}
        columns={columns}
        rows={rows}
        initial={initialReaderState({
          view,
          learner,
          unit,
          panelOpen: stored.current.preferences.panelOpen ?? false,
          cursor: record.position ?? { paragraph: 0, unit: 0 },
        })}
        view={view}
        learner={learner}
        unit={unit}
        overlay={overlay}
        notice={notice}
        setNotice={setNotice}
        externals={props.externals}
        onBack={() => {
          setNotice(null);
          setOpenId(null);
        }}
        onQuit={quit}
        onHelp={() => setHelp(true)}
        onNeighbour={(delta) => {
          const next = neighbour(openId, delta);
          if (next) open(next);
          else setNotice(delta > 0 ? t('ui.notice.lastArticle') : t('ui.notice.firstArticle'));
        }}
        onPosition={(cursor) => update((s) => withArticleRecord(s, libKey, openId, { position: cursor }))}
        onPreferences={setPreferences}
        onEdited={() => void props.relist().then(setEntries)}
      />
    );
  }
  if (overlay) return overlay;
  return (
    <LibraryScreen
      entries={entries}
      visible={visible}
      state={library}
      view={view}
      read={isRead}
      width={columns}
      listRows={listRows}
      libraryName={props.libraryName}
      note={notice ?? searchNote}
      sourceWidth={sourceWidth}
    />
  );
}
