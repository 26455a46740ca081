/** Turns an exception during rendering into a readable message and a clean exit. */
import { Box, Text } from 'ink';
import React, { Component, type ReactNode } from 'react';
import { sanitise } from '../text/sanitize.js';

interface Props {
  children: ReactNode;
  /** Called once with the error, so the program can restore the terminal and exit. */
  onError: (error: Error) => void;
  message: string;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    this.props.onError(error);
  }

  override render() {
    if (this.state.error) {
      return (
        <Box flexDirection="column">
          <Text bold>{this.props.message}</Text>
          <Text>{sanitise(this.state.error.message)}</Text>
        </Box>
      );
    }
    return this.props.children;
  }
}
