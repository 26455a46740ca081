import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/cli/color-level.js';

describe('the colour decision', () => {
  it('follows the terminal when nothing is said', () => {
    expect(colorLevel([], { TERM: 'xterm' }, true)).toBe(1);
    expect(colorLevel([], { TERM: 'xterm-256color' }, true)).toBe(2);
    expect(colorLevel([], { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, true)).toBe(3);
    expect(colorLevel([], { TERM: 'dumb' }, true)).toBe(0);
    expect(colorLevel([], { TERM: 'xterm-256color' }, false)).toBe(0);
  });

  it('takes FORCE_COLOR as Node and chalk read it, over the terminal', () => {
    expect(colorLevel([], { FORCE_COLOR: '0', TERM: 'xterm-256color' }, true)).toBe(0);
    expect(colorLevel([], { FORCE_COLOR: 'false' }, true)).toBe(0);
    expect(colorLevel([], { FORCE_COLOR: '' }, false)).toBe(1);
    expect(colorLevel([], { FORCE_COLOR: 'true' }, false)).toBe(1);
    expect(colorLevel([], { FORCE_COLOR: '2' }, false)).toBe(2);
    expect(colorLevel([], { FORCE_COLOR: '3', TERM: 'dumb' }, true)).toBe(3);
    expect(colorLevel([], { FORCE_COLOR: '9' }, false)).toBe(3);
  });

  it('lets --no-color and NO_COLOR win over FORCE_COLOR, as documented', () => {
    expect(colorLevel(['list', '--no-color'], { FORCE_COLOR: '3' }, true)).toBe(0);
    expect(colorLevel([], { NO_COLOR: '1', FORCE_COLOR: '3' }, true)).toBe(0);
    // An empty NO_COLOR is unset (no-color.org); a --no-color after -- is an argument, not the option.
    expect(colorLevel([], { NO_COLOR: '', TERM: 'xterm' }, true)).toBe(1);
    expect(colorLevel(['import', '--', '--no-color'], { TERM: 'xterm' }, true)).toBe(1);
  });
});
