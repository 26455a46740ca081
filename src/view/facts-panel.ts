/**
 * The key-facts panel with its glossary tab, as lines: a rule on its left, the
 * tabs, then the scrolled list (src/layout/panel-list.ts). Its keys are the
 * reader's: moving through the facts moves the text cursor to the sentence
 * each cites.
 */
import path from 'node:path';
import { showDiagnostic, type Diagnostic } from '../content/diagnostic.js';
import type { Fact } from '../content/schema.js';
import type { Translate } from '../i18n/translate.js';
import { panelItems, panelRows, type PanelTerm } from '../layout/panel-list.js';
import { seg, type StyledLine } from '../layout/styled-line.js';
import { wrapText } from '../text/wrap.js';
import { fitLine, toHeight } from './lines.js';
import type { Theme } from './theme.js';

export interface FactsPanelInput {
  facts: readonly Fact[];
  glossary: readonly PanelTerm[];
  /** Why facts.yaml could not be used: shown in place of the lists. */
  factsErrors: readonly Diagnostic[];
  tab: 'facts' | 'glossary';
  focused: boolean;
  selected: number;
  /** The first item shown (kept in the reader's state, see src/state/settle.ts). */
  top: number;
  width: number;
  height: number;
  view: 'both' | 'de' | 'en';
  /** Facts citing the unit under the cursor. */
  current: ReadonlySet<number>;
  t: Translate;
  theme: Theme;
}

export function factsPanelLines(o: FactsPanelInput): StyledLine[] {
  const { t, theme, tab } = o;
  const inner = Math.max(8, o.width - 4);
  const contentWidth = Math.max(1, o.width - 2);
  const items = panelItems({ facts: o.facts, glossary: o.glossary, unconfirmed: t('ui.panel.unconfirmed'), noEnglish: t('ui.panel.noEnglish'), tab, view: o.view, current: o.current });
  const tabs: StyledLine = [
    seg(t('ui.panel.facts'), { ...(tab === 'facts' ? theme.heading : theme.muted), underline: tab === 'facts' }),
    seg(' · ', theme.muted),
    seg(t('ui.panel.glossary'), { ...(tab === 'glossary' ? theme.heading : theme.muted), underline: tab === 'glossary' }),
  ];
  const body: StyledLine[] = [];
  const listHeight = Math.max(1, o.height - 1);
  if (items.length === 0) {
    // Both tabs come from facts.yaml: when it is broken, each says so (the file's name is enough in a narrow panel).
    const broken = o.factsErrors[0];
    const empty = broken
      ? t('ui.panel.factsBroken', { error: showDiagnostic({ ...broken, file: path.basename(broken.file) }) })
      : tab === 'facts'
        ? t('ui.panel.noFacts')
        : t('ui.panel.noGlossary');
    for (const line of wrapText(empty, inner + 2).slice(0, listHeight)) body.push([seg(line.text, broken ? theme.warning : theme.muted)]);
  } else {
    const following = !o.focused && tab === 'facts' && o.current.size > 0 ? Math.min(...o.current) : o.selected;
    const list = panelRows(items, following, o.top, inner, listHeight, o.focused);
    for (const row of list.rows) {
      const chosen = row.item === o.selected && o.focused;
      const marker = seg(chosen && row.kind === 'title' ? `${theme.marker} ` : '  ', theme.accent);
      body.push(
        row.kind === 'title'
          ? [marker, seg(row.text, { ...(chosen ? theme.focus : {}), ...(row.item === o.selected ? { bold: true } : {}) })]
          : [marker, seg(row.text, theme.muted)],
      );
    }
  }
  const ruleColour = o.focused ? theme.accent.color : theme.border;
  const rule = seg('│', ruleColour ? { color: ruleColour } : {});
  return toHeight([tabs, ...body], o.height).map((line) => [rule, seg(' '), ...fitLine(line, contentWidth)]);
}
