/**
 * The running program: holds the state, applies every message with
 * `update`, hands the effects to the runner, and tells the screen when the
 * state changed. Messages are applied at once and in order; the screen is
 * told once per turn of the event loop, so a burst of keys is one frame.
 */
import type { AppState } from '../state/app-state.js';
import type { Effect, Msg } from '../state/messages.js';
import { update } from '../state/update.js';

/** Runs one effect; what it finds is sent back as messages. */
export type EffectRunner = (effect: Effect, send: (msg: Msg) => void) => void;

export class Program {
  private state: AppState;
  private readonly listeners = new Set<() => void>();
  private told = true;

  constructor(
    initial: AppState,
    private readonly runner: EffectRunner,
    private readonly later: (fn: () => void) => void = (fn) => void setImmediate(fn),
  ) {
    this.state = initial;
  }

  readonly getState = (): AppState => this.state;

  /** Calls `listener` after the state changed (at most once per turn of the event loop). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly send = (msg: Msg): void => {
    const [next, effects] = update(this.state, msg);
    const changed = next !== this.state;
    this.state = next;
    for (const effect of effects) this.runner(effect, this.send);
    if (changed && this.told) {
      this.told = false;
      this.later(() => {
        this.told = true;
        for (const listener of this.listeners) listener();
      });
    }
  };
}
