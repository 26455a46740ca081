/**
 * The program's loop in the moments before Ink and React are up. The first
 * frame is on screen then, drawn without them; keys that only move through
 * it (and the rest of a library still being read) are applied here with the
 * same `update` and drawn with the same frame function, so the list answers
 * from its first frame. The first message that asks for an effect (opening an
 * article, quitting, saving a setting) is kept, with everything after it, for
 * the program, which takes over the state reached.
 */
import type { AppState } from '../state/app-state.js';
import type { Msg } from '../state/messages.js';
import { settle } from '../state/settle.js';
import { update } from '../state/update.js';
import type { SessionHandlers } from '../terminal/session.js';

export class EarlyLoop {
  private held: Msg[] = [];
  private ended = false;
  private lastSent = performance.now();
  private needed: (() => void) | null = null;

  private state: AppState;

  constructor(
    first: AppState,
    private readonly draw: (state: AppState) => void,
  ) {
    // Laid out for the screen (the list's page size) as the program's states are.
    this.state = settle(first);
  }

  /** Applies `msg` when it needs nothing but a new frame and nothing waits before it; else keeps it for the program. */
  send(msg: Msg): void {
    if (this.ended) return;
    if (msg.type === 'key') this.lastSent = performance.now();
    if (this.held.length === 0) {
      const [next, effects] = update(this.state, msg);
      if (effects.length === 0 && !next.quitting) {
        if (next !== this.state) {
          this.state = next;
          this.draw(next);
        }
        return;
      }
    }
    this.held.push(msg);
    this.needed?.();
  }

  /**
   * Resolves when the program is needed: a message waits for it, no key came for `quietMs`, or
   * `mostMs` have passed. Starting Ink takes the main thread for a while (loading, the first
   * render), so it starts when the keys pause, not between two of them.
   */
  whenNeeded(quietMs: number, mostMs: number): Promise<void> {
    const started = performance.now();
    return new Promise((resolve) => {
      const check = () => {
        const now = performance.now();
        if (this.held.length > 0 || now - this.lastSent >= quietMs || now - started >= mostMs) {
          clearTimeout(timer);
          this.needed = null;
          resolve();
          return;
        }
        timer = setTimeout(check, Math.min(quietMs - (now - this.lastSent), mostMs - (now - started)));
      };
      let timer = setTimeout(check, 0);
      this.needed = check;
    });
  }

  /** What the terminal session hands this loop until the program attaches. */
  handlers(describeCrash: (cause: unknown) => string): SessionHandlers {
    return {
      keys: (keys, at) => {
        for (const key of keys) this.send({ type: 'key', key, at });
      },
      resize: (columns, rows) => this.send({ type: 'resize', columns, rows }),
      redraw: () => this.draw(this.state),
      // Nothing is written yet that a sudden end could lose.
      beforeExit: () => undefined,
      describeCrash,
    };
  }

  /** Hands over: the state reached, and the messages the program must still take, in order. Later sends are ignored. */
  finish(): { state: AppState; held: readonly Msg[] } {
    this.ended = true;
    return { state: this.state, held: this.held };
  }
}
