/** The reader's keys: the key table's commands, the facts panel's, or typing into the search field. */
import { factsAtCursor, factTarget, matchUnits, nextMatch } from '../layout/reader-marks.js';
import { commandFor } from '../input/keymap.js';
import { glossaryTerms } from '../layout/panel-list.js';
import type { KeyPress } from '../input/keys.js';
import { prefsOf, type AppState } from './app-state.js';
import { neighbour, open } from './library-actions.js';
import { nextUnread } from './feeds-update.js';
import { isListMove, moveWindow, type ListMove } from './list-window.js';
import { showNotice } from './notice.js';
import { withReaderAction } from './prefs-update.js';
import { joinReader, panelHasKeys, type ReaderAction, type ReaderState } from './reader-state.js';
import { searchActionFor } from './search-keys.js';
import { geometryOf } from './settle.js';
import { quit, tOf, type Update } from './steps.js';

/** Applies several reader actions in turn. */
function act(state: AppState, at: number, ...actions: ReaderAction[]): Update {
  let next = state;
  const effects: Update[1] = [];
  for (const action of actions) {
    const [after, more] = withReaderAction(next, action, at);
    next = after;
    effects.push(...more);
  }
  // One save is enough: the last holds every change.
  const saves = effects.filter((e) => e.type === 'save');
  return [next, [...effects.filter((e) => e.type !== 'save'), ...saves.slice(-1)]];
}

/** The reader's state as the reducer sees it (the open article's position with the preferences). */
function joined(state: AppState): ReaderState | null {
  return state.reader ? joinReader(state.reader.position, prefsOf(state)) : null;
}

function loaded(state: AppState) {
  const load = state.reader?.load;
  return load?.status === 'ok' ? load : null;
}

export function updateReaderKey(state: AppState, key: KeyPress, at: number): Update {
  const rs = joined(state);
  if (!rs) return [state, []];
  if (state.reader?.choosingLink !== null && state.reader?.choosingLink !== undefined) return chooseLink(state, key, state.reader.choosingLink);
  if (rs.search.editing) {
    const action = searchActionFor(key);
    if (!action) return [state, []];
    const [next, effects] = act(state, at, action);
    if (action.type !== 'commitSearch') return [next, effects];
    const [jumped, more] = jumpToMatch(next, 1, true, at);
    return [jumped, [...effects, ...more]];
  }
  const geo = geometryOf(state);
  const overlay = geo?.screen.panel.mode === 'overlay';
  const inPanel = panelHasKeys(rs, overlay);
  const command = commandFor(key, inPanel ? 'panel' : 'reader', state.keymap);
  if (inPanel && isListMove(command)) return movePanel(state, command, at);
  if (inPanel && command === 'open') return choosePanelItem(state, at);
  if (isListMove(command)) return act(state, at, { type: command });
  const ok = loaded(state);
  switch (command) {
    case 'open':
      return rs.panel.open ? act(state, at, { type: 'focusPanel' }) : [state, []];
    case 'back':
      if (inPanel) return act(state, at, overlay ? { type: 'closePanel' } : { type: 'focusText' });
      if (rs.search.query !== '') return act(state, at, { type: 'clearSearch' });
      return back(state);
    case 'nextArticle':
    case 'prevArticle':
      return toNeighbour(state, command === 'nextArticle' ? 1 : -1, at);
    case 'cycleView':
      return act(state, at, { type: 'cycleView', narrow: geo?.screen.narrow ?? false });
    case 'toggleFacts': {
      // Opening the panel starts at the first fact the sentence under the cursor cites.
      if (!rs.panel.open && rs.panel.tab === 'facts' && ok) {
        const [here] = factsAtCursor(ok.article.facts, ok.paragraphs, rs);
        if (here !== undefined) return act(state, at, { type: 'selectEntry', index: here }, { type: 'toggleFacts' });
      }
      return act(state, at, { type: 'toggleFacts' });
    }
    case 'switchTab':
      return act(state, at, { type: 'switchTab' });
    case 'toggleUnit':
      return act(state, at, { type: 'toggleUnit' });
    case 'reveal':
      return rs.learner ? act(state, at, { type: 'reveal' }) : showNotice(state, tOf(state)('ui.notice.learnerOff'));
    case 'search':
      // A new query, as in less and vim: what was searched before is not appended to.
      return act(state, at, { type: 'clearSearch' }, { type: 'startSearch' });
    case 'searchNext':
    case 'searchPrev':
      return jumpToMatch(state, command === 'searchNext' ? 1 : -1, false, at);
    case 'openUrl': {
      // With a link list: o, then the link's number (or Enter for the article's own page).
      if (ok && ok.article.links.length > 0 && state.reader) return [{ ...state, reader: { ...state.reader, choosingLink: '' } }, []];
      const url = ok?.article.meta.url;
      return url ? [state, [{ type: 'openUrl', url }]] : showNotice(state, tOf(state)('ui.notice.noUrl'));
    }
    case 'edit':
      return ok ? [state, [{ type: 'edit', article: ok.article, paragraph: rs.cursor.paragraph }]] : [state, []];
    case 'help':
      return [{ ...state, help: { selected: 0, scroll: 0 } }, []];
    case 'quit':
      return inPanel ? act(state, at, { type: 'closePanel' }) : back(state);
    case 'quitNow':
      return quit(state);
    case 'nextUnread':
      return nextUnread(state, at, true);
    case 'suspend':
    case 'refresh':
    case 'pickFeed':
    case 'markAllRead':
    case 'undoMarkAll':
    case null:
      return [state, []];
    default: {
      const never: never = command;
      return never;
    }
  }
}

/** Keys after `o`: digits choose a link by its number, Enter the page (or the number typed), anything else cancels. */
function chooseLink(state: AppState, key: KeyPress, typed: string): Update {
  const reader = state.reader;
  const ok = loaded(state);
  if (!reader || !ok) return [state, []];
  const links = ok.article.links;
  const done = (next: AppState = state): AppState => ({ ...next, reader: next.reader ? { ...next.reader, choosingLink: null } : null });
  const openLink = (n: number): Update => {
    const link = links.find((l) => l.n === n);
    return link ? [done(), [{ type: 'openUrl', url: link.url }]] : showNotice(done(), tOf(state)('ui.notice.noSuchLink', { n }));
  };
  if (key.name === null && !key.ctrl && !key.meta && /^[0-9]$/.test(key.input)) {
    const digits = `${typed}${key.input}`;
    const n = Number(digits);
    const highest = Math.max(...links.map((l) => l.n));
    // Open at once when no further digit could make another link's number.
    if (n * 10 > highest) return openLink(n);
    return [{ ...state, reader: { ...reader, choosingLink: digits } }, []];
  }
  if (key.name === 'enter') {
    if (typed !== '') return openLink(Number(typed));
    const url = ok.article.meta.url;
    return url ? [done(), [{ type: 'openUrl', url }]] : showNotice(done(), tOf(state)('ui.notice.noUrl'));
  }
  return [done(), []];
}

/** Back to the library; a message belongs to the screen it was said on. */
function back(state: AppState): Update {
  return [{ ...state, reader: null, notice: null }, []];
}

function toNeighbour(state: AppState, delta: 1 | -1, at: number): Update {
  const reader = state.reader;
  const next = reader ? neighbour(state, reader.id, delta) : null;
  if (!next) return showNotice(state, tOf(state)(delta > 0 ? 'ui.notice.lastArticle' : 'ui.notice.firstArticle'));
  return open(next.state, next.id, at);
}

/** Moves the panel's selection; in the facts tab the text cursor follows to the cited sentence. */
function movePanel(state: AppState, move: ListMove, at: number): Update {
  const ok = loaded(state);
  const rs = joined(state);
  const geo = geometryOf(state);
  if (!ok || !rs || !geo) return [state, []];
  const count = rs.panel.tab === 'facts' ? ok.article.facts.length : glossaryTerms(ok.article).length;
  if (count === 0) return [state, []];
  // Each item takes two rows of the panel.
  const perPage = Math.max(1, Math.floor((geo.bodyRows - 1) / 2));
  const selected = Math.min(rs.panel.selected, count - 1);
  const window = { selected, scrollTop: Math.max(0, Math.min(selected, count - perPage)), viewportRows: perPage, count };
  return selectPanelItem(state, rs, moveWindow(window, move).selected, at);
}

function selectPanelItem(state: AppState, rs: ReaderState, index: number, at: number): Update {
  const ok = loaded(state);
  if (rs.panel.tab !== 'facts' || !ok) return act(state, at, { type: 'selectEntry', index });
  const fact = ok.article.facts[index];
  return act(state, at, { type: 'selectFact', index, cursor: fact ? factTarget(ok.paragraphs, fact) : null });
}

/** Enter in the panel: back to the text at the fact's sentence, or at the glossary term's first use. */
function choosePanelItem(state: AppState, at: number): Update {
  const ok = loaded(state);
  const rs = joined(state);
  if (!ok || !rs) return [state, []];
  // Back to the text: an overlay is closed, or it would go on hiding the text.
  const toText: ReaderAction = geometryOf(state)?.screen.panel.mode === 'overlay' ? { type: 'closePanel' } : { type: 'focusText' };
  if (rs.panel.tab === 'facts') {
    const [chosen, effects] = selectPanelItem(state, rs, rs.panel.selected, at);
    const [next, more] = act(chosen, at, toText);
    return [next, [...effects, ...more]];
  }
  const term = glossaryTerms(ok.article)[rs.panel.selected];
  if (!term) return act(state, at, toText);
  // The term becomes the search: its uses are marked, and n/N go through them.
  const [searched, effects] = act(state, at, toText, { type: 'clearSearch' }, { type: 'type', text: term.de });
  const [next, more] = jumpToMatch(searched, 1, true, at);
  return [next, [...effects, ...more]];
}

function jumpToMatch(state: AppState, direction: 1 | -1, fromHere: boolean, at: number): Update {
  const ok = loaded(state);
  const rs = joined(state);
  const geo = geometryOf(state);
  if (!ok || !rs || !geo) return [state, []];
  const query = rs.search.query;
  if (query.trim() === '') return [state, []];
  const langs = geo.screen.columns.map((c) => c.lang);
  const matches = matchUnits(ok.paragraphs, query, langs.length === 1 ? ['de', 'en'] : langs);
  const cursor = rs.cursor;
  const start = fromHere ? { paragraph: cursor.paragraph, unit: cursor.unit - 1 } : cursor;
  const target = nextMatch(matches, start, direction);
  return target ? act(state, at, { type: 'goto', cursor: target }) : showNotice(state, tOf(state)('ui.notice.noMatches', { query }));
}
