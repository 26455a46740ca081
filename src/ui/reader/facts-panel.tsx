/**
 * The key-facts panel with its glossary tab: a scrolled list of ours (see
 * src/layout/panel-list.ts for why not ink-select-input). Its keys are the
 * reader's (use-reader-keys.ts): moving through the facts moves the text
 * cursor to the sentence each cites.
 */
import path from 'node:path';
import { Box, Text } from 'ink';
import React, { useMemo, useRef } from 'react';
import { showDiagnostic, type Diagnostic } from '../../content/diagnostic.js';
import type { Fact, GlossaryEntry } from '../../content/schema.js';
import { panelRows, type PanelItem } from '../../layout/panel-list.js';
import type { PanelTab, View } from '../../state/reader-state.js';
import { wrapText } from '../../text/wrap.js';
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
  /** Facts citing the unit under the cursor (marked, and kept in view while the text has the keys). */
  current: ReadonlySet<number>;
}

function pick(text: { de: string; en?: string | undefined }, view: View): string {
  return view === 'de' ? text.de : (text.en ?? text.de);
}

export function FactsPanel(props: FactsPanelProps) {
  const { t, theme } = useUi();
  const { facts, glossary, tab, view, width, current } = props;
  const inner = Math.max(8, width - 4);
  const items = useMemo<PanelItem[]>(
    () =>
      tab === 'facts'
        ? facts.map((f, i) => ({ title: `${current.has(i) ? '• ' : ''}${pick(f.label, view)}${f.confirmed ? '' : ' ?'}`, detail: pick(f.value, view) }))
        : glossary.map((g) => ({ title: `${g.de} — ${g.en}`, detail: g.note ?? '' })),
    [tab, facts, glossary, view, current],
  );
  // While the text has the keys, the list follows the cursor: its first fact is kept in view.
  const following = !props.focused && tab === 'facts' && current.size > 0 ? Math.min(...current) : props.selected;
  const top = useRef(0);
  const list = panelRows(items, following, top.current, inner, Math.max(1, props.height - 1), props.focused);
  top.current = list.top;
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
          <Text {...(broken ? theme.warning : theme.muted)}>{wrapText(empty, inner + 2).map((l) => l.text).join('\n')}</Text>
        </Box>
      ) : (
        <Box flexDirection="column">
          {list.rows.map((row, i) => {
            const chosen = row.item === props.selected && props.focused;
            return (
              <Text key={i} wrap="truncate-end">
                <Text {...theme.accent}>{chosen && row.kind === 'title' ? `${theme.marker} ` : '  '}</Text>
                {row.kind === 'title' ? (
                  <Text {...(chosen ? theme.focus : {})} bold={row.item === props.selected}>{row.text}</Text>
                ) : (
                  <Text {...theme.muted}>{row.text}</Text>
                )}
              </Text>
            );
          })}
        </Box>
      )}
    </Box>
  );
}
