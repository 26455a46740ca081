/**
 * The terminal's input as Ink should see it: one key at a time.
 *
 * Ink emits every key of one read synchronously, before React has rendered
 * the first key's change and re-attached the input handlers. Keys typed fast
 * (or a slow link, or key repeat) then meet an outdated screen: "/Amazon"
 * opened the search and ran "A", "m", "a", … as commands, and the lists of
 * ink-select-input took "jj" as one unknown key. This stream hands Ink one key
 * at a time instead, each once React has finished with the one before,
 * escape sequences kept whole. Ink's own stdin option takes it; the
 * rest of the program keeps using the real stdin.
 */
import { Readable } from 'node:stream';
import { unstable_IdlePriority as IdlePriority, unstable_scheduleCallback as scheduleCallback } from 'scheduler';

// A whole escape sequence: CSI (ESC [ … final, also ESC [ [ A), SS3 (ESC O x), ESC ESC … (Alt with a
// sequence), or ESC with one character (Alt+key). An ESC at the end of a read stays on its own.
// eslint-disable-next-line no-control-regex
const KEY = /\u001B{1,2}(?:\[\[?[0-?]*[ -/]*[@-~]|O[ -~]|[ -~])?|[\s\S]/gu;

/** Splits what one read of the terminal delivered into keys (characters and whole escape sequences). */
export function splitKeys(chunk: string): string[] {
  return chunk.match(KEY) ?? [];
}

const pacers = new Set<PacedStdin>();
let holds = 0;

/**
 * Holds the keys back while a screen is not ready for them (an article still
 * loading: "Enter j j" typed at once must move in the article, not in the
 * "loading" line before it). Returns the release; keys wait, none is lost.
 */
export function holdInput(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds === 0) for (const pacer of pacers) pacer.wake();
  };
}

export class PacedStdin extends Readable {
  readonly isTTY: boolean;
  private readonly queue: string[] = [];
  private busy = false;
  private listening = false;
  private readonly onData = (chunk: string | Buffer) => {
    this.queue.push(...splitKeys(chunk.toString()));
    this.pump();
  };

  constructor(private readonly source: NodeJS.ReadStream) {
    super({ read() {} });
    this.isTTY = source.isTTY === true;
    source.setEncoding('utf8');
    pacers.add(this);
  }

  /** Goes on handing keys over once nothing holds them. */
  wake(): void {
    this.pump();
  }

  setRawMode(on: boolean): this {
    if (this.source.isTTY) this.source.setRawMode(on);
    return this;
  }

  /** Ink calls ref() when it starts listening: read the terminal from then on. */
  ref(): this {
    if (!this.listening) {
      this.listening = true;
      this.source.on('data', this.onData);
    }
    this.source.resume();
    this.source.ref();
    return this;
  }

  /** …and unref() when nothing listens any more: stop, so the process can end. */
  unref(): this {
    if (this.listening) {
      this.listening = false;
      this.source.off('data', this.onData);
    }
    this.source.pause();
    this.source.unref();
    return this;
  }

  /** Hands on the next key now, unless the one before is still being handled; then once it has been. */
  private pump(): void {
    if (this.busy || holds > 0) return;
    const key = this.queue.shift();
    if (key === undefined) return;
    this.busy = true;
    this.push(key);
    // Ink reads the key on the next tick and React renders its change at once, but re-attaches the
    // input handlers in effects it runs later, from its scheduler: a task of the lowest priority,
    // queued after the key was handled, runs once those effects (and whatever they set off) have run.
    setImmediate(() => {
      scheduleCallback(IdlePriority, () => {
        this.busy = false;
        this.pump();
      });
    });
  }
}
