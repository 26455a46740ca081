/**
 * The one update of the program: `update(state, msg)` returns the next state
 * and the effects to run. Every key is a message applied to the state the key
 * before it produced, so a burst of keys needs no pacing; every result of
 * asynchronous work (an article loaded, search hits, the library checked)
 * comes back as a message too. Pure: no React, no I/O, no clock.
 */
import { commandFor } from '../input/keymap.js';
import type { AppState } from './app-state.js';
import { updateHelp } from './help-update.js';
import { updateLibraryKey } from './library-update.js';
import { open, refilter, withFullText } from './library-actions.js';
import { updateFeedsMessage, updatePicker } from './feeds-update.js';
import { reduceLibrary } from './library-state.js';
import type { Effect, Msg } from './messages.js';
import { updateReaderKey } from './reader-update.js';
import { settle } from './settle.js';
import { showNotice } from './notice.js';
import { isTooSmall, quit, tOf, type Update } from './steps.js';

export type { Update } from './steps.js';
import type { KeyPress } from '../input/keys.js';

export function update(state: AppState, msg: Msg): Update {
  const [next, effects] = apply(state, msg);
  return [settle(next), effects];
}

function apply(state: AppState, msg: Msg): Update {
  switch (msg.type) {
    case 'key':
      return updateKey(state, msg.key, msg.at);
    case 'resize':
      return [{ ...state, size: { columns: Math.max(1, msg.columns), rows: Math.max(1, msg.rows) } }, []];
    case 'open': {
      const index = state.library.visible.findIndex((i) => state.library.entries[i]?.id === msg.id);
      const selected = index >= 0 ? { ...state, library: { ...state.library, nav: reduceLibrary(state.library.nav, { type: 'select', index }) } } : state;
      return open(selected, msg.id, msg.at);
    }
    case 'articleLoaded':
      return articleLoaded(state, msg);
    case 'articleAligned': {
      const reader = state.reader;
      if (!reader || reader.id !== msg.id || reader.generation !== msg.generation || reader.load.status !== 'ok') return [state, []];
      return [settle({ ...state, reader: { ...reader, load: { ...reader.load, paragraphs: msg.paragraphs } } }), []];
    }
    case 'libraryProgress':
      // Only while the list holds just the newest articles: a whole list has nothing left to read.
      if (state.library.total === undefined) return [state, []];
      return [{ ...state, library: { ...state.library, reading: { done: msg.done, total: msg.total } } }, []];
    case 'libraryRead': {
      // G while only the newest articles were listed: on to the last of all.
      const { total, nav } = state.library;
      const atEnd = total !== undefined && nav.toEnd === true;
      const next = refilter(state, msg.entries);
      if (!atEnd) return [next, []];
      return [settle({ ...next, library: { ...next.library, nav: reduceLibrary(next.library.nav, { type: 'bottom' }) } }), []];
    }
    case 'fullText':
      return [withFullText(state, msg), []];
    case 'notice':
      return showNotice(state, msg.text);
    case 'urlFound':
      return msg.url ? [state, [{ type: 'openUrl', url: msg.url }]] : showNotice(state, tOf(state)('ui.notice.noUrl'));
    case 'noticeExpired':
      return [state.notice?.id === msg.id ? { ...state, notice: null } : state, []];
    case 'edited': {
      const [noted, effects] = showNotice(state, msg.message);
      const reader = noted.reader;
      if (!reader || reader.id !== msg.id) return [noted, [...effects, { type: 'relist' }]];
      // The article is read again; what is on screen stays until the new text is there.
      const generation = reader.generation + 1;
      return [
        { ...noted, reader: { ...reader, generation } },
        [...effects, { type: 'loadArticle', id: reader.id, generation, from: reader.position.cursor.paragraph }, { type: 'relist' }],
      ];
    }
    case 'feedsLoaded':
    case 'refreshProgress':
    case 'refreshDone':
    case 'refreshFailed':
      return updateFeedsMessage(state, msg);
    case 'draftProgress': {
      const reader = state.reader;
      return [reader?.id === msg.id ? { ...state, reader: { ...reader, drafting: { done: msg.done, total: msg.total } } } : state, []];
    }
    case 'drafted': {
      const reader = state.reader?.id === msg.id ? { ...state.reader, drafting: null } : state.reader;
      const [noted, effects] = showNotice({ ...state, reader }, msg.message);
      if (!msg.changed) return [noted, effects];
      // The draft appears in place: the article is read again (what is on screen stays until then).
      if (!reader || reader.id !== msg.id) return [noted, [...effects, { type: 'relist' }]];
      const generation = reader.generation + 1;
      return [{ ...noted, reader: { ...reader, generation } }, [...effects, { type: 'loadArticle', id: reader.id, generation, from: reader.position.cursor.paragraph }, { type: 'relist' }]];
    }
    case 'blank':
      return [{ ...state, blank: true }, []];
    case 'redraw':
      return [{ ...state, blank: false }, []];
    default: {
      const never: never = msg;
      return never;
    }
  }
}

/** The background a terminal reports ("11;rgb:RRRR/GGGG/BBBB"): light or dark by its luminance. */
export function reportedBackground(report: string): 'dark' | 'light' | null {
  const m = /^11;rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})/i.exec(report);
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((hex) => parseInt(hex ?? '0', 16) / (16 ** (hex ?? '0').length - 1)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? 'light' : 'dark';
}

function updateKey(state: AppState, key: KeyPress, at: number): Update {
  if (key.report !== undefined) {
    // Not a key: the terminal answering the program's question about its background.
    const background = state.looks.followTerminal ? reportedBackground(key.report) : null;
    return [background && background !== state.looks.background ? { ...state, looks: { ...state.looks, background } } : state, []];
  }
  if (state.quitting) return [state, []];
  // Suspending and quitting at once work everywhere, also while an article loads.
  const global = commandFor(key, 'list', state.keymap);
  // In a search field being typed into, a letter is a letter (Q too): only Ctrl-C quits from there.
  const typing = !key.ctrl && !key.meta && key.input !== '' && (state.reader ? state.reader.position.search.editing : state.library.nav.search.editing) && !state.help;
  if (global === 'quitNow' && !typing) return quit(state);
  if (global === 'suspend') return [state, [{ type: 'suspend' }]];
  if (isTooSmall(state)) return global === 'quit' ? quit(state) : [state, []];
  if (state.help) return updateHelp(state, key, at);
  if (state.feeds.picker && !state.reader) return updatePicker(state, key);
  const reader = state.reader;
  if (reader?.load.status === 'loading') {
    return [{ ...state, reader: { ...reader, pending: [...reader.pending, { key, at }] } }, []];
  }
  if (reader) return updateReaderKey(state, key, at);
  return updateLibraryKey(state, key, at);
}

function articleLoaded(state: AppState, msg: Extract<Msg, { type: 'articleLoaded' }>): Update {
  const reader = state.reader;
  if (!reader || reader.id !== msg.id || reader.generation !== msg.generation) return [state, []];
  let next: AppState = settle({ ...state, reader: { ...reader, load: msg.load, pending: [] } });
  const effects: Effect[] = [];
  // Keys typed while it loaded apply to it now, in order.
  for (const { key, at } of reader.pending) {
    const [after, more] = update(next, { type: 'key', key, at });
    next = after;
    effects.push(...more);
  }
  return [next, effects];
}
