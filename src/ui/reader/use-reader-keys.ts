/** Keys in the reader: the key table's commands, the panel's, or typing into the search. */
import { useInput } from 'ink';
import type { Dispatch } from 'react';
import type { Article } from '../../content/article.js';
import type { AlignedParagraph } from '../../content/aligned-article.js';
import { factsAtCursor, factTarget, matchUnits, nextMatch } from '../../layout/reader-marks.js';
import type { ScreenLayout } from '../../layout/screen-layout.js';
import { panelHasKeys, type ReaderAction, type ReaderState } from '../../state/reader-state.js';
import { isListMove, moveWindow, type ListMove } from '../../state/list-window.js';
import { commandFor } from '../../input/keymap.js';
import { withUncookedEnter } from '../split-keys.js';
import { handleSearchInput } from '../search-input.js';
import { useUi } from '../ui-context.js';

export interface ReaderKeyHandlers {
  active: boolean;
  state: ReaderState;
  dispatch: Dispatch<ReaderAction>;
  layout: ScreenLayout;
  paragraphs: readonly AlignedParagraph[];
  article: Article | null;
  onBack: () => void;
  onQuit: () => void;
  onHelp: () => void;
  onNeighbour: (delta: 1 | -1) => void;
  onEdit: () => void;
  onOpenUrl: () => void;
  setNotice: (text: string | null) => void;
}

export function useReaderKeys(h: ReaderKeyHandlers): void {
  const { t } = useUi();
  useInput(
    (rawInput, rawKey) =>
      withUncookedEnter(rawInput, rawKey, (input, key) => {
        const { state, dispatch } = h;
        if (state.search.editing) {
          handleSearchInput(input, key, dispatch);
          if (key.return) jumpToMatch(h, 1, true);
          return;
        }
        const overlay = h.layout.panel.mode === 'overlay';
        const inPanel = panelHasKeys(state, overlay);
        const command = commandFor(input, key, inPanel ? 'panel' : 'reader');
        if (inPanel && isListMove(command)) return movePanel(h, command);
        if (inPanel && command === 'open') return choosePanelItem(h);
        if (isListMove(command)) return dispatch({ type: command });
        switch (command) {
          case 'open':
            if (state.panel.open) dispatch({ type: 'focusPanel' });
            return;
          case 'back':
            if (inPanel) dispatch(overlay ? { type: 'closePanel' } : { type: 'focusText' });
            else if (state.search.query !== '') dispatch({ type: 'clearSearch' });
            else h.onBack();
            return;
          case 'nextArticle':
            h.onNeighbour(1);
            return;
          case 'prevArticle':
            h.onNeighbour(-1);
            return;
          case 'cycleView':
            dispatch({ type: 'cycleView', narrow: h.layout.narrow });
            return;
          case 'toggleFacts':
            // Opening the panel starts at the first fact the sentence under the cursor cites.
            if (!state.panel.open && state.panel.tab === 'facts') {
              const [here] = factsAtCursor(h.article?.facts ?? [], h.paragraphs, state);
              if (here !== undefined) dispatch({ type: 'selectEntry', index: here });
            }
            dispatch({ type: 'toggleFacts' });
            return;
          case 'switchTab':
            dispatch({ type: 'switchTab' });
            return;
          case 'toggleUnit':
            dispatch({ type: 'toggleUnit' });
            return;
          case 'reveal':
            if (state.learner) dispatch({ type: 'reveal' });
            else h.setNotice(t('ui.notice.learnerOff'));
            return;
          case 'search':
            dispatch({ type: 'startSearch' });
            return;
          case 'searchNext':
          case 'searchPrev':
            jumpToMatch(h, command === 'searchNext' ? 1 : -1, false);
            return;
          case 'openUrl':
            h.onOpenUrl();
            return;
          case 'edit':
            h.onEdit();
            return;
          case 'help':
            h.onHelp();
            return;
          case 'quit':
            if (inPanel) dispatch({ type: 'closePanel' });
            else h.onBack();
            return;
          case 'quitNow':
            h.onQuit();
            return;
          case null:
            return;
          default: {
            const never: never = command;
            return never;
          }
        }
      }),
    { isActive: h.active },
  );

  /** Moves the panel's selection; in the facts tab the text cursor follows to the cited sentence. */
  function movePanel(handlers: ReaderKeyHandlers, move: ListMove): void {
    const { state, article } = handlers;
    const count = article ? (state.panel.tab === 'facts' ? article.facts.length : article.glossary.length) : 0;
    if (count === 0) return;
    // Each item takes two rows of the panel.
    const perPage = Math.max(1, Math.floor(handlers.layout.textRows / 2));
    const selected = Math.min(state.panel.selected, count - 1);
    const window = { selected, scrollTop: Math.max(0, Math.min(selected, count - perPage)), viewportRows: perPage, count };
    selectPanelItem(handlers, moveWindow(window, move).selected);
  }

  function selectPanelItem(handlers: ReaderKeyHandlers, index: number): void {
    const { state, article, paragraphs, dispatch } = handlers;
    if (state.panel.tab !== 'facts') return dispatch({ type: 'selectEntry', index });
    const fact = article?.facts[index];
    dispatch({ type: 'selectFact', index, cursor: fact ? factTarget(paragraphs, fact) : null });
  }

  /** Enter in the panel: back to the text at the fact's sentence, or at the glossary term's first use. */
  function choosePanelItem(handlers: ReaderKeyHandlers): void {
    const { state, article, dispatch } = handlers;
    if (!article) return;
    // Back to the text: an overlay is closed, or it would go on hiding the text.
    const toText = handlers.layout.panel.mode === 'overlay' ? ({ type: 'closePanel' } as const) : ({ type: 'focusText' } as const);
    if (state.panel.tab === 'facts') {
      selectPanelItem(handlers, state.panel.selected);
      dispatch(toText);
      return;
    }
    const term = article.glossary[state.panel.selected];
    dispatch(toText);
    if (!term) return;
    // The term becomes the search: its uses are marked, and n/N go through them.
    dispatch({ type: 'clearSearch' });
    dispatch({ type: 'type', text: term.de });
    const searched = { ...handlers, state: { ...state, search: { query: term.de, editing: false } } };
    jumpToMatch(searched, 1, true);
  }

  function jumpToMatch(handlers: ReaderKeyHandlers, direction: 1 | -1, fromHere: boolean): void {
    const query = handlers.state.search.query;
    if (query.trim() === '') return;
    const langs = handlers.layout.columns.map((c) => c.lang);
    const matches = matchUnits(
      handlers.paragraphs,
      query,
      langs.length === 1 ? ['de', 'en'] : langs,
    );
    const cursor = handlers.state.cursor;
    const start = fromHere ? { paragraph: cursor.paragraph, unit: cursor.unit - 1 } : cursor;
    const target = nextMatch(matches, start, direction);
    if (target) handlers.dispatch({ type: 'goto', cursor: target });
    else handlers.setNotice(t('ui.notice.noMatches', { query }));
  }
}
