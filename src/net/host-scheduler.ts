/**
 * Politeness for many downloads at once: at most `limit` requests in flight overall and one at
 * a time per host. Hand-written because the usual limiters (p-limit and friends) cap only the
 * total; a per-host queue on top of one is as long as this.
 */
export class HostScheduler {
  private running = 0;
  private readonly busy = new Set<string>();
  private readonly waiting: { host: string; start: () => void }[] = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` when a slot is free overall and no other request to `host` is running. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        this.busy.add(host);
        task().then(resolve, reject).finally(() => {
          this.running--;
          this.busy.delete(host);
          this.next();
        });
      };
      this.waiting.push({ host, start });
      this.next();
    });
  }

  private next(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.limit; ) {
      const entry = this.waiting[i] as { host: string; start: () => void };
      if (this.busy.has(entry.host)) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      entry.start();
    }
  }
}

/** The host (with port) of a URL, as the scheduler keys it; the text itself when it is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
