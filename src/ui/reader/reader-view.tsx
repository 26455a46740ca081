/** One open article: loads it, owns the reader state, routes keys, reports changes upward. */
import { Box, Text } from 'ink';
import React, { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { formatDiagnostic } from '../../content/diagnostic.js';
import type { LibraryRoot } from '../../content/load-article.js';
import { screenLayout } from '../../layout/screen-layout.js';
import { reduceReader, type CursorUnit, type ReaderState, type View } from '../../state/reader-state.js';
import type { Preferences } from '../../storage/reading-state.js';
import { sanitise } from '../../text/sanitize.js';
import type { Externals } from '../../runtime/externals.js';
import { holdInput } from '../paced-stdin.js';
import { useArticle } from '../use-article.js';
import { useUi } from '../ui-context.js';
import { ReaderScreen } from './reader-screen.js';
import { useReaderKeys } from './use-reader-keys.js';
import { useReaderRows } from './use-reader-rows.js';

const NO_PARAGRAPHS: readonly never[] = [];

export interface ReaderViewProps {
  root: LibraryRoot;
  id: string;
  columns: number;
  rows: number;
  initial: ReaderState;
  view: View;
  learner: boolean;
  unit: CursorUnit;
  /** Drawn instead of the reader (help), keeping the reader's state. */
  overlay: ReactNode | null;
  notice: string | null;
  setNotice: (text: string | null) => void;
  externals: Externals;
  onBack: () => void;
  onQuit: () => void;
  onHelp: () => void;
  onNeighbour: (delta: 1 | -1) => void;
  onPosition: (cursor: { paragraph: number; unit: number }) => void;
  onPreferences: (change: Partial<Preferences>) => void;
  /** The article's files changed (after an edit): the library list should be read again. */
  onEdited: () => void;
}

export function ReaderView(props: ReaderViewProps) {
  const { t, theme } = useUi();
  const [generation, setGeneration] = useState(0);
  const load = useArticle(props.root, props.id, generation);
  const loading = !load || load.status === 'loading';
  // Keys typed along with the one that opened the article wait for it (see paced-stdin.ts).
  useEffect(() => (loading ? holdInput() : undefined), [loading]);
  const [state, dispatch] = useReducer(reduceReader, props.initial);
  const layout = screenLayout(props.columns, props.rows, state.view, state.panel.open);

  // Preferences changed elsewhere (the help screen's settings) reach the reducer here.
  useEffect(() => dispatch({ type: 'setView', view: props.view }), [props.view]);
  useEffect(() => dispatch({ type: 'setLearner', learner: props.learner }), [props.learner]);
  useEffect(() => dispatch({ type: 'setUnit', unit: props.unit }), [props.unit]);

  // Report what should be remembered (through a ref: the parent's callbacks change every render).
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => latest.current.onPosition(state.cursor), [state.cursor]);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    latest.current.onPreferences({ view: state.view, panelOpen: state.panel.open, unit: state.unit });
  }, [state.view, state.panel.open, state.unit]);

  const ok = load?.status === 'ok' ? load : null;
  const rowsLayout = useReaderRows(ok?.paragraphs ?? NO_PARAGRAPHS, layout, state, t('ui.reader.untranslated'), t('ui.reader.noGerman'));
  // Keep the reducer's geometry in step during render, so a key pressed right
  // after a frame never meets an outdated (or empty) layout.
  if (ok && (state.geometry !== rowsLayout.geometry || state.viewportRows !== rowsLayout.textRows)) {
    dispatch({ type: 'layout', geometry: rowsLayout.geometry, viewportRows: rowsLayout.textRows });
  }
  const edit = useCallback(async () => {
    if (!ok) return;
    const result = await latest.current.externals.editParagraph(ok.article, state.cursor.paragraph);
    latest.current.setNotice(result.message);
    setGeneration((g) => g + 1);
    latest.current.onEdited();
  }, [ok, state.cursor.paragraph]);

  useReaderKeys({
    active: props.overlay === null,
    state,
    dispatch,
    layout,
    paragraphs: ok?.paragraphs ?? [],
    article: ok?.article ?? null,
    onBack: props.onBack,
    onQuit: props.onQuit,
    onHelp: props.onHelp,
    onNeighbour: props.onNeighbour,
    onEdit: () => void edit(),
    onOpenUrl: () => {
      const url = ok?.article.meta.url;
      if (!url) return props.setNotice(t('ui.notice.noUrl'));
      void props.externals.openUrl(url).then((r) => props.setNotice(r.message));
    },
    setNotice: props.setNotice,
  });

  if (props.overlay) return <>{props.overlay}</>;
  if (!load || load.status === 'loading') return <Text {...theme.muted}>{t('ui.reader.loading')}</Text>;
  if (load.status === 'error') {
    return (
      <Box flexDirection="column">
        <Text {...theme.error}>{t('ui.reader.cannotOpen', { id: sanitise(props.id) })}</Text>
        {load.errors.slice(0, Math.max(1, props.rows - 4)).map((e, i) => (
          <Text key={i} wrap="truncate-end">{sanitise(formatDiagnostic(e))}</Text>
        ))}
        <Text {...theme.muted}>{t('ui.reader.backHint')}</Text>
      </Box>
    );
  }
  return (
    <ReaderScreen
      article={load.article}
      paragraphs={load.paragraphs}
      state={state}
      layout={layout}
      rowsLayout={rowsLayout}
      notice={props.notice}
    />
  );
}
