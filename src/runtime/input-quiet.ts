/**
 * When the user last pressed a key, and a wait for a pause in the keys. Background work on the
 * main thread (the check of a large library's files behind a list taken from the index) awaits
 * it between its slices: while keys are coming it stands still, so it never sits between a key
 * and its frame (the frame of a key is drawn a turn or two of the event loop after the key,
 * and each turn could otherwise run one of its slices first).
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

/** How long after the last key the background work goes on (longer than key repeat's gaps). */
export const QUIET_MS = 150;

export class InputQuiet {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly quietMs = QUIET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A key came. */
  readonly noteInput = (): void => {
    this.last = this.now();
  };

  /** Resolves on a later turn of the event loop, once no key has come for `quietMs`. */
  readonly wait = async (): Promise<void> => {
    await nextTurn();
    for (let left = this.last + this.quietMs - this.now(); left > 0; left = this.last + this.quietMs - this.now()) await sleep(left, undefined, { ref: false });
  };
}
