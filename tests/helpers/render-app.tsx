/** Renders the whole reader app on a library folder, with a fixed terminal size and key helpers. */
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import React, { act, useState } from 'react';
import { openLibrary } from '../../src/content/load-library.js';
import { listLibrary } from '../../src/content/load-library.js';
import type { UiLanguage } from '../../src/i18n/language.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { emptyState, type StoredState } from '../../src/storage/reading-state.js';
import { App } from '../../src/ui/app.js';
import type { Externals } from '../../src/runtime/externals.js';
import { themeFor } from '../../src/ui/theme.js';
import { UiProvider } from '../../src/ui/ui-context.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
} as const;

export interface RenderAppOptions {
  library: string;
  columns?: number;
  rows?: number;
  language?: UiLanguage;
  colour?: boolean;
  stored?: StoredState;
  externals?: Partial<Externals>;
}

export interface AppHarness {
  frame: () => string;
  press: (...keys: string[]) => Promise<void>;
  resize: (columns: number, rows: number) => Promise<void>;
  saved: () => StoredState;
  calls: { openUrl: string[]; edit: number[] };
  unmount: () => void;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits until the frame satisfies `check` (or fails with the last frame). */
export async function waitFor(harness: { frame: () => string }, check: (frame: string) => boolean, what = 'frame'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check(harness.frame())) return;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
  }
  throw new Error(`timed out waiting for ${what}; last frame:\n${harness.frame()}`);
}

export async function renderApp(o: RenderAppOptions): Promise<AppHarness> {
  const opened = await openLibrary(o.library);
  if (!opened.ok) throw new Error(opened.message);
  const root = opened.root;
  const entries = await listLibrary(root);
  let saved = o.stored ?? emptyState();
  const calls = { openUrl: [] as string[], edit: [] as number[] };
  const externals: Externals = {
    openUrl: (url) => {
      calls.openUrl.push(url);
      return Promise.resolve({ ok: true, message: `opened ${url}` });
    },
    editParagraph: (_article, index) => {
      calls.edit.push(index);
      return Promise.resolve({ ok: true, message: 'edited' });
    },
    ...o.externals,
  };
  function Root() {
    const [language, setLanguage] = useState<UiLanguage>(o.language ?? 'en');
    const t = React.useMemo(() => createTranslator(language), [language]);
    return (
      <UiProvider value={{ t, language, theme: themeFor(o.colour ?? true) }}>
        <App
          root={root}
          libraryName="test-library"
          entries={entries}
          stored={saved}
          save={(s) => {
            saved = s;
          }}
          relist={() => listLibrary(root)}
          externals={externals}
          setLanguage={setLanguage}
        />
      </UiProvider>
    );
  }
  let instance!: ReturnType<typeof render>;
  await act(async () => {
    instance = render(<Root />);
    await tick();
  });
  const setSize = (columns: number, rows: number) => {
    Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(instance.stdout, 'rows', { value: rows, configurable: true });
  };
  setSize(o.columns ?? 120, o.rows ?? 40);
  await act(async () => {
    instance.stdout.emit('resize');
    await tick();
  });
  const harness: AppHarness = {
    // What a person sees: the text without its colour and style codes.
    frame: () => stripVTControlCharacters(instance.lastFrame() ?? ''),
    press: async (...keys) => {
      for (const key of keys) {
        await act(async () => {
          instance.stdin.write(key);
          await tick();
        });
      }
      await act(async () => {
        await tick();
      });
    },
    resize: async (columns, rows) => {
      setSize(columns, rows);
      await act(async () => {
        instance.stdout.emit('resize');
        await tick();
      });
    },
    saved: () => saved,
    calls,
    unmount: () => {
      act(() => instance.unmount());
    },
  };
  return harness;
}
