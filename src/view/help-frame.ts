/** `?`: the settings that have no key of their own (a picker), then every key from the key table. */
import type { UiLanguage } from '../i18n/language.js';
import type { Translate } from '../i18n/translate.js';
import { KEYMAP, keyLabel, type Binding } from '../input/keymap.js';
import { seg, type StyledLine } from '../layout/styled-line.js';
import type { HelpModel } from '../state/app-state.js';
import { SETTINGS } from '../state/help-update.js';
import type { ReaderPrefs } from '../state/reader-state.js';
import { displayWidth, padEnd, truncate } from '../text/display-width.js';
import { textLine, toHeight } from './lines.js';
import type { Theme } from './theme.js';

/** Rows of the key list: "keys  description". */
export function keyLines(describe: (key: string) => string, keymap: readonly Binding[] = KEYMAP): { keys: string; text: string }[] {
  return keymap.map((b) => ({ keys: b.keys.map(keyLabel).join(' '), text: describe(b.description) }));
}

export function languageName(language: UiLanguage): string {
  return language === 'de' ? 'Deutsch' : 'English';
}

export interface HelpFrameInput {
  help: HelpModel;
  prefs: ReaderPrefs;
  keymap: readonly Binding[];
  language: UiLanguage;
  width: number;
  height: number;
  t: Translate;
  theme: Theme;
}

export function helpFrame(o: HelpFrameInput): StyledLine[] {
  const { t, theme, width, prefs } = o;
  // A narrow window cuts a setting's name, never its value.
  const room = Math.max(1, width - 2);
  const setting = (name: string, value: string) => {
    const full = `${name}: ${value}`;
    return displayWidth(full) <= room ? full : `${truncate(name, Math.max(1, room - displayWidth(value) - 2))}: ${value}`;
  };
  const labels: Record<(typeof SETTINGS)[number], string> = {
    view: setting(t('ui.help.view'), t(`ui.view.${prefs.view}`)),
    learner: setting(t('ui.help.learner'), prefs.learner ? t('ui.help.on') : t('ui.help.off')),
    unit: setting(t('ui.help.unit'), t(`ui.help.unit_${prefs.unit}`)),
    language: setting(t('ui.help.language'), languageName(o.language)),
    close: truncate(t('ui.help.close'), room),
  };
  const settings: StyledLine[] = SETTINGS.map((name, i) => {
    const chosen = i === o.help.selected;
    return [seg(chosen ? `${theme.marker} ` : '  ', theme.accent), seg(truncate(labels[name], room), chosen ? theme.focus : {})];
  });
  const lines = keyLines((k) => t(k as 'keys.down'), o.keymap);
  const keyWidth = Math.max(...lines.map((l) => l.keys.length)) + 2;
  const textWidth = Math.max(...lines.map((l) => displayWidth(l.text)));
  // As many columns as fit with every description whole; one column (descriptions cut) when none do.
  const perRow = Math.max(1, Math.floor((width + 2) / (keyWidth + textWidth + 2)));
  const columnWidth = perRow > 1 ? keyWidth + textWidth : width;
  // Rows left under the title, the settings and the "Keys" heading.
  const available = Math.max(1, o.height - settings.length - 2);
  const rows = Math.ceil(lines.length / perRow);
  const more = rows > available;
  const shownRows = Math.max(1, more ? available - 1 : rows);
  const first = Math.max(0, Math.min(o.help.scroll, rows - shownRows));
  const grid: StyledLine[] = [];
  for (let r = first; r < first + shownRows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const line = lines[c * rows + r];
      if (line) cells.push(padEnd(truncate(`${padEnd(line.keys, keyWidth)}${line.text}`, columnWidth), columnWidth));
    }
    grid.push(textLine(cells.join('  ').trimEnd(), width));
  }
  return toHeight(
    [
      textLine(t('ui.help.title'), width, theme.heading),
      ...settings,
      textLine(t('ui.help.keysHeading'), width, theme.muted),
      ...grid,
      ...(more ? [textLine(t('ui.help.more', { from: first + 1, to: first + shownRows, total: rows }), width, theme.muted)] : []),
    ],
    o.height,
  );
}
