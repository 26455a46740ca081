import { describe, expect, it } from 'vitest';
import { InputQuiet } from '../../src/runtime/input-quiet.js';

const elapsed = async (wait: () => Promise<void>) => {
  const start = performance.now();
  await wait();
  return performance.now() - start;
};

describe('waiting for a pause in the keys', () => {
  it('goes on at the next turn when no key came', async () => {
    const quiet = new InputQuiet(200);
    expect(await elapsed(quiet.wait)).toBeLessThan(150);
  });

  it('waits until the keys have paused for its time, counting from the last key', async () => {
    const quiet = new InputQuiet(120);
    quiet.noteInput();
    const waiting = elapsed(quiet.wait);
    await new Promise((resolve) => setTimeout(resolve, 60));
    quiet.noteInput();
    // 60 ms in, a second key: the pause counts from it, so the wait is at least 60 + 120 ms.
    expect(await waiting).toBeGreaterThanOrEqual(175);
  });
});
