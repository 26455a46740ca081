/**
 * The README's picture of the reader: the bundled seed article at 120×40,
 * cursor on the third sentence of the first paragraph, key facts open, as
 * plain text. Made from the same update() and frames as the program, from
 * key presses, so it shows what the reader shows.
 */
import type { AlignedParagraph } from '../content/aligned-article.js';
import type { Article, LibraryEntry } from '../content/article.js';
import { parseKey } from '../input/keys.js';
import { initialAppState } from '../state/app-state.js';
import type { Msg } from '../state/messages.js';
import { update } from '../state/update.js';
import { emptyState } from '../storage/reading-state.js';
import { appFrame } from './app-frame.js';
import { NO_COLOUR_THEME } from './theme.js';

export const CAPTURE_START = '<!-- capture:start -->';
export const CAPTURE_END = '<!-- capture:end -->';

/** The seed article's id: the capture opens it. */
export const CAPTURE_ARTICLE = '2024-04-04-aws-stellenabbau';

export function readerCapture(o: { entries: readonly LibraryEntry[]; libraryKey: string; article: Article; paragraphs: readonly AlignedParagraph[] }): string {
  let state = initialAppState({ columns: 120, rows: 40, language: 'en', place: { key: o.libraryKey, name: 'articles', flag: '' }, stored: emptyState(), entries: o.entries });
  const key = (bytes: string): Msg => ({ type: 'key', key: parseKey(bytes), at: 0 });
  const messages: Msg[] = [
    { type: 'open', id: CAPTURE_ARTICLE, at: 0 },
    { type: 'articleLoaded', id: CAPTURE_ARTICLE, generation: 1, load: { status: 'ok', article: o.article, paragraphs: o.paragraphs } },
    key('f'),
    key('\u001B'),
    key('j'),
    key('j'),
  ];
  for (const msg of messages) state = update(state, msg)[0];
  return appFrame(state, NO_COLOUR_THEME)
    .map((line) => line.map((s) => s.text).join('').trimEnd())
    .join('\n');
}
