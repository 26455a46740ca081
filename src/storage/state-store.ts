/**
 * The reader's remembered state as one owner: the latest state in memory, written to the state
 * folder when asked. A write that fails (a read-only or full disk, a folder in the way, another
 * writer holding the lock too long) loses nothing: the state stays in memory, marked unsaved,
 * and the next save tries again with everything since the last good one. Every change between
 * "saved" and "not saved" is reported once, as a one-line message in the interface language.
 */
import { errorReason } from '../i18n/error-reason.js';
import type { Translate } from '../i18n/translate.js';
import { showControls } from '../text/sanitize.js';
import { saveState, saveStateSync, type StoredState } from './reading-state.js';

/** What the last save did. `message` is one line, translated and safe to print. */
export type SaveStatus =
  | { ok: true; message?: string }
  | { ok: false; message: string; code: string };

export interface StateStoreOptions {
  dir: string;
  /** The state loaded at start (loadState). */
  initial: StoredState;
  t: Translate;
  /**
   * Called when saving starts failing (ok: false, with the message to show at once), and when
   * it works again after failing (ok: true, with a message saying so). Not called for every
   * successful save.
   */
  onStatus?: (status: SaveStatus) => void;
}

/** Keeps the state in memory and writes it, retrying after a failure on the next save. */
export class StateStore {
  private latest: StoredState;
  private dirty = false;
  private lastFailure: { message: string; code: string; cause: unknown } | null = null;
  private writing: Promise<SaveStatus> | null = null;

  constructor(private readonly o: StateStoreOptions) {
    this.latest = o.initial;
  }

  /** The newest state, saved or not. */
  get state(): StoredState {
    return this.latest;
  }

  /** True while changes exist that are not on disk (never written, or the last write failed). */
  get unsaved(): boolean {
    return this.dirty;
  }

  /** The message of the last failed save while it is still failing, else null. */
  get failure(): string | null {
    return this.lastFailure?.message ?? null;
  }

  /** Replaces the state in memory; it is written by the next save(). */
  set(state: StoredState): void {
    this.latest = state;
    this.dirty = true;
  }

  /** Writes the state (merged with what other readers wrote) if it changed; never throws. */
  async save(): Promise<SaveStatus> {
    // One write at a time: a second save waits for the first, then writes what is newest.
    while (this.writing) await this.writing;
    if (!this.dirty) return this.status();
    const state = this.latest;
    this.dirty = false;
    this.writing = saveState(this.o.dir, state).then(
      () => this.succeeded(),
      (cause: unknown) => this.failed(cause),
    );
    try {
      return await this.writing;
    } finally {
      this.writing = null;
    }
  }

  /** The same, synchronously: the last write while the process exits. */
  saveSync(): SaveStatus {
    if (!this.dirty) return this.status();
    this.dirty = false;
    try {
      saveStateSync(this.o.dir, this.latest);
      return this.succeeded();
    } catch (cause) {
      return this.failed(cause);
    }
  }

  /**
   * The line to print after the terminal is given back when the session's state could not be
   * saved, or null when everything is on disk.
   */
  exitMessage(): string | null {
    if (!this.dirty || !this.lastFailure) return null;
    const { t } = this.o;
    return t('safety.state.lostOnExit', { dir: showControls(this.o.dir), reason: errorReason(this.lastFailure.cause, t) });
  }

  private status(): SaveStatus {
    return this.lastFailure ? { ok: false, message: this.lastFailure.message, code: this.lastFailure.code } : { ok: true };
  }

  private succeeded(): SaveStatus {
    if (!this.lastFailure) return { ok: true };
    this.lastFailure = null;
    const status: SaveStatus = { ok: true, message: this.o.t('safety.state.savedAgain', { dir: showControls(this.o.dir) }) };
    this.o.onStatus?.(status);
    return status;
  }

  private failed(cause: unknown): SaveStatus {
    // Changes made while the write ran are in `latest` too: all of it is written next time.
    this.dirty = true;
    const { t } = this.o;
    const code = String((cause as NodeJS.ErrnoException | undefined)?.code ?? 'EIO');
    const message = t('safety.state.notSaved', { dir: showControls(this.o.dir), reason: errorReason(cause, t) });
    const changed = this.lastFailure?.message !== message;
    this.lastFailure = { message, code, cause };
    const status: SaveStatus = { ok: false, message, code };
    if (changed) this.o.onStatus?.(status);
    return status;
  }
}
