// The floor of this stack: an empty Ink app, bundled the way newsbridge is.
import { Text, render, useApp, useInput } from 'ink';
import React from 'react';

function Hello() {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return <Text>Hello from Ink</Text>;
}

render(<Hello />);
