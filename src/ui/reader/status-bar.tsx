/** Bottom line of the reader: position, view, mode and the main keys (or a passing notice). */
import { Text } from 'ink';
import React from 'react';
import type { Article } from '../../content/article.js';
import type { AlignedParagraph } from '../../content/aligned-article.js';
import type { ScreenLayout } from '../../layout/screen-layout.js';
import { panelHasKeys, type ReaderState } from '../../state/reader-state.js';
import { displayWidth, truncate } from '../../text/display-width.js';
import { useUi } from '../ui-context.js';

export function StatusBar(props: { article: Article; paragraphs: readonly AlignedParagraph[]; state: ReaderState; layout: ScreenLayout; notice: string | null }) {
  const { t, theme } = useUi();
  const { state, paragraphs, layout } = props;
  const p = state.cursor.paragraph;
  const units = paragraphs[p]?.units.length ?? 1;
  const parts = [t('ui.status.paragraph', { n: p + 1, total: Math.max(1, paragraphs.length) })];
  if (state.unit === 'sentence') parts.push(t('ui.status.sentence', { n: state.cursor.unit + 1, total: units }));
  const shown = layout.columns.map((c) => c.lang).join('+');
  parts.push(t(`ui.view.${shown === 'de+en' ? 'both' : shown === 'de' ? 'de' : 'en'}`));
  if (state.learner) parts.push(t('ui.status.learner'));
  const keys = panelHasKeys(state, layout.panel.mode === 'overlay') ? t(state.panel.tab === 'facts' ? 'ui.status.panelKeys' : 'ui.status.glossaryKeys') : state.learner ? t('ui.status.learnerKeys') : t('ui.status.readerKeys');
  const line = `${parts.join(' · ')} · ${props.notice ?? keys}`;
  // A message that does not fit beside the position gets the whole line: its point is at its end.
  const text = props.notice && displayWidth(line) > layout.width ? props.notice : line;
  return (
    <Text {...(props.notice ? theme.warning : theme.muted)} wrap="truncate-end">
      {truncate(text, layout.width)}
    </Text>
  );
}
