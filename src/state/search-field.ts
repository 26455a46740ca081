/** A one-line search field: what was typed, and whether it has the keyboard. Pure. */
export interface SearchField {
  query: string;
  editing: boolean;
}

export type SearchAction =
  | { type: 'startSearch' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'commitSearch' }
  | { type: 'clearSearch' };

export const EMPTY_SEARCH: SearchField = { query: '', editing: false };

/** Longest query kept: a paste of a whole page is cut, not stored. */
const MAX_QUERY = 200;

export function reduceSearch(field: SearchField, action: SearchAction): SearchField {
  switch (action.type) {
    case 'startSearch':
      return { ...field, editing: true };
    case 'type':
      // eslint-disable-next-line no-control-regex
      return { ...field, query: (field.query + action.text.replace(/[\u0000-\u001F\u007F-\u009F]/g, '')).slice(0, MAX_QUERY) };
    case 'erase':
      return { ...field, query: [...field.query].slice(0, -1).join('') };
    case 'commitSearch':
      return { ...field, editing: false };
    case 'clearSearch':
      return EMPTY_SEARCH;
    default: {
      const never: never = action;
      return never;
    }
  }
}
