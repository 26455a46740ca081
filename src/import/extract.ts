/**
 * Finding the article in a page's blocks: its title, dek, date, source and author, and the
 * run of body paragraphs between the site's navigation above and its teasers, promotion and
 * reader comments below. The main text is the stretch of blocks with the most prose in it
 * (a maximum-sum run: prose counts for its length, boilerplate against it), much as
 * jusText and Boilerpipe do; the rules in import-boilerplate.ts say what boilerplate is.
 */
import { blockMarkdown, type BlockSide } from '../content/blocks.js';
import type { Block, BlockLink } from './blocks.js';
import {
  boilerplateKind,
  bylineName,
  isAuthorBio,
  dateLineRest,
  ENDS_SENTENCE,
  isSignOff,
  stopwordRatio,
  TRAILING_BYLINE,
  weight,
  words,
  type LineKind,
} from './boilerplate.js';
import { findDates } from './dates.js';

type Role = 'prose' | 'sentence' | 'heading' | 'meta' | 'junk' | 'caption' | 'teaser' | 'comment' | 'list' | 'table';

interface Item {
  block: Block;
  role: Role;
  kind?: LineKind;
  /** The person an author box is about. */
  author?: string;
  /** How a text block is set: as an interview question or a quotation. */
  form?: 'question' | 'quote';
}

/** What the caller already knows from markup (HTML meta tags, feed fields). */
export interface ExtractHints {
  title?: string;
  dek?: string;
  source?: string;
  published?: string;
  author?: string;
  /** The blocks are the article's text already (a feed item): no title, dek or main-text search. */
  whole?: boolean;
}

/** An article as found in a page. */
export interface Extracted {
  title?: string;
  dek?: string;
  source?: string;
  published?: string;
  author?: string;
  /** Body units in the library's Markdown-like form (`## `, `- `, tables, `> `, `? `; see content/blocks.ts). */
  paragraphs: string[];
  /** Links inside the kept units, in order (addresses as the page wrote them). */
  links?: BlockLink[];
}

const SCORE: Record<Role, number> = { prose: 0, sentence: 5, heading: -25, meta: -10, junk: -60, caption: -60, teaser: -60, comment: -60, list: -20, table: 20 };

/** Letters and digits only, for comparing a title with the lines that repeat it. */
const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function isGerman(blocks: readonly Block[]): boolean {
  const long = blocks.filter((b) => b.text.length >= 80);
  const all = long.flatMap((b) => words(b.text));
  if (all.length < 20) return true;
  return stopwordRatio(all.join(' ')) >= 0.1;
}

/** A list of links only (menus, teaser lists), not of statements. */
function isLinkList(block: Block): boolean {
  const items = block.items ?? [];
  const linked = new Set((block.links ?? []).map((l) => key(l.text)));
  return items.length > 0 && items.filter((item) => linked.has(key(item))).length >= items.length * 0.8;
}

/** A list whose items say something (not a menu, not a row of tags). */
function isContentList(block: Block): boolean {
  const items = block.items ?? [];
  if (items.length === 0 || isLinkList(block)) return false;
  if (items.every((item) => boilerplateKind(item) !== undefined)) return false;
  return items.reduce((n, item) => n + words(item).length, 0) / items.length >= 2;
}

/** "Frage: …" or "F: …" opening a paragraph: the interviewer's question. */
const QUESTION_LABEL = /^(?:Frage|F)\s*:\s+/u;

function roleOf(block: Block, german: boolean): Item {
  if (block.rows) return { block, role: 'table' };
  if (block.items && block.tag !== undefined && block.items.length > 0) return { block, role: isContentList(block) ? 'list' : 'junk', ...(isContentList(block) ? {} : { kind: 'list' as const }) };
  const kind = boilerplateKind(block.text, block.cells);
  if (kind === 'commentsHeading' || kind === 'commenter') return { block, role: 'comment', kind };
  if (kind === 'date' || kind === 'byline' || kind === 'readingTime') return { block, role: 'meta', kind };
  if (kind) return { block, role: 'junk', kind };
  const text = block.text;
  const w = weight(text);
  const count = words(text).length;
  const cjk = w - text.length > 40;
  const ends = ENDS_SENTENCE.test(text);
  const germanEnough = !german || cjk || stopwordRatio(text) >= 0.14;
  if (block.tag === 'heading') return { block, role: 'heading' };
  // Set in bold and asking: an interview question ("SZ: Wie geht es weiter?").
  const form: Item['form'] = (block.strong && /\?["“”»«)]*$/u.test(text)) || QUESTION_LABEL.test(text) ? 'question' : block.tag === 'quote' ? 'quote' : undefined;
  const formed = form ? { form } : {};
  if (w >= 80 && (count >= 8 || cjk) && (ends || w >= 150) && germanEnough) return { block, role: 'prose', ...formed };
  if ((ends || block.tag === 'item') && count >= 3 && (germanEnough || form === 'question')) return { block, role: 'sentence', ...formed };
  return { block, role: 'heading' };
}

const isText = (item: Item | undefined) => item?.role === 'prose' || item?.role === 'sentence';
/** Text, a list or a table: what an introducing sentence ("Die Zahlen:") may stand before. */
const isContent = (item: Item | undefined) => isText(item) || item?.role === 'list' || item?.role === 'table';
const NAME = /^\p{Lu}[\p{L}'’-]+(\s+(von|van|de|zu|\p{Lu}\.?|\p{Lu}[\p{L}'’-]+)){1,3}$/u;

/** Rules that need a block's neighbours: captions, teasers, author boxes, dangling intros. */
function applyNeighbourRules(items: Item[]): void {
  items.forEach((item, i) => {
    const before = items[i - 1];
    const next = items[i + 1];
    // The line above a photo credit is the photo's caption.
    if (item.kind === 'credit' && before && before.role !== 'meta' && before.block.text.length <= 250 && before.role !== 'comment') {
      before.role = 'caption';
    }
    // A short teaser ends with its authors; the kicker and headline above it belong to it.
    if (isText(item) && item.block.text.length <= 500 && TRAILING_BYLINE.test(item.block.text)) {
      item.role = 'teaser';
      for (let j = i - 1; j >= Math.max(0, i - 2) && items[j]?.role === 'heading'; j--) (items[j] as Item).role = 'teaser';
    }
    // An author box: the author's name, then a paragraph about them starting with it.
    if (item.role === 'heading' && NAME.test(item.block.text) && next && next.block.text.startsWith(`${item.block.text} `) && next.block.text.length < 1200) {
      item.role = 'junk';
      item.author = item.block.text;
      next.role = 'junk';
    }
    // Headlines listed under "Lesen Sie auch" / "Mehr zum Thema", with their short summaries.
    if (item.kind === 'teaserIntro' || item.kind === 'authorBoxIntro') {
      // Each teaser headline may carry one short summary; a question is the interview going on.
      let afterHeadline = false;
      for (let j = i + 1; j < items.length; j++) {
        const t = items[j] as Item;
        const summary = isText(t) && afterHeadline && weight(t.block.text) <= 250 && !/\?["“”»«)]*$/u.test(t.block.text);
        // An author box's heading ("Zur Person") is followed by the box's text about them.
        if (item.kind === 'authorBoxIntro' && j === i + 1 && isText(t) && weight(t.block.text) <= 800) t.role = 'junk';
        else if (t.role === 'heading' || t.role === 'list') {
          t.role = 'teaser';
          afterHeadline = true;
        } else if (summary) {
          t.role = 'teaser';
          afterHeadline = false;
        } else break;
      }
    }
  });
  items.forEach((item, i) => {
    // "Die Zahlen im Überblick:" before a list or a table is the sentence that introduces it.
    if (item.role === 'heading' && item.block.tag !== 'heading' && /:$/.test(item.block.text) && words(item.block.text).length >= 3 && (items[i + 1]?.role === 'list' || items[i + 1]?.role === 'table')) item.role = 'sentence';
    // "Highlights aus dem Heft:" with its list gone says nothing; before a list or a table it introduces them.
    if (isText(item) && /:$/.test(item.block.text) && !isContent(items[i + 1])) item.role = 'junk';
    // A list after such an introduction is the text's own, however short its items.
    if (item.block.items && item.role === 'junk' && item.kind === 'list' && isText(items[i - 1]) && /:$/.test(items[i - 1]?.block.text ?? '') && !isLinkList(item.block)) {
      item.role = 'list';
      delete item.kind;
    }
  });
}

// ---- title ----

const SITE_SEPARATOR = /\s+[|›»·:]{1,2}\s+|\s+[-–—]\s+|(?<=\S)_(?=\S)/u;
const SITE_WORD = /\.\p{L}{2,4}\b|online|news|zeitung|blog|magazin|journal|post\b|rundschau|kurier|anzeiger|tagblatt|bote|nachrichten|times|welt|spiegel|stern|focus|heise|tv\b|radio|verlag|presse|aktuell|gazette|echo/iu;

interface TitleFound {
  title: string;
  index: number;
  site?: string;
}

function segmentsOf(line: string): string[] {
  return line.split(SITE_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
}

/** The title from the first line (often the page's <title>, site name attached) and its repeats. */
function findTitle(items: readonly Item[], hint: string | undefined): TitleFound | undefined {
  const repeatOf = (title: string, from: number) => {
    const k = key(title);
    const found = items.findIndex((it, i) => i >= from && it.role !== 'comment' && (key(it.block.text) === k || (k.length > 12 && key(it.block.text).endsWith(k) && it.block.text.length < title.length + 40)));
    return found;
  };
  if (hint) {
    let at = repeatOf(hint, 0);
    // "Kicker: Headline" from the page's title tag; the page itself may show the headline alone.
    const bare = /^[^:]{1,60}:\s+(.{12,})$/u.exec(hint)?.[1];
    if (at < 0 && bare) at = repeatOf(bare, 0);
    return { title: hint, index: at };
  }
  const firstIndex = items.findIndex((it) => it.role !== 'junk' || it.kind === 'list');
  const first = items[firstIndex];
  if (!first || first.block.text.length > 250) return undefined;
  const line = first.block.text;
  const segments = segmentsOf(line);
  // A later line repeating part of the first one confirms where the site name was.
  for (let n = segments.length - 1; n >= 1; n--) {
    for (const [part, site] of [
      [segments.slice(0, n).join(' '), segments.slice(n).join(' ')],
      [segments.slice(segments.length - n).join(' '), segments.slice(0, segments.length - n).join(' ')],
    ] as const) {
      const at = repeatOf(part, firstIndex + 1);
      if (at > 0) return { title: originalSpan(line, part), index: at, site: lastSegment(site, line) };
    }
  }
  const at = repeatOf(line, firstIndex + 1);
  if (at > 0) return { title: line, index: at };
  const split = splitSiteName(line);
  if (split.site) return { title: split.title, index: firstIndex, site: split.site };
  // A first line that is only the site's name ("Beispielheimer Bote"): the headline follows it.
  if (SITE_WORD.test(line) && words(line).length <= 4) {
    for (let i = firstIndex + 1; i < Math.min(items.length, firstIndex + 8); i++) {
      const item = items[i] as Item;
      if (isText(item) && item.block.text.length > 200) break;
      if (item.role === 'heading' && words(item.block.text).length >= 3 && item.block.text.length <= 200) return { title: item.block.text, index: i, site: line };
    }
  }
  if (first.role === 'junk' || first.role === 'meta') return undefined;
  return { title: line, index: firstIndex };
}

/**
 * A page title without the site's name ("Titel – Zeitung online" → "Titel", "Zeitung online").
 * Only separators that rarely stand inside a headline, or a last part that reads like a
 * site's name, count: "Streit um Rente - Merz gibt nach" stays whole.
 */
export function splitSiteName(line: string): { title: string; site?: string } {
  const segments = segmentsOf(line);
  const last = segments[segments.length - 1];
  if (segments.length >= 2 && last && (SITE_WORD.test(last) || /\s[|›»]\s|\S_\S/.test(line)) && words(last).length <= 5) {
    const title = segments.slice(0, -1).join(' – ');
    return { title: originalSpan(line, title), site: last };
  }
  return { title: line };
}

/** The words of `part` as the line writes them (the separators inside kept). */
function originalSpan(line: string, part: string): string {
  const parts = segmentsOf(part);
  const start = line.indexOf(parts[0] ?? part);
  const lastPart = parts[parts.length - 1] ?? part;
  const end = line.indexOf(lastPart, Math.max(0, start)) + lastPart.length;
  return start >= 0 && end > start ? line.slice(start, end) : part;
}

function lastSegment(site: string, line: string): string | undefined {
  const segments = segmentsOf(line);
  const last = segments[segments.length - 1];
  const name = site && line.endsWith(last ?? '') ? last : segments[0];
  return name && words(name).length <= 6 ? name : undefined;
}

// ---- main text ----

/** The maximum-sum run of block scores: where the prose is. */
function mainRun(items: readonly Item[], from: number, to: number): [number, number] | undefined {
  let best: [number, number] | undefined;
  let bestSum = 0;
  let sum = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const item = items[i] as Item;
    const score =
      item.role === 'prose'
        ? weight(item.block.text)
        : item.role === 'list' && (/:$/.test(items[i - 1]?.block.text ?? '') || isText(items[i - 1]))
          ? Math.min(200, weight(item.block.text) / 2)
          : SCORE[item.role];
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += score;
    if (sum > bestSum) {
      bestSum = sum;
      best = [start, i];
    }
  }
  return best;
}

/** Where reader comments start: a comments heading after some prose, or the second "X sagt:". */
function commentsStart(items: readonly Item[], from: number): number {
  let prose = 0;
  let commenters = 0;
  for (let i = from; i < items.length; i++) {
    const item = items[i] as Item;
    if (item.role === 'prose') prose += item.block.text.length;
    if (item.role !== 'comment' || prose < 200) continue;
    if (item.kind === 'commentsHeading') return i;
    commenters++;
    if (commenters === 1 && items.slice(i + 1).some((it) => it.kind === 'commenter')) return i;
  }
  return items.length;
}

// ---- dek ----

function findDek(items: readonly Item[], titleIndex: number, run: [number, number]): number[] {
  const limit = Math.min(items.length, titleIndex + 16);
  for (let i = titleIndex + 1; i < limit; i++) {
    const item = items[i] as Item;
    if (item.role === 'comment' || item.role === 'teaser') return [];
    // A line of capitalised words with nothing else is a menu, however long.
    const menu = words(item.block.text).every((w) => /^[\p{Lu}\p{N}]/u.test(w));
    // A few summary bullets under the headline ("Das Wichtigste in Kürze") are the dek too.
    const bullets = item.role === 'list' && (item.block.items?.length ?? 0) <= 4 && i < run[0];
    if (!isText(item) && !bullets && !(item.role === 'heading' && words(item.block.text).length >= 6 && i < run[0] && !menu)) continue;
    const w = weight(item.block.text);
    if (w < 40 || w > 400) return [];
    const nextText = items.findIndex((it, j) => j > i && isText(it));
    const metaBetween = items.slice(i + 1, nextText < 0 ? undefined : nextText).some((it) => it.role === 'meta');
    // A standfirst in the text is clearly shorter than the paragraph after it; a lede a few letters
    // shorter than its neighbour is the article's first paragraph and stays in the text.
    const nextLonger = nextText >= 0 && weight((items[nextText] as Item).block.text) > w * 1.25;
    // A second short summary sentence before the byline belongs to the dek too.
    const second = items[nextText];
    if (second && !metaBetween && w + weight(second.block.text) <= 350 && weight(second.block.text) <= 200) {
      if (items.slice(nextText + 1, nextText + 4).some((it) => it.role === 'meta')) return [i, nextText];
    }
    if (i >= run[0] && !metaBetween && !nextLonger) return [];
    return [i];
  }
  return [];
}

// ---- metadata ----

const UPDATED = /aktualisiert|geändert|updated|zuletzt/i;

function findPublished(items: readonly Item[], titleIndex: number, bodyStart: number): string | undefined {
  const candidates: { iso: string; distance: number; hasTime: boolean; updated: boolean }[] = [];
  const from = Math.max(0, titleIndex - 12);
  const to = Math.min(items.length, Math.max(bodyStart + 2, titleIndex + 30));
  for (let i = from; i < to; i++) {
    const item = items[i] as Item;
    if (item.role !== 'meta') continue;
    const date = findDates(item.block.text)[0];
    if (!date) continue;
    candidates.push({ iso: date.iso, distance: Math.abs(i - Math.max(titleIndex, 0)), hasTime: date.hasTime, updated: UPDATED.test(item.block.text) });
  }
  candidates.sort((a, b) => Number(a.updated) - Number(b.updated) || Number(b.hasTime) - Number(a.hasTime) || a.distance - b.distance);
  return candidates[0]?.iso;
}

/** "Eulerpool News 4. Apr. 2024, 18:00" or "Quelle: dpa": a source named in the header. */
function findSource(items: readonly Item[], titleIndex: number, bodyStart: number): string | undefined {
  const to = Math.min(items.length, Math.max(bodyStart, titleIndex + 20));
  for (let i = Math.max(0, titleIndex); i < to; i++) {
    const item = items[i] as Item;
    const text = item.block.text;
    const quelle = /^quelle\s*:\s*(.{2,60})$/iu.exec(text);
    if (quelle?.[1]) return quelle[1].trim();
    if (item.kind !== 'date' || /^(von|by)\b/i.test(text)) continue;
    const rest = dateLineRest(text);
    const before = text.slice(0, findDates(text)[0]?.index ?? 0).trim();
    if (rest && before && rest === before.replace(/[|,:·•–—-]/g, ' ').replace(/\s+/g, ' ').trim() && /^\p{Lu}|^\p{Lo}/u.test(before) && words(before).length <= 5) {
      return before.replace(/[\s|,:·•–—-]+$/u, '');
    }
  }
  return undefined;
}

function findAuthor(items: readonly Item[], titleIndex: number, bodyStart: number): string | undefined {
  const to = Math.min(items.length, Math.max(bodyStart + 3, titleIndex + 20));
  for (let i = Math.max(0, titleIndex - 5); i < to; i++) {
    const item = items[i] as Item;
    if (item.author) return item.author;
    if (item.kind !== 'byline') continue;
    const name = bylineName(item.block.text);
    if (name) return name;
    // "Von" alone, the name on the next line.
    const next = items[i + 1]?.block.text;
    if (/^(von|by)$/i.test(item.block.text) && next && NAME.test(next)) return next;
  }
  return undefined;
}

// ---- putting it together ----

/** The article in `blocks`: metadata and body paragraphs (empty when no prose was found). */
export function extractArticle(blocks: readonly Block[], hints: ExtractHints = {}): Extracted {
  const german = isGerman(blocks);
  const items = blocks.map((b) => roleOf(b, german));
  applyNeighbourRules(items);

  const titled = hints.whole ? undefined : findTitle(items, hints.title);
  const titleIndex = titled?.index ?? -1;
  if (titleIndex >= 0) (items[titleIndex] as Item).role = 'junk';
  const title = hints.title ?? titled?.title;
  if (title) {
    // Repeats of the title (with a kicker before it) are not body text.
    const k = key(title);
    for (const item of items) {
      const own = key(item.block.text);
      // The headline without its kicker ("Kicker: Headline" given, "Headline" on the page) too.
      if (own === k || (k.length > 12 && own.endsWith(k) && item.block.text.length < title.length + 40) || (own.length > 12 && k.endsWith(own) && /:/.test(title))) item.role = 'junk';
    }
  }

  // The author's name on a line of its own is part of the byline.
  const author = hints.author ?? findAuthor(items, titleIndex, items.length);
  if (author) for (const item of items) if (item.block.text === author || item.block.text === `Von ${author}`) item.role = 'meta';

  const from = Math.max(0, titleIndex + 1);
  const end = commentsStart(items, from);
  let run = hints.whole ? ([from, end - 1] as [number, number]) : mainRun(items, from, end);
  if (!run) return { ...metadata(items, hints, titled, titleIndex, end), paragraphs: [] };

  const dekIndexes = hints.dek || hints.whole ? [] : findDek(items, titleIndex < 0 ? from - 1 : titleIndex, run);
  const dek = hints.dek ?? (dekIndexes.length > 0 ? dekIndexes.map((i) => (items[i] as Item).block.text).join(' ') : undefined);
  if (dek) {
    const k = key(dek);
    for (const item of items) if (key(item.block.text) === k) item.role = 'junk';
  }
  for (const i of dekIndexes) (items[i] as Item).role = 'junk';
  run = [Math.max(run[0], (dekIndexes[dekIndexes.length - 1] ?? -1) + 1), run[1]];

  // An author's portrait closing the text belongs to the page, not to the article.
  while (run[1] > run[0] && isAuthorBio((items[run[1]] as Item).block.text)) {
    (items[run[1]] as Item).role = 'junk';
    run = [run[0], run[1] - 1];
  }

  const units: Item[] = [];
  for (let i = run[0]; i <= run[1]; i++) {
    const item = items[i] as Item;
    if (isText(item) || item.role === 'list' || item.role === 'table') units.push(item);
    else if (item.role === 'heading' && isHeadingKept(items, i, run)) units.push(item);
  }
  // A blog post's closing lines ("Schönes Wochenende!", "x Anna") come after its last paragraph.
  for (let i = run[1] + 1; i < end; i++) {
    const item = items[i] as Item;
    const text = item.block.text;
    if (item.role === 'sentence' || (item.role === 'heading' && (isSignOff(text) || stopwordRatio(text) >= 0.3) && words(text).length >= 2)) {
      units.push({ ...item, role: 'sentence' });
      if (isSignOff(text)) break;
    } else break;
  }
  const sides = withoutPullQuotes(markInterview(units.map(unitOf)));
  const paragraphs = sides.map((u) => blockMarkdown(u.side));
  const links = sides.flatMap((u) => u.links);
  const bodyStart = paragraphs.length > 0 ? run[0] : end;
  return { ...metadata(items, hints, titled, titleIndex, bodyStart), ...(dek ? { dek } : {}), paragraphs, ...(links.length > 0 ? { links } : {}) };
}

interface Unit {
  side: BlockSide;
  links: BlockLink[];
}

/** A kept item as a unit of the article format. */
function unitOf(item: Item): Unit {
  const { block } = item;
  const links = block.links ?? [];
  if (item.role === 'table' && block.rows) return { side: { kind: 'table', text: block.text, header: block.header ?? headerRow(block.rows), rows: block.rows }, links };
  if (item.role === 'list' && block.items) return { side: { kind: 'list', text: block.text, items: block.items }, links };
  if (item.role === 'heading') {
    // "Label: value" lines of a fact box are text, not subheadings.
    return { side: LABELLED.test(block.text) ? { kind: 'paragraph', text: block.text } : { kind: 'heading', text: block.text }, links };
  }
  if (item.form === 'question') return { side: { kind: 'question', text: block.text.replace(QUESTION_LABEL, '') }, links };
  if (item.form === 'quote') return { side: { kind: 'quote', text: block.text }, links };
  return { side: { kind: 'paragraph', text: block.text }, links };
}

/** A table dumped as text has no marked header: a first row of words over rows of figures is one. */
function headerRow(rows: readonly (readonly string[])[]): boolean {
  const digits = (row: readonly string[] | undefined) => (row ?? []).some((c) => /\d/.test(c));
  return rows.length >= 2 && !digits(rows[0]) && rows.slice(1).some((r) => digits(r));
}

const QUESTION_END = /\?["“”»«)]*$/u;

/**
 * An interview copied as text has lost its bold questions: where at least three short
 * paragraphs ending in "?" are each answered by the next, they are the questions.
 */
function markInterview(units: Unit[]): Unit[] {
  if (units.some((u) => u.side.kind === 'question')) return units;
  const asks = (u: Unit | undefined) => u?.side.kind === 'paragraph' && u.side.text.length <= 400 && QUESTION_END.test(u.side.text);
  const answered = units.map((u, i) => asks(u) && units[i + 1]?.side.kind === 'paragraph' && !asks(units[i + 1]));
  if (answered.filter(Boolean).length < 3) return units;
  return units.map((u, i) => (answered[i] ? { ...u, side: { kind: 'question', text: u.side.text } } : u));
}

/** A quotation repeated from the text as a pull quote is said once, in the text. */
function withoutPullQuotes(units: Unit[]): Unit[] {
  const keys = units.map((u) => (u.side.kind === 'quote' ? '' : key(u.side.text)));
  return units.filter((u) => {
    if (u.side.kind !== 'quote') return true;
    const k = key(u.side.text).replace(/^(.{0,200}).*$/u, '$1');
    return k.length < 20 || !keys.some((other) => other.includes(k));
  });
}

const LABELLED = /^\p{Lu}[\p{L} -]{1,30}:\s+\S.{0,40}$/u;

/** A subheading: a single short line inside the text, with text after it. */
function isHeadingKept(items: readonly Item[], i: number, run: [number, number]): boolean {
  const item = items[i] as Item;
  if (i >= run[1] || words(item.block.text).length > 16) return false;
  const labelled = LABELLED.test(item.block.text);
  let n = i + 1;
  // Skip ahead over the rest of a run of "Label: value" lines.
  while (labelled && LABELLED.test(items[n]?.block.text ?? '') && items[n]?.role === 'heading') n++;
  const next = items[n];
  const before = items[i - 1];
  if (!isText(next) || next?.role === 'teaser') return false;
  // Two headline-like lines in a row are a teaser's kicker and headline, not a subheading;
  // short "Label: value" lines in a row are a fact box or a list of items, and stay.
  if (before?.role === 'heading' && !(LABELLED.test(item.block.text) && LABELLED.test(before.block.text))) return false;
  return i > run[0] || isText(items[i + 2]);
}

function metadata(items: readonly Item[], hints: ExtractHints, titled: TitleFound | undefined, titleIndex: number, bodyStart: number) {
  const title = hints.title ?? titled?.title;
  const published = hints.published ?? findPublished(items, titleIndex, bodyStart);
  const source = hints.source ?? findSource(items, titleIndex, bodyStart) ?? titled?.site;
  const author = hints.author ?? findAuthor(items, titleIndex, bodyStart);
  return {
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
    ...(source ? { source } : {}),
    ...(author ? { author } : {}),
  };
}
