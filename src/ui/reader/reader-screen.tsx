/** The reader: header, German and English columns with one cursor, facts panel, status bar. */
import { Box, Text } from 'ink';
import React, { useMemo } from 'react';
import type { Article } from '../../content/article.js';
import { formatPublished } from '../../i18n/format-date.js';
import type { AlignedParagraph } from '../../content/aligned-article.js';
import { factsAtCursor, marksFor as computeMarks } from '../../layout/reader-marks.js';
import type { ScreenLayout } from '../../layout/screen-layout.js';
import { cursorRows, panelHasKeys, type ReaderState } from '../../state/reader-state.js';
import { truncate, padEnd } from '../../text/display-width.js';
import { SearchLine } from '../search-line.js';
import { useUi } from '../ui-context.js';
import { CompanionLine } from './companion-line.js';
import { FactsPanel } from './facts-panel.js';
import { StatusBar } from './status-bar.js';
import { TextRows, type MarksFor } from './text-rows.js';
import type { ReaderRowsLayout } from './use-reader-rows.js';

export interface ReaderScreenProps {
  article: Article;
  paragraphs: readonly AlignedParagraph[];
  state: ReaderState;
  layout: ScreenLayout;
  rowsLayout: ReaderRowsLayout;
  /** A passing message for the status bar. */
  notice: string | null;
}

export function ReaderScreen({ article, paragraphs, state, layout, rowsLayout, notice }: ReaderScreenProps) {
  const { t, language, theme } = useUi();
  const langs = layout.columns.map((c) => c.lang);
  const { rows, textRows, companion, searchRows } = rowsLayout;

  const conceal = state.learner && langs.includes('en');
  const marksFor: MarksFor = (p, lang) => computeMarks({ state, paragraphs, facts: article.facts, conceal }, p, lang);
  const { cursor, unit } = state;
  const current = useMemo(() => new Set(factsAtCursor(article.facts, paragraphs, { cursor, unit })), [article.facts, paragraphs, cursor, unit]);

  // The title in the reading language: German only in the German view.
  const title = langs.length === 1 && langs[0] === 'de' ? article.meta.title : (article.english?.title ?? article.meta.title);
  const header = `${article.meta.source} · ${formatPublished(article.meta.published, language)} · ${title}`;
  const statusLabel = t(`ui.status.${article.translation}`);
  const headings = layout.columns.map((c) => (c.lang === 'de' ? t('ui.reader.germanHeading') : t('ui.reader.englishHeading', { status: statusLabel })));
  const panelShown = layout.panel.mode !== 'hidden' && state.panel.open;
  const overlay = panelShown && layout.panel.mode === 'overlay';
  const panel = panelShown ? (
    <FactsPanel
      facts={article.facts}
      glossary={article.glossary}
      factsErrors={article.factsErrors}
      tab={state.panel.tab}
      focused={panelHasKeys(state, overlay)}
      selected={state.panel.selected}
      width={overlay ? layout.width : layout.panel.width}
      height={layout.textRows + 1}
      view={langs.length === 1 ? (langs[0] ?? 'de') : 'both'}
      current={current}
    />
  ) : null;

  return (
    <Box flexDirection="column" width={layout.width}>
      <Text {...theme.heading} wrap="truncate-end">{truncate(header, layout.width)}</Text>
      <Box flexDirection="row">
        {overlay ? (
          panel
        ) : (
          <>
            <Box flexDirection="column" width={layout.width - (panelShown ? layout.panel.width : 0)}>
              <Text {...theme.muted} wrap="truncate-end">
                {layout.columns.map((c, i) => `${i > 0 ? ' │ ' : ''}  ${padEnd(headings[i] ?? '', c.width)}`).join('')}
              </Text>
              {article.paragraphs.length === 0 ? (
                <Box height={textRows}><Text {...theme.muted}>{t('ui.reader.noParagraphs')}</Text></Box>
              ) : (
                <TextRows
                  rows={rows.rows}
                  paragraphs={paragraphs}
                  columns={layout.columns}
                  scrollTop={state.scrollTop}
                  height={textRows}
                  focusRows={cursorRows(state)}
                  marksFor={marksFor}
                />
              )}
              {companion > 0 && (
                <CompanionLine
                  paragraphs={paragraphs}
                  state={state}
                  shown={langs[0] ?? 'de'}
                  width={layout.columns[0]?.width ?? 40}
                  rows={companion}
                />
              )}
              {searchRows > 0 && <SearchLine field={state.search} width={layout.width - (panelShown ? layout.panel.width : 0)} />}
            </Box>
            {panel}
          </>
        )}
      </Box>
      <StatusBar article={article} paragraphs={paragraphs} state={state} layout={layout} notice={notice} />
    </Box>
  );
}
