/**
 * `?`: every key from the key table, and the settings that have no key of
 * their own (learner mode, interface language) as an ink-select-input picker.
 */
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import React, { useMemo, type FC } from 'react';
import type { UiLanguage } from '../i18n/language.js';
import type { CursorUnit, View } from '../state/reader-state.js';
import { displayWidth, padEnd, truncate } from '../text/display-width.js';
import { KEYMAP, keyLabel } from '../input/keymap.js';
import { useUi } from './ui-context.js';

export type Setting = 'view' | 'learner' | 'language' | 'unit' | 'close';

export interface HelpOverlayProps {
  width: number;
  height: number;
  view: View;
  learner: boolean;
  unit: CursorUnit;
  /** First row of the key list shown (PgDn/PgUp scroll it). */
  scroll: number;
  onSetting: (setting: Setting) => void;
}

const Indicator: FC<{ isSelected?: boolean }> = ({ isSelected = false }) => {
  const { theme } = useUi();
  return <Text {...theme.accent}>{isSelected ? `${theme.marker} ` : '  '}</Text>;
};

const Item: FC<{ isSelected?: boolean; label: string }> = ({ isSelected = false, label }) => {
  const { theme } = useUi();
  // A label longer than a narrow window is cut, not wrapped under the marker.
  return (
    <Text {...(isSelected ? theme.focus : {})} wrap="truncate-end">
      {label}
    </Text>
  );
};

/** Rows of the key list: "keys  description". */
export function keyLines(describe: (key: string) => string): { keys: string; text: string }[] {
  return KEYMAP.map((b) => ({ keys: b.keys.map(keyLabel).join(' '), text: describe(b.description) }));
}

export function HelpOverlay(props: HelpOverlayProps) {
  const { t, language, theme } = useUi();
  const items = useMemo(() => {
    // A narrow window cuts a setting's name, never its value.
    const room = Math.max(1, props.width - 2);
    const setting = (name: string, value: string) => {
      const full = `${name}: ${value}`;
      return displayWidth(full) <= room ? full : `${truncate(name, Math.max(1, room - displayWidth(value) - 2))}: ${value}`;
    };
    const list: { key: string; value: Setting; label: string }[] = [
      { key: 'view', value: 'view', label: setting(t('ui.help.view'), t(`ui.view.${props.view}`)) },
      { key: 'learner', value: 'learner', label: setting(t('ui.help.learner'), props.learner ? t('ui.help.on') : t('ui.help.off')) },
      { key: 'unit', value: 'unit', label: setting(t('ui.help.unit'), t(`ui.help.unit_${props.unit}`)) },
      { key: 'language', value: 'language', label: setting(t('ui.help.language'), languageName(language)) },
      { key: 'close', value: 'close', label: truncate(t('ui.help.close'), room) },
    ];
    return list;
  }, [t, language, props.view, props.learner, props.unit, props.width]);
  const lines = keyLines((k) => t(k as 'keys.down'));
  const keyWidth = Math.max(...lines.map((l) => l.keys.length)) + 2;
  const textWidth = Math.max(...lines.map((l) => displayWidth(l.text)));
  // As many columns as fit with every description whole; one column (descriptions cut) when none do.
  const perRow = Math.max(1, Math.floor((props.width + 2) / (keyWidth + textWidth + 2)));
  const columnWidth = perRow > 1 ? keyWidth + textWidth : props.width;
  // Rows left under the title, the settings and the "Keys" heading.
  const available = Math.max(1, props.height - items.length - 2);
  const rows = Math.ceil(lines.length / perRow);
  const more = rows > available;
  const shownRows = Math.max(1, more ? available - 1 : rows);
  const first = Math.max(0, Math.min(props.scroll, rows - shownRows));
  const grid: string[] = [];
  for (let r = first; r < first + shownRows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const line = lines[c * rows + r];
      if (line) cells.push(padEnd(truncate(`${padEnd(line.keys, keyWidth)}${line.text}`, columnWidth), columnWidth));
    }
    grid.push(cells.join('  ').trimEnd());
  }
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text {...theme.heading}>{truncate(t('ui.help.title'), props.width)}</Text>
      <SelectInput items={items} indicatorComponent={Indicator} itemComponent={Item} onSelect={(item) => props.onSetting(item.value)} />
      <Text {...theme.muted}>{truncate(t('ui.help.keysHeading'), props.width)}</Text>
      {grid.map((line, i) => (
        <Text key={i} wrap="truncate-end">{truncate(line, props.width)}</Text>
      ))}
      {more && (
        <Text {...theme.muted}>{truncate(t('ui.help.more', { from: first + 1, to: first + shownRows, total: rows }), props.width)}</Text>
      )}
    </Box>
  );
}

export function languageName(language: UiLanguage): string {
  return language === 'de' ? 'Deutsch' : 'English';
}
