/**
 * Writing the remembered state while reading: at most twice a second, and
 * once more, synchronously, on the way out. A write that fails keeps the
 * state in memory and is tried again (src/storage/state-store.ts); the reader
 * is told at once, and once more when it works again.
 */
import type { Translate } from '../i18n/translate.js';
import type { StoredState } from '../storage/reading-state.js';
import { StateStore } from '../storage/state-store.js';

const DEBOUNCE_MS = 500;

export class StateWriter {
  private readonly store: StateStore;
  private timer: NodeJS.Timeout | null = null;

  constructor(o: { dir: string; initial: StoredState; t: Translate; onMessage: (message: string) => void }) {
    this.store = new StateStore({
      dir: o.dir,
      initial: o.initial,
      t: o.t,
      onStatus: (status) => {
        if (status.message) o.onMessage(status.message);
      },
    });
  }

  /** Remembers `state`; written within half a second. */
  save(state: StoredState): void {
    this.store.set(state);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.store.save();
    }, DEBOUNCE_MS);
  }

  /** Writes what is pending now (synchronously: the process may be about to end). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.store.saveSync();
  }

  /** Why the session's state could not be saved, to print once the terminal is given back; null when all is on disk. */
  exitMessage(): string | null {
    return this.store.exitMessage();
  }
}
