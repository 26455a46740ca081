/** Writing the remembered state: at most twice a second while reading, and once more, synchronously, on the way out. */
import { saveStateSync, type StoredState } from '../storage/reading-state.js';

const DEBOUNCE_MS = 500;

export class StateWriter {
  private latest: StoredState | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly dir: string) {}

  /** Remembers `state`; written within half a second. */
  save(state: StoredState): void {
    this.latest = state;
    this.timer ??= setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  /** Writes what is pending now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const state = this.latest;
    if (!state) return;
    this.latest = null;
    try {
      saveStateSync(this.dir, state);
    } catch {
      // Losing a position is better than crashing on the way out.
    }
  }
}
