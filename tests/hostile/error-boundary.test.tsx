/** The root error boundary: a render that throws becomes a readable message and one onError call. */
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/error-boundary.js';

function Thrower({ message }: { message: string }): React.ReactNode {
  throw new Error(message);
}

describe('ErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the message and the error, sanitised, and reports the error once', () => {
    // React reports caught errors on the console; keep the test output clean.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onError = vi.fn<(error: Error) => void>();
    const { lastFrame, unmount } = render(
      <ErrorBoundary message="newsbridge stopped because of an internal error:" onError={onError}>
        <Thrower message={'bad \u001B]0;title\u0007state \u001B[2Jhere\u202E'} />
      </ErrorBoundary>,
    );
    expect(lastFrame()).toBe('newsbridge stopped because of an internal error:\nbad state here');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0].message).toContain('bad');
    unmount();
  });

  it('renders its children when nothing throws', () => {
    const onError = vi.fn<(error: Error) => void>();
    const { lastFrame, unmount } = render(
      <ErrorBoundary message="crashed" onError={onError}>
        <Text>all well</Text>
      </ErrorBoundary>,
    );
    expect(lastFrame()).toBe('all well');
    expect(onError).not.toHaveBeenCalled();
    unmount();
  });
});
