/** Changing the preferences (view, learner mode, cursor unit, facts panel): remembered, and applied to an open article. */
import { withPreferences } from '../storage/reading-state.js';
import { prefsOf, type AppState } from './app-state.js';
import { joinReader, reduceReader, splitReader, type ReaderAction, type ReaderPrefs } from './reader-state.js';
import type { Update } from './steps.js';

/**
 * Runs `action` on the open article's reader state (joined with the
 * preferences), then gives each part back to its owner: the position to the
 * article, the preferences to the remembered state.
 */
export function withReaderAction(state: AppState, action: ReaderAction, at: number): Update {
  const reader = state.reader;
  if (!reader) return [state, []];
  const prefs = prefsOf(state);
  const joined = reduceReader(joinReader(reader.position, prefs), action);
  const split = splitReader(joined);
  return commit({ ...state, reader: { ...reader, position: split.position } }, prefs, split.prefs, reader.position.cursor !== split.position.cursor, at);
}

/** Stores changed preferences and a moved cursor in the remembered state, and asks for a save. */
function commit(state: AppState, before: ReaderPrefs, after: ReaderPrefs, moved: boolean, at: number): Update {
  let stored = state.stored;
  const change: Partial<ReaderPrefs> = {};
  for (const key of ['view', 'learner', 'unit', 'panelOpen'] as const) {
    if (before[key] !== after[key]) Object.assign(change, { [key]: after[key] });
  }
  if (Object.keys(change).length > 0) stored = withPreferences(stored, change, at);
  const reader = state.reader;
  if (moved && reader) stored = withPosition(stored, state, reader.id, reader.position.cursor, at);
  return stored === state.stored ? [state, []] : [{ ...state, stored }, [{ type: 'save', stored }]];
}

function withPosition(stored: AppState['stored'], state: AppState, id: string, cursor: { paragraph: number; unit: number }, at: number) {
  const libraries = stored.libraries[state.place.key] ?? {};
  const record = libraries[id];
  if (record?.position?.paragraph === cursor.paragraph && record.position.unit === cursor.unit) return stored;
  return {
    ...stored,
    libraries: { ...stored.libraries, [state.place.key]: { ...libraries, [id]: { read: record?.read ?? true, ...record, position: cursor, updated: at } } },
  };
}

/** Sets preferences from anywhere (the help screen's settings): an open article follows them. */
export function setPrefs(state: AppState, change: Partial<Pick<ReaderPrefs, 'view' | 'learner' | 'unit'>>, at: number): Update {
  if (!state.reader) {
    const stored = withPreferences(state.stored, change, at);
    return [{ ...state, stored }, [{ type: 'save', stored }]];
  }
  // Through the reader's reducer: learner mode hides what was revealed, the cursor unit moves the cursor.
  const actions: ReaderAction[] = [];
  if (change.view !== undefined) actions.push({ type: 'setView', view: change.view });
  if (change.learner !== undefined) actions.push({ type: 'setLearner', learner: change.learner });
  if (change.unit !== undefined) actions.push({ type: 'setUnit', unit: change.unit });
  let next = state;
  for (const action of actions) next = withReaderAction(next, action, at)[0];
  return next.stored === state.stored ? [next, []] : [next, [{ type: 'save', stored: next.stored }]];
}
