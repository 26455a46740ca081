/** F: which feed's articles the library shows, with the unread articles of each. */
import type { Translate } from '../i18n/translate.js';
import { seg, type StyledLine } from '../layout/styled-line.js';
import { padEnd, truncate } from '../text/display-width.js';
import { textLine, toHeight } from './lines.js';
import type { Theme } from './theme.js';

export interface FeedPickerInput {
  rows: readonly { name: string | null; url: string | null }[];
  counts: ReadonlyMap<string, { articles: number; unread: number }>;
  selected: number;
  width: number;
  height: number;
  t: Translate;
  theme: Theme;
}

export function feedPickerFrame(o: FeedPickerInput): StyledLine[] {
  const { t, theme, width } = o;
  const listHeight = Math.max(1, o.height - 1);
  const top = Math.max(0, Math.min(o.selected - listHeight + 1, o.rows.length - listHeight));
  const countWidth = Math.min(28, Math.max(12, Math.floor(width / 3)));
  const lines: StyledLine[] = [textLine(t('ui.feeds.pickerTitle'), width, theme.heading)];
  o.rows.slice(Math.max(0, top), Math.max(0, top) + listHeight).forEach((row, i) => {
    const index = Math.max(0, top) + i;
    const chosen = index === o.selected;
    const count = o.counts.get(row.url ?? '') ?? { articles: 0, unread: 0 };
    const name = row.name ?? t('ui.feeds.all');
    const nameWidth = Math.max(4, width - 3 - countWidth);
    lines.push([
      seg(chosen ? `${theme.marker} ` : '  ', { ...theme.accent, ...(chosen ? { bold: true } : {}) }),
      seg(padEnd(truncate(name, nameWidth), nameWidth), chosen ? theme.focus : count.unread > 0 ? { bold: true } : {}),
      seg(` ${truncate(t('ui.feeds.count', count), countWidth)}`, theme.muted),
    ]);
  });
  return toHeight(lines, o.height);
}
