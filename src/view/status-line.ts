/** The reader's bottom line: position, view, mode and the main keys (or a passing message). */
import type { AlignedParagraph } from '../content/aligned-article.js';
import type { Translate } from '../i18n/translate.js';
import type { ScreenLayout } from '../layout/screen-layout.js';
import type { StyledLine } from '../layout/styled-line.js';
import { panelHasKeys, type ReaderState } from '../state/reader-state.js';
import { displayWidth } from '../text/display-width.js';
import { textLine } from './lines.js';
import type { Theme } from './theme.js';

export function statusLine(o: {
  paragraphs: readonly AlignedParagraph[];
  state: ReaderState;
  screen: ScreenLayout;
  notice: string | null;
  t: Translate;
  theme: Theme;
}): StyledLine {
  const { state, paragraphs, screen, t } = o;
  const p = state.cursor.paragraph;
  const units = paragraphs[p]?.units.length ?? 1;
  const parts = [t('ui.status.paragraph', { n: p + 1, total: Math.max(1, paragraphs.length) })];
  if (state.unit === 'sentence') parts.push(t('ui.status.sentence', { n: state.cursor.unit + 1, total: units }));
  const shown = screen.columns.map((c) => c.lang).join('+');
  parts.push(t(`ui.view.${shown === 'de+en' ? 'both' : shown === 'de' ? 'de' : 'en'}`));
  if (state.learner) parts.push(t('ui.status.learner'));
  const keys = panelHasKeys(state, screen.panel.mode === 'overlay')
    ? t(state.panel.tab === 'facts' ? 'ui.status.panelKeys' : 'ui.status.glossaryKeys')
    : state.learner
      ? t('ui.status.learnerKeys')
      : t('ui.status.readerKeys');
  const line = `${parts.join(' · ')} · ${o.notice ?? keys}`;
  // A message that does not fit beside the position gets the whole line: its point is at its end.
  const text = o.notice && displayWidth(line) > screen.width ? o.notice : line;
  return textLine(text, screen.width, o.notice ? o.theme.warning : o.theme.muted);
}
