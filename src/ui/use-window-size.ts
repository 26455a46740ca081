/** Terminal size from Ink's stdout, updated on `resize` (Ink 6 has no hook for it). */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface WindowSize {
  columns: number;
  rows: number;
}

export function useWindowSize(): WindowSize {
  const { stdout } = useStdout();
  const read = (): WindowSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
