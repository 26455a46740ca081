/** Making broken library entries safe to draw. */
import type { LibraryEntry } from './article.js';
import { sanitise, showControls } from '../text/sanitize.js';

/**
 * Broken entries carry a folder name and messages straight from the library
 * (the name may hold escape sequences): made safe here, before any screen
 * draws them. Good entries have slug ids and cleaned text already.
 */
export function safeEntries(entries: LibraryEntry[]): LibraryEntry[] {
  return entries.map((entry) =>
    entry.ok
      ? entry
      : {
          ...entry,
          id: showControls(entry.id),
          errors: entry.errors.map((d) => ({ ...d, file: showControls(d.file), message: sanitise(d.message) })),
        },
  );
}
