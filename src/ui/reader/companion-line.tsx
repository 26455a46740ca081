/**
 * With one language on screen, the other language's text of the focused
 * sentence is shown under the column, so the cursor still moves through both.
 */
import { Box, Text } from 'ink';
import React from 'react';
import type { AlignedParagraph } from '../../content/aligned-article.js';
import type { Column } from '../../layout/reader-rows.js';
import type { ScreenLayout } from '../../layout/screen-layout.js';
import type { ReaderState } from '../../state/reader-state.js';
import { wrapText } from '../../text/wrap.js';
import { useUi } from '../ui-context.js';

/** Rows given to the companion text (a separator plus up to three lines). */
export function companionRows(layout: ScreenLayout): number {
  return layout.textRows >= 14 ? 4 : layout.textRows >= 8 ? 2 : 0;
}

export function CompanionLine(props: { paragraphs: readonly AlignedParagraph[]; state: ReaderState; shown: Column; width: number; rows: number }) {
  const { t, theme } = useUi();
  const { state, paragraphs } = props;
  const other: Column = props.shown === 'de' ? 'en' : 'de';
  const paragraph = paragraphs[state.cursor.paragraph];
  let text = '';
  if (paragraph) {
    const source = other === 'de' ? paragraph.de : paragraph.en;
    const span = state.unit === 'paragraph' ? { start: 0, end: source.length } : paragraph.units[state.cursor.unit]?.[other];
    text = span ? source.slice(span.start, span.end) : '';
  }
  const hidden = other === 'en' && state.learner && !state.revealed.has(`${state.cursor.paragraph}:${state.cursor.unit}`);
  const label = other === 'de' ? t('ui.reader.companionGerman') : t('ui.reader.companionEnglish');
  let body: string;
  if (hidden) body = t('ui.reader.revealHint');
  else if (text === '') body = other === 'en' ? t('ui.reader.untranslated') : '';
  else body = text;
  const lines = wrapText(body, Math.max(10, props.width)).slice(0, props.rows - 1);
  return (
    <Box flexDirection="column" height={props.rows}>
      <Text {...theme.muted} wrap="truncate-end">{`  ── ${label} ${'─'.repeat(Math.max(0, props.width - label.length - 4))}`}</Text>
      {lines.map((line, i) => (
        <Text key={i} {...(hidden || text === '' ? theme.muted : theme.accent)} wrap="truncate-end">
          {`  ${line.text}${i === props.rows - 2 && lines.length === props.rows - 1 && line.end < body.length ? '…' : ''}`}
        </Text>
      ))}
    </Box>
  );
}
