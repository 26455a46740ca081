/** Plain-text rendering of an article for `show` (pure: article in, lines out). */
import type { Article } from '../content/article.js';
import { formatPublished } from '../i18n/format-date.js';
import type { UiLanguage } from '../i18n/language.js';
import type { Translate } from '../i18n/translate.js';
import { padEnd } from '../text/display-width.js';
import { wrapText } from '../text/wrap.js';
import { unitLines } from './format-blocks.js';

export type ShowLanguage = 'de' | 'en' | 'both';

export interface FormatOptions {
  lang: ShowLanguage;
  facts: boolean;
  /** Wrap width; undefined keeps each paragraph on one line (for pipes and grep). */
  width: number | undefined;
  t: Translate;
  language: UiLanguage;
}

/** Columns side by side need room for two readable columns. */
export const SIDE_BY_SIDE_MIN_WIDTH = 100;
const GUTTER = ' │ ';

function wrap(text: string, width: number | undefined): string[] {
  if (width === undefined) return [text];
  return wrapText(text, width).map((l) => l.text);
}

/** Two columns of lines, each made for `col` columns by `lines`. */
function sideBySide(lines: (col: number) => [string[], string[]], width: number): string[] {
  const col = Math.floor((width - GUTTER.length) / 2);
  const [a, b] = lines(col);
  const rows = Math.max(a.length, b.length);
  const out: string[] = [];
  for (let i = 0; i < rows; i++) out.push(`${padEnd(a[i] ?? '', col)}${GUTTER}${b[i] ?? ''}`.trimEnd());
  return out;
}

function header(article: Article, o: FormatOptions): string[] {
  const { meta, english } = article;
  const lines: string[] = [];
  if (o.lang !== 'en') lines.push(...wrap(meta.title, o.width));
  if (o.lang !== 'de' && english?.title) lines.push(...wrap(english.title, o.width));
  // An English view of an article with no English title yet still starts with a title: the German one.
  else if (o.lang === 'en') lines.push(...wrap(meta.title, o.width));
  if (o.lang !== 'en' && meta.dek) lines.push(...wrap(meta.dek, o.width));
  if (o.lang !== 'de' && english?.dek) lines.push(...wrap(english.dek, o.width));
  const when = formatPublished(meta.published, o.language, true);
  const status = o.t(`cli.status_${article.translation}`);
  lines.push(...wrap([meta.source, when, meta.author, status].filter(Boolean).join(' · '), o.width));
  if (meta.url) lines.push(...wrap(meta.url, o.width));
  return lines;
}

function body(article: Article, o: FormatOptions): string[] {
  const untranslated = o.t('cli.untranslated');
  const marks = { de: { question: o.t('article.questionMark.de') }, en: { question: o.t('article.questionMark.en') } };
  const out: string[] = [];
  article.paragraphs.forEach((p, i) => {
    if (i > 0) out.push('');
    const en = p.en === '' ? untranslated : p.en;
    const de = (width: number | undefined) => unitLines(p, 'de', p.de, width, marks.de);
    const english = (width: number | undefined) => unitLines(p, 'en', en, width, marks.en);
    if (o.lang === 'de') out.push(...de(o.width));
    else if (o.lang === 'en') out.push(...english(o.width));
    else if (o.width !== undefined && o.width >= SIDE_BY_SIDE_MIN_WIDTH) out.push(...sideBySide((col) => [de(col), english(col)], o.width));
    else out.push(...de(o.width), '', ...english(o.width));
  });
  return out;
}

/** The numbered links under the article: "[1] words — address". */
function linkLines(article: Article, o: FormatOptions): string[] {
  if (article.links.length === 0) return [];
  const out = ['', o.t('article.linksHeading')];
  for (const link of article.links) {
    const mark = `[${link.n}] `;
    const text = link.text ? `${link.text} — ${link.url}` : link.url;
    out.push(...(o.width === undefined ? [`${mark}${text}`] : wrapText(text, Math.max(1, o.width - mark.length)).map((l, i) => `${i === 0 ? mark : ' '.repeat(mark.length)}${l.text}`)));
  }
  return out;
}

function factLines(article: Article, o: FormatOptions): string[] {
  const pick = (v: { de: string; en?: string | undefined }) =>
    o.lang === 'de' ? v.de : o.lang === 'en' ? (v.en ?? v.de) : v.en ? `${v.de} / ${v.en}` : v.de;
  const out = ['', o.t('cli.factsHeading')];
  if (article.facts.length === 0) out.push(o.t('ui.panel.noFacts'));
  // Candidates an import proposed are marked in words, as the panel marks them.
  const unconfirmed = ` (${o.t('ui.panel.unconfirmed')})`;
  for (const f of article.facts) {
    const where = f.sentence ? `¶${f.paragraph}.${f.sentence}` : `¶${f.paragraph}`;
    out.push(...wrap(`- ${pick(f.label)}: ${pick(f.value)} (${where})${f.confirmed ? '' : unconfirmed}`, o.width));
  }
  if (article.glossary.length > 0 || article.proposedGlossary.length > 0) {
    out.push('', o.t('cli.glossaryHeading'));
    for (const g of article.glossary) out.push(...wrap(`- ${g.de} = ${g.en}${g.note ? ` (${g.note})` : ''}`, o.width));
    for (const g of article.proposedGlossary) out.push(...wrap(`- ${g.de} = ${g.en ?? o.t('ui.panel.noEnglish')}${unconfirmed}`, o.width));
  }
  return out;
}

/** The lines `show` prints. */
export function formatArticle(article: Article, o: FormatOptions): string[] {
  return [...header(article, o), '', ...body(article, o), ...linkLines(article, o), ...(o.facts ? factLines(article, o) : [])];
}
