/**
 * With one language on screen, the other language's text of the focused
 * sentence is shown under the column, so the cursor still moves through both.
 */
import type { AlignedParagraph } from '../content/aligned-article.js';
import type { Translate } from '../i18n/translate.js';
import type { Column } from '../layout/reader-rows.js';
import { seg, type StyledLine } from '../layout/styled-line.js';
import type { ReaderState } from '../state/reader-state.js';
import { wrapText } from '../text/wrap.js';
import { toHeight } from './lines.js';
import type { Theme } from './theme.js';

export interface CompanionInput {
  paragraphs: readonly AlignedParagraph[];
  state: Pick<ReaderState, 'cursor' | 'unit' | 'learner' | 'revealed'>;
  /** The language of the column on screen. */
  shown: Column;
  width: number;
  rows: number;
  t: Translate;
  theme: Theme;
}

export function companionLines(o: CompanionInput): StyledLine[] {
  const { state, paragraphs, t, theme } = o;
  const other: Column = o.shown === 'de' ? 'en' : 'de';
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
  const lines = wrapText(body, Math.max(10, o.width)).slice(0, o.rows - 1);
  const style = hidden || text === '' ? theme.muted : theme.accent;
  return toHeight(
    [
      [seg(`  ── ${label} ${'─'.repeat(Math.max(0, o.width - label.length - 4))}`, theme.muted)],
      ...lines.map((line, i) => [seg(`  ${line.text}${i === o.rows - 2 && lines.length === o.rows - 1 && line.end < body.length ? '…' : ''}`, style)]),
    ],
    o.rows,
  );
}
