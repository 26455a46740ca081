/**
 * Rules that tell the lines of a news page that are not the article: navigation, promotion,
 * newsletter and cookie prompts, reading times, bylines, share and comment sections,
 * "Lesen Sie auch" teasers, photo credits. Each rule is general (no site's own phrases):
 * it names a kind of line that any German news page may carry.
 */
import { findDates } from './dates.js';

/** Common German function words: prose is full of them, menus and headline lists are not. */
const STOPWORDS = new Set(
  (
    'der die das den dem des ein eine einer einen einem eines und oder aber doch sondern denn ' +
    'in im ins an am auf aus bei mit nach von vom zu zum zur für über unter vor hinter neben zwischen durch gegen ohne um bis seit ' +
    'ist sind war waren wird werden wurde wurden worden sein hat haben hatte hatten habe kann können konnte muss müssen soll sollen will wollen ' +
    'nicht auch noch schon nur sehr so wie als wenn weil dass ob da dann man sich es er sie wir ihr ich du ihm ihn ihnen uns euch ' +
    'sein seine seiner seinen ihre ihren ihrer dieser diese dieses diesen diesem jener alle alles mehr viel viele kein keine keinen ' +
    'hier dort heute jetzt immer wieder etwa rund laut damit dazu dabei daher also zwar bereits jedoch allerdings sowie'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/gu;

/** Words of a line. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Share of German function words among the words of `text`. */
export function stopwordRatio(text: string): number {
  const list = words(text);
  if (list.length === 0) return 0;
  return list.filter((w) => STOPWORDS.has(w.toLowerCase())).length / list.length;
}

/** Length that counts CJK characters as the several letters of content they carry. */
export function weight(text: string): number {
  return text.length + (text.match(CJK)?.length ?? 0) * 2;
}

// A sentence end, also followed by an agency or author tag ("… voraus. (dpa)") or by emoji.
export const ENDS_SENTENCE = /(?:[.!?…]["'”“»«)\]]*(?:\s*\([\p{L}\p{N}/,.& -]{1,30}\))?|[.!?…]?\s*(?:\p{Extended_Pictographic}|<3|:[-]?[)D(]|;\))+)$/u;

const SEPARATORS = /\s[·•|]\s|\t|\s›\s|\s>\s|\s»\s/g;

/** A line of menu items, tags or breadcrumbs: several items split by separators. */
export function isListLine(text: string, cells = 1): boolean {
  return cells >= 3 || (text.match(SEPARATORS)?.length ?? 0) >= 2;
}

const short = (text: string, max: number) => text.length <= max;

// Lines that open a block of links to other articles.
const TEASER_INTRO =
  /^(lesen sie (auch|mehr|hier)|(das )?könnte sie (auch )?interessieren|auch interessant|mehr zum thema|mehr (dazu|aus|von|zu)\b|weitere (artikel|beiträge|nachrichten|themen|meldungen)|verwandte (artikel|themen)|ähnliche artikel|empfohlen|empfehlungen|meistgelesen|meistkommentiert|meist ?gelesene|top-?themen|topthemen|themen in diesem artikel|schlagworte|schlagwörter|stichworte|tags\b|article tags|related( posts| articles)?|more from|you may also like|auch auf [\p{L} .-]{1,40}:|zum thema\b|dossier\b|aktuelle (artikel|nachrichten)|neueste (artikel|beiträge)|alle (artikel|beiträge|angebote|themen))/iu;

// Calls to action and navigation words that make up a whole short line; the buttons of a
// share or save widget ("Abbrechen", "Link kopieren"); hints to enlarge a photo or page a gallery.
const NAVIGATION =
  /^(mehr|weiter|weiterlesen|mehr lesen|mehr anzeigen|alle anzeigen|mehr erfahren|zum artikel|zur startseite|startseite|home|nach oben|zum seitenanfang|zurück|vorige|nächste|schließen|menü|suche|suchen|suche nach|login|logout|einloggen|anmelden|registrieren|abo|abonnieren|feedback|drucken|teilen|merken|kontakt|impressum|datenschutz|datenschutzhinweis|datenschutzerklärung|agb|nutzungsbedingungen|mediadaten|newsletter|rss|apps?|video|audio|podcast|hören|vorlesen|artikel anhören|zum inhalt|inhalt|navigation|hauptmenü|bild vergrößern|galerie|\d+ bilder?|abbrechen|cancel|ok|senden|kopieren|link kopiert|kopiert|zur merkliste|auf die merkliste|gemerkt|vergrößern|zum vergrößern (klicken|tippen)|foto vergrößern|grafik vergrößern|bild anzeigen|vollbild|großansicht|bilderstrecke|zur bilderstrecke|bildergalerie|zur bildergalerie|bild \d+ (von|aus) \d+|\d+ (von|\/) \d+)\b[\s\p{P}\d…]*$/iu;
// A share widget written out on one line: its buttons and networks, maybe a cancel button.
const SHARE_WIDGET = /^(?:(?:artikel |seite )?(?:teilen|share|per|via|auf|mit|e-?mail|mail|facebook|twitter|x|whatsapp|linkedin|xing|telegram|threads|bluesky|mastodon|pinterest|reddit|messenger|sms|link|kopieren|drucken|abbrechen|schließen|cancel|close)\b[\s,|·•:/]*){2,}$/iu;

const SHARE =
  /^(teilen|share|tweet|twittern|whatsapp|facebook|twitter|linkedin|xing|pinterest|flipboard|reddit|telegram|e-?mail|mail|drucken|druckansicht|vorlesen|in pocket speichern|permalink|kurzlink|link kopieren|artikel (teilen|versenden|drucken|merken)|auf (twitter|facebook|instagram|linkedin|x) folgen|eine e-mail senden|kommentieren)\b/iu;

const PROMOTION =
  /^(anzeige|werbung|sponsored|advertisement|promotion|partner-?inhalt|gesponsert)\b|\b(jetzt|hier|gleich|sofort)\s+(bestellen|kaufen|abonnieren|testen|sichern|anmelden|registrieren|herunterladen|downloaden|spenden|freischalten|weiterlesen)\b|\b(für|ab|nur)\s+\d+([.,]\d+)?\s*(€|euro)\b|\b\d+([.,]\d+)?\s*€\s*(sichern|testen|lesen)\b|\b(gratis|kostenlos)\s+(testen|lesen)\b|\bprobe-?abo\b|\b(sichern|bestellen)$/iu;

const READER_ADDRESS = /\b(Sie|Ihnen|Ihre[nmrs]?|du|dich|dir|dein\w*|euch|eure?)\b/u;
const PROMPT_TOPIC = /newsletter|abonnier|cookies?\b|datenschutz|einwilligung|tracking|e-?mail-adresse|registrier|anmeld|einlogg|benachrichtig|werbeblocker|adblock|spenden|unterstützen sie/iu;

const SITE_NOTICE = /^(diese (web)?seite|diese website|wir verwenden|wir nutzen|unsere (web)?seite) (verwendet|nutzt|verwenden|nutzen|setzt|setzen)\b|alle rechte vorbehalten|^©|^\(c\)\s|^copyright\b|\bcopyright\s*©/iu;

// A print version's notice ("Dieser Artikel wurde ausgedruckt unter der Adresse: …") or a bare address.
const PRINT_NOTICE =
  /^(dieser (artikel|beitrag|text) wurde .{0,40}(aus)?gedruckt|(aus)?gedruckt (am|von|unter|aus)\b|druckversion\b|druckansicht\b|this (article|page|story) (was )?printed from|printed from\b|(url|quelle|adresse|permalink|artikel-?url|link zum artikel)\s*:\s*https?:\/\/|https?:\/\/\S+$)/iu;

// Paywall and subscription promotion.
const SUBSCRIPTION =
  /(sie wollen|möchten sie|jetzt|gleich|hier)\s+weiterlesen|weiterlesen mit\b|\b(nur|exklusiv) für (abonnent|abonnentinnen|abonnenten|plus-?kunden)|\bfür abonnent(inn)?en\b|zugang zu allen (artikeln|inhalten|beiträgen)|unbegrenzt(en)? zugang|\bjetzt abonnieren\b|\babo abschließen\b|\bdigital-?abo\b|\bmonatlich kündbar\b|\bjederzeit kündbar\b|\b\d+ (wochen|monate?) (gratis|kostenlos|für \d)|\bim ersten monat\b|\bschon abonnent\b|\bbereits abonnent\b|\bmit (\p{L}+ )?plus weiterlesen\b/iu;

// "Über die Autorin", "Zur Person": the heading of an author box.
const AUTHOR_BOX_INTRO = /^(über (den|die) autor(in|en|innen)?|zur person|zu(r|m) autor(in)?|die autorin|der autor|autoreninfo|autor(in)?(en|innen)?|about the author)\s*:?$/iu;

/** A photo or source credit, alone on a line or closing a caption. */
const CREDIT = /(^|[;(|]\s*|\s)(foto|fotos|bild|bilder|bildquelle|fotograf|fotografin|quelle|grafik|illustration|video|screenshot|image|photo|credit|copyright)s?\s*:\s*[^.!?]{0,80}\)?$|(^|\s)(©|\(c\))\s*[\p{L}][^!?]{0,60}$|^(picture alliance|imago( images)?|getty images|dpa-?infografik)\b[^.!?]{0,60}$/iu;

const READING_TIME = /^(lesezeit|lesedauer|read(ing)? time)\b|^[~ca.\s]*\d+\s*(min\.?|minuten|minutes)(\s+(lesezeit|lesen|lesedauer|read))?\.?$|\b\d+\s*min(\.|uten)?\s+(lesezeit|lesen)\b/iu;

const COMMENTS_HEADING =
  /^((\d+|alle|neueste|die)\s+)?(kommentare?|leserkommentare|comments?|diskussion(en)?|discussions?|reaktionen|antworten)(\s+\(\d+\))?(\s+(to|on|zu)\s+(this|diesem)\s+\w+)?:?$|^(kommentar|einen kommentar)\s+(schreiben|verfassen|hinzufügen)|^schreiben?\s+(sie\s+)?einen kommentar|^(leave|post) a (comment|reply)|^die kommentarfunktion|^kommentare (sind )?(geschlossen|deaktiviert)|^diskussion zu diesem artikel/iu;

const COMMENTER = /^\S.{0,40}\s(sagt|schreibt|meint|antwortet|says|wrote):$/u;

const DISCUSSION = /^(forum zum thema|diskussion zu diesem artikel|kommentare lesen|zum forum|zur diskussion|\d+\s+(kommentare|beiträge|comments))\b/iu;

// The keywords' case is spelled out: with the i flag, \p{Lu} would match any letter.
const BYLINE = /^([Vv]on|VON|[Bb]y|[Tt]ext|[Aa]utor(?:in)?|[Ee]in (?:[Kk]ommentar|[Gg]astbeitrag|[Bb]eitrag|[Ii]nterview) von)\s*:?\s+(\p{Lu}[\p{L}.'’-]*)/u;

const SIGN_OFF = /^(x{1,3}o{0,3}|xoxo|liebe grüße|viele grüße|lg|eure?|dein|deine|bis bald|bis dann|ciao|servus|tschüss|cheers)\b.{0,30}$/iu;

/** Why a block is not article text (or what metadata it holds). */
export type LineKind =
  | 'teaserIntro'
  | 'navigation'
  | 'share'
  | 'promotion'
  | 'prompt'
  | 'notice'
  | 'credit'
  | 'readingTime'
  | 'list'
  | 'commentsHeading'
  | 'commenter'
  | 'discussion'
  | 'byline'
  | 'date'
  | 'authorBoxIntro';

/** The boilerplate kind of a line, or undefined when it may be article text. */
export function boilerplateKind(text: string, cells = 1): LineKind | undefined {
  const lower = text.toLowerCase();
  if (short(text, 160) && COMMENTS_HEADING.test(text)) return 'commentsHeading';
  if (short(text, 60) && COMMENTER.test(text)) return 'commenter';
  if (short(text, 80) && TEASER_INTRO.test(text)) return 'teaserIntro';
  if (short(text, 100) && DISCUSSION.test(text)) return 'discussion';
  if (short(text, 40) && NAVIGATION.test(text)) return 'navigation';
  if (short(text, 60) && SHARE.test(text)) return 'share';
  if (short(text, 160) && SHARE_WIDGET.test(text)) return 'share';
  if (short(text, 40) && AUTHOR_BOX_INTRO.test(text)) return 'authorBoxIntro';
  if (short(text, 300) && PRINT_NOTICE.test(text)) return 'notice';
  if (short(text, 300) && SUBSCRIPTION.test(text) && (short(text, 160) || READER_ADDRESS.test(text))) return 'promotion';
  if (short(text, 80) && READING_TIME.test(text)) return 'readingTime';
  if (short(text, 160) && PROMOTION.test(text)) return 'promotion';
  if (short(text, 400) && PROMPT_TOPIC.test(lower) && READER_ADDRESS.test(text)) return 'prompt';
  if (short(text, 300) && SITE_NOTICE.test(text)) return 'notice';
  if (short(text, 120) && CREDIT.test(text)) return 'credit';
  if (isListLine(text, cells) && text.length < 400) return 'list';
  if (short(text, 140) && BYLINE.test(text) && (words(text).length <= 10 || findDates(text).length > 0)) return 'byline';
  if (/^(von|by)$/i.test(text)) return 'byline';
  if (short(text, 80) && AGENCY_BYLINE.test(text)) return 'byline';
  if (isDateLine(text)) return 'date';
  return undefined;
}

const DATE_WORDS = /\b(stand|uhr|aktualisiert|veröffentlicht|erstveröffentlichung|erschienen|zuletzt|datum|am|um|vom|published|updated|on|in|letzte|änderung|geändert)\b|[|,:·•/–—-]/giu;

/** What is left of a line once its date and the words around dates are gone. */
export function dateLineRest(text: string): string | undefined {
  const dates = findDates(text);
  const first = dates[0];
  if (!first) return undefined;
  let rest = text;
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
  return rest.replace(DATE_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/** A line that is a date (with a keyword, a source or a short byline around it). */
export function isDateLine(text: string): boolean {
  if (text.length > 120) return false;
  const rest = dateLineRest(text);
  return rest !== undefined && words(rest).length <= 5;
}

/** The name a byline gives ("Von Markus Muster, Berlin" → "Markus Muster"). */
export function bylineName(text: string): string | undefined {
  const m = BYLINE.exec(text);
  if (!m) return undefined;
  const after = text.slice(m.index + m[0].length - (m[2]?.length ?? 0));
  const name = after
    .split(/,|\s\|\s|\s[-–]\s|\s\d/)[0]
    ?.replace(/\s+(und|and)\s+/g, ' und ')
    .trim();
  if (!name) return undefined;
  const parts = name.split(' ');
  // A name is a few capitalised words ("und" between two of them).
  if (parts.length < 2 || parts.length > 7 || !parts.every((p) => /^\p{Lu}/u.test(p) || p === 'und' || /^(von|van|de|zu|der)$/.test(p))) {
    return undefined;
  }
  return name;
}

/** A sentence that ends a teaser: "… fordert er. Von Anna Muster und Ben Beispiel". */
export const TRAILING_BYLINE = /(?<=[.!?"“”])\s+(Von|By)\s+\p{Lu}[\p{L}.'’-]+((?:\s*,\s*|\s+)(?:(?:und|and)\s+)?\p{Lu}[\p{L}.'’-]+){0,8}\.?$/u;

// "Anna Muster, dpa", "Anna Muster (AFP)": an author with the agency, on a line of its own.
const AGENCY_BYLINE = /^\p{Lu}[\p{L}.'’-]+(\s+(von|van|de|\p{Lu}[\p{L}.'’-]+)){1,3}\s*(,|\/|\(|mit)\s*(dpa|afp|ap|rtr|reuters|kna|epd|sid|dts|apa|sda)(\s*[,/]\s*(dpa|afp|ap|rtr|reuters|kna|epd|sid|dts|apa|sda))*\)?\.?$/u;

// "Anna Muster ist Redakteurin im Ressort …": the short portrait of an author after the text.
const BIO_NAME = /^\p{Lu}[\p{L}'’-]+(\s+(von|van|de|\p{Lu}[\p{L}'’-]+)){1,3},?\s+(ist|war|arbeitet|schreibt|berichtet|leitet|lebt|studierte|volontierte|kam|hat)\b/u;
const BIO_JOB = /\b(redakteur|redakteurin|korrespondent|korrespondentin|autor|autorin|journalist|journalistin|reporter|reporterin|ressort|volontär|volontärin|redaktion|kolumnist|kolumnistin|chefredakteur|chefredakteurin|freie[rn]? (autor|autorin|journalist|journalistin))/iu;

/** A short portrait of the author, as an author box at the end of an article holds. */
export function isAuthorBio(text: string): boolean {
  return text.length <= 600 && BIO_NAME.test(text) && BIO_JOB.test(text);
}

/** "x Anna", "Liebe Grüße, Ben": the last line of a blog post. */
export function isSignOff(text: string): boolean {
  return text.length <= 40 && SIGN_OFF.test(text);
}
