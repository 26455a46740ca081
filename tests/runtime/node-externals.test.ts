import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserCommand, editorCommand, nodeExternals } from '../../src/runtime/node-externals.js';
import { createTranslator } from '../../src/i18n/translate.js';

describe('the browser command', () => {
  it('takes $BROWSER (its first command; %s for the URL) before the platform opener', () => {
    const url = 'https://example.org/a?b=1&c=2';
    expect(browserCommand({ BROWSER: 'firefox' }, url)).toEqual(['firefox', url]);
    expect(browserCommand({ BROWSER: ' :lynx -dump %s:w3m' }, url)).toEqual(['lynx', '-dump', url]);
    expect(browserCommand({}, url)).toHaveLength(2);
    expect(browserCommand({}, url)[1]).toBe(url);
  });

  it('starts $BROWSER with the URL as one argument, never through a shell', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsbridge-browser-'));
    const log = path.join(dir, 'args');
    const script = path.join(dir, 'browser.sh');
    writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\n`);
    chmodSync(script, 0o755);
    const externals = nodeExternals({ root: { real: dir }, t: createTranslator('en'), env: { BROWSER: script }, suspend: () => {}, resume: () => {} });
    const url = 'https://example.org/x?a=1&b=$(touch pwned)';
    const result = await externals.openUrl(url);
    expect(result.ok).toBe(true);
    for (let i = 0; i < 50 && !readable(log); i++) await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(log, 'utf8')).toBe(`${url}\n`);
  });

  it('splits $VISUAL or $EDITOR on spaces, vi by default', () => {
    expect(editorCommand({ EDITOR: 'code -w' })).toEqual(['code', '-w']);
    expect(editorCommand({ VISUAL: 'nano', EDITOR: 'vim' })).toEqual(['nano']);
    expect(editorCommand({})).toEqual(['vi']);
  });
});

function readable(file: string): boolean {
  try {
    return readFileSync(file, 'utf8').length > 0;
  } catch {
    return false;
  }
}
