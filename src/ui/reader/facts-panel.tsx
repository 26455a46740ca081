/**
 * The key-facts panel with its glossary tab. Lists are ink-select-input:
 * short, wrap-around lists are what it is good at; highlighting a fact moves
 * the reader's cursor to the sentence it cites.
 */
import path from 'node:path';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import React, { useMemo, type FC } from 'react';
import { showDiagnostic, type Diagnostic } from '../../content/diagnostic.js';
import type { Fact, GlossaryEntry } from '../../content/schema.js';
import type { PanelTab, View } from '../../state/reader-state.js';
import { truncate } from '../../text/display-width.js';
import { useUi } from '../ui-context.js';

export interface FactsPanelProps {
  facts: readonly Fact[];
  glossary: readonly GlossaryEntry[];
  /** Why facts.yaml could not be used: shown in place of the lists. */
  factsErrors?: readonly Diagnostic[];
  tab: PanelTab;
  focused: boolean;
  selected: number;
  width: number;
  height: number;
  view: View;
  /** Facts citing the unit under the cursor (marked when the panel is not focused). */
  current: ReadonlySet<number>;
  onHighlight: (index: number) => void;
  onSelect: (index: number) => void;
}

function pick(text: { de: string; en?: string | undefined }, view: View): string {
  return view === 'de' ? text.de : (text.en ?? text.de);
}

function makeItem(width: number, focused: boolean): FC<{ isSelected?: boolean; label: string }> {
  return function PanelItem({ isSelected = false, label }) {
    const { theme } = useUi();
    const [first = '', second = ''] = label.split('\n');
    const style = isSelected && focused ? theme.focus : {};
    return (
      <Box flexDirection="column">
        <Text {...style} bold={isSelected} wrap="truncate-end">{truncate(first, width)}</Text>
        {second !== '' && <Text {...theme.muted} wrap="truncate-end">{truncate(`  ${second}`, width)}</Text>}
      </Box>
    );
  };
}

function makeIndicator(focused: boolean): FC<{ isSelected?: boolean }> {
  return function PanelIndicator({ isSelected = false }) {
    const { theme } = useUi();
    return <Text {...theme.accent}>{isSelected && focused ? `${theme.marker} ` : '  '}</Text>;
  };
}

export function FactsPanel(props: FactsPanelProps) {
  const { t, theme } = useUi();
  const { facts, glossary, tab, view, width, current } = props;
  const inner = Math.max(8, width - 4);
  const items = useMemo(
    () =>
      tab === 'facts'
        ? facts.map((f, i) => ({
            key: `f${i}`,
            value: i,
            label: `${current.has(i) ? '• ' : ''}${pick(f.label, view)}${f.confirmed ? '' : ' ?'}\n${pick(f.value, view)}`,
          }))
        : glossary.map((g, i) => ({ key: `g${i}`, value: i, label: `${g.de} — ${g.en}\n${g.note ?? ''}` })),
    [tab, facts, glossary, view, current],
  );
  const Item = useMemo(() => makeItem(inner, props.focused), [inner, props.focused]);
  const Indicator = useMemo(() => makeIndicator(props.focused), [props.focused]);
  const limit = Math.max(1, Math.floor((props.height - 2) / 2));
  const tabs = (
    <Text wrap="truncate-end">
      <Text {...(tab === 'facts' ? theme.heading : theme.muted)} underline={tab === 'facts'}>{t('ui.panel.facts')}</Text>
      <Text {...theme.muted}> · </Text>
      <Text {...(tab === 'glossary' ? theme.heading : theme.muted)} underline={tab === 'glossary'}>{t('ui.panel.glossary')}</Text>
    </Text>
  );
  // Both tabs come from facts.yaml: when it is broken, each says so (the file's name is enough in a narrow panel).
  const broken = props.factsErrors?.[0];
  const empty = broken
    ? t('ui.panel.factsBroken', { error: showDiagnostic({ ...broken, file: path.basename(broken.file) }) })
    : tab === 'facts'
      ? t('ui.panel.noFacts')
      : t('ui.panel.noGlossary');
  return (
    <Box flexDirection="column" width={width} height={props.height} borderStyle="single" borderColor={props.focused ? theme.accent.color : theme.border} borderTop={false} borderBottom={false} borderRight={false} paddingLeft={1}>
      {tabs}
      {items.length === 0 ? (
        <Box height={Math.max(1, props.height - 1)} overflow="hidden">
          <Text {...(broken ? theme.warning : theme.muted)}>{empty}</Text>
        </Box>
      ) : (
        <SelectInput
          key={`${tab}:${props.focused ? 'f' : 'u'}`}
          items={items}
          limit={limit}
          initialIndex={Math.min(props.selected, items.length - 1)}
          isFocused={props.focused}
          itemComponent={Item}
          indicatorComponent={Indicator}
          onHighlight={(item) => props.onHighlight(item.value)}
          onSelect={(item) => props.onSelect(item.value)}
        />
      )}
    </Box>
  );
}
