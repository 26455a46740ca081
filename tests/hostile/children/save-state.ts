/**
 * A reader's last write, as a separate process: waits until the agreed moment, then marks one
 * article read and saves (synchronously, as the exit handler does, or asynchronously).
 * argv: stateDir library id startAt(ms since epoch) sync|async
 */
import { emptyState, saveState, saveStateSync, withArticleRecord } from '../../../src/storage/reading-state.js';

const [dir = '', library = '', id = '', startAt = '0', mode = 'sync'] = process.argv.slice(2);
const state = withArticleRecord(emptyState(), library, id, { read: true, position: { paragraph: 1, unit: 0 } });
// Spin rather than sleep: both processes must reach read–merge–rename within the same millisecond.
while (Date.now() < Number(startAt)) {
  // waiting
}
if (mode === 'sync') saveStateSync(dir, state);
else await saveState(dir, state);
