/**
 * Candidate facts for a freshly imported article: amounts, percentages, counted things,
 * dates, organisations and people, each with its exact words (and a few words of context)
 * as evidence and the sentence it is in; and a proposed glossary of the article's hardest
 * terms. The curator confirms or deletes them, so the rules favour a few good candidates over
 * many doubtful ones; and every candidate is checked the way `validate` checks a fact, so a
 * fresh import never fails its own checks.
 */
import { alignParagraphUnits, type Span } from '../content/aligned-article.js';
import { parseBlock, type BlockSide } from '../content/blocks.js';
import { pairBlock } from '../content/pair-blocks.js';
import type { Fact, FactKind, GlossaryFileEntry } from '../content/schema.js';
import { slugify } from './slug.js';
import { extractQuantities, type Quantity } from '../quantities/compare.js';

/** Labels of candidates by kind, in both languages (the curator makes them specific). */
const LABELS: Record<'money' | 'share' | 'count' | 'date' | 'organisation' | 'person', { de: string; en: string }> = {
  money: { de: 'Betrag', en: 'Amount' },
  share: { de: 'Anteil', en: 'Share' },
  count: { de: 'Anzahl', en: 'Number' },
  date: { de: 'Datum', en: 'Date' },
  organisation: { de: 'Organisation', en: 'Organisation' },
  person: { de: 'Person', en: 'Person' },
};

interface Candidate {
  kind: FactKind;
  label: keyof typeof LABELS;
  value: string;
  evidence: string;
  index: number;
}

// A counted thing: a capitalised noun or a unit after the number ("600 Mitarbeiter", "16 Mbit").
const COUNTED = /^\s+(?:(?:Millionen|Milliarden|Mio\.|Mrd\.|Tausend)\s+)?(\p{Lu}[\p{L}-]{2,}|km|km²|m²|kg|Mbit|GB|TB|MW|GW|kWh|MWh|ha|t)(?![\p{L}\p{N}])/u;

function quantityCandidates(paragraph: string): Candidate[] {
  const out: Candidate[] = [];
  for (const q of extractQuantities(paragraph, 'de')) {
    const c = fromQuantity(paragraph, q);
    if (c) out.push(c);
  }
  return out;
}

function fromQuantity(paragraph: string, q: Quantity): Candidate | undefined {
  switch (q.kind) {
    case 'money':
      return { kind: 'money', label: 'money', value: q.text, evidence: q.text, index: q.index };
    case 'percent':
      return { kind: 'number', label: 'share', value: q.text, evidence: q.text, index: q.index };
    case 'date':
      // A bare month or a day without a year says too little to be a key fact.
      return typeof q.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(q.value)
        ? { kind: 'date', label: 'date', value: q.text, evidence: q.text, index: q.index }
        : undefined;
    case 'number': {
      if (q.ordinal || (typeof q.value === 'number' && q.value < 2)) return undefined;
      // Digits glued to a word ("Covid-19", "B33") are names, not counts.
      if (/[\p{L}-]$/u.test(paragraph.slice(0, q.index))) return undefined;
      const counted = COUNTED.exec(paragraph.slice(q.index + q.text.length));
      if (!counted) return undefined;
      const evidence = paragraph.slice(q.index, q.index + q.text.length + counted[0].length);
      return { kind: 'number', label: 'count', value: evidence, evidence, index: q.index };
    }
    default:
      return undefined;
  }
}

// ---- organisations and people ----

const NAME_WORD = "\\p{Lu}[\\p{L}&'’.-]*";
const NAME = `${NAME_WORD}(?:\\s+(?:${NAME_WORD}|de|von|van|der))*`;
const LEGAL_FORM = '(?:GmbH|AG|SE|KG|KGaA|OHG|e\\.V\\.|Inc\\.|Ltd\\.?|Corp\\.?|LLC|plc|S\\.A\\.|N\\.V\\.|Holding|Group|Gruppe)';
const ROLE_WORDS =
  '(?:Sprecher(?:in)?|Chef(?:in)?|Vorstandschef(?:in)?|Vorstandsvorsitzende[rn]?|Geschäftsführer(?:in)?|Gründer(?:in)?|CEO|Präsident(?:in)?|Minister(?:in)?|Bundeskanzler(?:in)?|Kanzler(?:in)?|Bürgermeister(?:in)?|Direktor(?:in)?|Leiter(?:in)?|Manager(?:in)?|Analyst(?:in)?|Experte|Expertin|Professor(?:in)?|Dr\\.|Prof\\.)';
const ROLE = `(?:${ROLE_WORDS})`;
const ROLE_WORD = new RegExp(`^\\p{L}*(?:${ROLE_WORDS}|minister|ministerin|chef|chefin|sprecher|sprecherin|organisator|organisatorin)$`, 'iu');
const LEGAL_FORM_ALONE = new RegExp(`^${LEGAL_FORM}$`, 'u');

const ORGANISATION_RULES: readonly RegExp[] = [
  // "Beispiel Recycling GmbH", "Muster AG", "Nordlicht Gruppe".
  new RegExp(`(?<![\\p{L}-])((?:${NAME_WORD}\\s+){0,3}${NAME_WORD}\\s+${LEGAL_FORM})(?![\\p{L}])`, 'gu'),
  // "Sprecher von Amazon Web Services", "Chef von Fernbus Nord", "beim Konzern Beispiel".
  new RegExp(`(?:${ROLE}|Chef|Chefin)\\s+(?:von|des|der|bei|beim)\\s+(${NAME})`, 'gu'),
  new RegExp(`(?:Konzern|Unternehmen|Firma|Konzerns|Unternehmens|Tochter|Hersteller|Anbieter)\\s+(?:von\\s+|des\\s+|der\\s+)?(${NAME})`, 'gu'),
  // "Unternehmen wie Alphabet, Microsoft und Salesforce".
  new RegExp(`(?:Unternehmen|Konzerne|Firmen|Anbieter|Wettbewerber|Konkurrenten)\\s+wie\\s+(${NAME_WORD}(?:,\\s+${NAME_WORD})*\\s+und\\s+${NAME_WORD})`, 'gu'),
  // "berichtete das Wall Street Journal", "laut der Financial Times".
  new RegExp(`(?:berichtete[nt]?|meldete[nt]?|schreibt|schrieb|laut|zufolge)\\s+(?:die|das|der|dem)\\s+(${NAME_WORD}(?:\\s+${NAME_WORD}){1,3})`, 'gu'),
];

const PERSON_RULES: readonly RegExp[] = [
  // "Geschäftsführer Christian Hanisch", "Bundesverkehrsminister Andreas Scheuer".
  new RegExp(`(?:\\p{L}*${ROLE_WORDS}|\\p{L}*(?:minister|ministerin|chef|chefin|sprecher|sprecherin))\\s+(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)(?![\\p{L}])`, 'gu'),
  // "sagte Anna Muster", "so Anna Muster".
  /(?:sagte|sagt|erklärte|erklärt|betonte|betont|meinte|so)\s+(\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])/gu,
  // "Fabian Muster, der Chef von …", "Anna Muster (CDU)".
  new RegExp(`(\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+),\\s+(?:der|die)\\s+(?:[\\p{L}-]+\\s+){0,3}\\p{L}*(?:${ROLE_WORDS}|chef|chefin|sprecher|sprecherin)\\b`, 'gu'),
  /(\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)\s+\((?:CDU|CSU|SPD|FDP|AfD|Grüne|Grünen|Linke|BSW|ÖVP|SPÖ|FPÖ|SVP|FDP)\)/gu,
];

// Words that start a sentence or a clause and so are capitalised without being names.
const NOT_NAMES = /^(Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Einen|Im|In|Am|An|Auf|Bei|Mit|Nach|Von|Vom|Zum|Zur|Für|Über|Unter|Wie|Auch|Doch|Aber|Und|Oder|Diese|Dieser|Dieses|Sein|Seine|Ihr|Ihre|Es|Er|Sie|Wir|Ich|Man|Laut|Trotz|Seit|Ende|Anfang|Mitte|Herr|Frau)$/;

function nameCandidates(paragraph: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (kind: 'organisation' | 'person', rules: readonly RegExp[]) => {
    for (const rule of rules) {
      rule.lastIndex = 0;
      for (const m of paragraph.matchAll(rule)) {
        // A name ends before a sentence's full stop ("… fährt Flixbus."), not an abbreviation's ("Inc.").
        let name = (m[1] ?? '').replace(/[\s,;:]+$/u, '').replace(/(\p{Ll}{3,})\.$/u, '$1').trim();
        // "Die Beispiel Recycling GmbH": the article is not part of the name.
        while (NOT_NAMES.test(name.split(/\s+/)[0] ?? '')) name = name.replace(/^\S+\s*/, '');
        // "Firma Vertrieb": a generic word before a name is not part of it.
        while (/\s/.test(name) && GENERIC.test(name.split(/\s+/)[0] ?? '')) name = name.replace(/^\S+\s*/, '');
        if (name.length < 3 || !/\s|\p{Lu}\p{Ll}+\p{Lu}|^\p{Lu}\p{Ll}{3,}/u.test(name)) continue;
        // "Bürgermeister Walter", "Musterstadts Bürgermeister": a role is not a person's name, and a
        // legal form alone ("Gruppe") is not an organisation's.
        if (name.split(/\s+/).some((word) => ROLE_WORD.test(word)) || LEGAL_FORM_ALONE.test(name)) continue;
        const index = paragraph.indexOf(name, m.index);
        if (index >= 0 && !isNoise(name, paragraph)) out.push({ kind, label: kind, value: name, evidence: name, index });
      }
    }
  };
  add('organisation', ORGANISATION_RULES);
  out.push(...abbreviated(paragraph));
  add('person', PERSON_RULES);
  return out;
}

/** "Amazon Web Services (AWS)": the words before an abbreviation whose initials spell it. */
function abbreviated(paragraph: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of paragraph.matchAll(/\((\p{Lu}{2,6})\)/gu)) {
    const abbreviation = m[1] ?? '';
    const before = paragraph.slice(0, m.index).trimEnd();
    const wordsBefore = before.split(/\s+/);
    const initials = wordsBefore.slice(-abbreviation.length);
    if (initials.length === abbreviation.length && initials.every((w, i) => w.startsWith(abbreviation[i] ?? ' ') && /^\p{Lu}/u.test(w))) {
      const name = `${initials.join(' ')} (${abbreviation})`;
      const index = paragraph.lastIndexOf(initials.join(' '), m.index);
      if (index >= 0 && paragraph.startsWith(name, index)) out.push({ kind: 'organisation', label: 'organisation', value: name, evidence: name, index });
    }
  }
  return out;
}

// Common nouns a rule can mistake for a name: departments, institutions in general, abstract nouns.
const GENERIC = /^(Vertrieb|Marketing|Verwaltung|Regierung|Ministerium|Polizei|Stadt|Gemeinde|Land|Bund|Kommune|Konzern|Unternehmen|Firma|Tochter|Hersteller|Anbieter|Branche|Markt|Börse|Gericht|Behörde|Amt|Verband|Verein|Partei|Fraktion|Opposition|Koalition|Zentrale|Leitung|Führung|Abteilung|Bereich|Sparte|Geschäft|Sprecher|Sprecherin|Chef|Chefin|Experten?|Kunden?|Mitarbeiter(innen)?|Beschäftigte[n]?|Bürger(innen)?)$/u;
const NOUN_ENDING = /(ung|heit|keit|schaft|ion|tät|ismus|ment|nis|tum|ei|ik|ur)$/u;

/**
 * Noise among name candidates: a genitive of a name found elsewhere ("Amazons"), a bare
 * department or institution word, an abstract noun, a fragment of a compound ("Nord-").
 */
function isNoise(name: string, paragraph: string): boolean {
  if (/^-|-$/.test(name) || /\d/.test(name)) return true;
  const parts = name.split(/\s+/);
  const alone = (word: string) => new RegExp(`(^|[^\\p{L}-])${escapeRegExp(word)}([^\\p{L}-]|$)`, 'u').test(paragraph);
  if (parts.length === 1) {
    if (GENERIC.test(name) || NOUN_ENDING.test(name)) return true;
    // A compound's first part ("Amazon-Chef" → "Amazon") is kept only where it stands alone too.
    if (!alone(name)) return true;
  }
  // "Amazons": a genitive s on the last word of a name that the paragraph also has without it.
  const last = parts[parts.length - 1] ?? '';
  return parts.length <= 2 && /\p{Ll}s$/u.test(last) && !/ss$/u.test(last) && alone(last.slice(0, -1));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** At most this many candidates per article, and per paragraph. */
const MAX_FACTS = 12;
const MAX_PER_PARAGRAPH = 4;
const CONTEXT_WORDS = 3;

/**
 * The evidence with up to a few words before it from the same clause ("Investition von 4
 * Milliarden Dollar"), as long as its first occurrence in the paragraph is this one, inside
 * `span` (the cited sentence): `validate` finds evidence by its first occurrence.
 */
function withContext(paragraph: string, c: Candidate, span: Span): { evidence: string; index: number } | undefined {
  const clause = paragraph.slice(span.start, c.index);
  const cut = Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';'), clause.lastIndexOf(':'), clause.lastIndexOf('('), clause.lastIndexOf('„'), clause.lastIndexOf('"'));
  const before = clause.slice(cut + 1).split(/\s+/).filter((w) => w !== '');
  const end = c.index + c.evidence.length;
  for (let n = Math.min(CONTEXT_WORDS, before.length); n >= 0; n--) {
    const words = before.slice(before.length - n);
    const start = n === 0 ? c.index : paragraph.lastIndexOf(words[0] ?? '', c.index);
    if (start < span.start) continue;
    const evidence = paragraph.slice(start, end);
    if (paragraph.indexOf(evidence) === start && end <= span.end) return { evidence, index: start };
  }
  return undefined;
}

/** The unit's sentence spans exactly as validate computes them for the German side. */
function germanSpans(side: BlockSide): Span[] {
  return alignParagraphUnits(side.text, '', undefined, pairBlock(side, undefined)).deSentenceSpans;
}

/** Candidate facts for an article's units (in their Markdown-like form), every one `confirmed: false`. */
export function candidateFacts(units: readonly string[]): Fact[] {
  const facts: Fact[] = [];
  const seenValues = new Set<string>();
  const ids = new Set<string>();
  units.forEach((unit, p) => {
    const side = parseBlock(unit.split('\n'));
    // A subheading or a question states no fact of its own.
    if (side.kind === 'heading' || side.kind === 'question' || side.text === '') return;
    const paragraph = side.text;
    const spans = germanSpans(side);
    const found = [...quantityCandidates(paragraph), ...nameCandidates(paragraph)].sort((a, b) => a.index - b.index);
    let inParagraph = 0;
    for (const c of found) {
      if (facts.length >= MAX_FACTS || inParagraph >= MAX_PER_PARAGRAPH) break;
      // "Amazon Web Services (AWS)" and a later "Amazon Web Services" are one organisation.
      const valueKey = `${c.kind}:${c.value.toLowerCase().replace(/\s*\([^)]*\)$/, '')}`;
      if (seenValues.has(valueKey)) continue;
      const sentence = spans.findIndex((s) => c.index >= s.start && c.index + c.evidence.length <= s.end);
      const span = spans[sentence];
      if (!span || paragraph.slice(c.index, c.index + c.evidence.length) !== c.evidence) continue;
      const cited = withContext(paragraph, c, span);
      if (!cited) continue;
      seenValues.add(valueKey);
      inParagraph++;
      const base = `${c.kind === 'organisation' ? 'org' : c.kind}-${slugify(c.value).slice(0, 40).replace(/-+$/, '') || 'wert'}`;
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      facts.push({
        id,
        kind: c.kind,
        label: { ...LABELS[c.label] },
        value: { de: c.value },
        paragraph: p + 1,
        sentence: sentence + 1,
        evidence: cited.evidence,
        confirmed: false,
      });
    }
  });
  return facts;
}

// ---- proposed glossary ----

/** At most this many proposed terms. */
const MAX_TERMS = 8;
// A long German noun (a compound), or a hyphenated compound ("Cloud-Computing-Geschäft").
const TERM = /(?<![\p{L}\p{N}-])(\p{Lu}\p{Ll}{3,}(?:-\p{Lu}?\p{Ll}+)+|\p{Lu}\p{Ll}{12,})(?![\p{L}\p{N}-])/gu;
// Inflection endings that make two forms one term ("Stellenstreichung", "Stellenstreichungen";
// "Passwortmanager", "Passwortmanagers": taken off twice, so a genitive -s goes with them).
const ENDING = /(en|er|es|n|s|e)$/u;
const stem = (word: string) => word.replace(ENDING, '').replace(ENDING, '');
// The genitive -s of a noun in -er, -el or -en ("des Anbieters", "des Unternehmens"): a glossary
// lists the word as a dictionary does.
const baseForm = (word: string) => word.replace(/(?<=\p{Ll}e[rln])s$/u, '');

/**
 * The article's hardest terms for the curator to translate once and confirm: long compounds
 * and hyphenated domain words, the most frequent and longest first, each in the shortest form
 * it appears in, without a genitive -s; names found as candidate facts are left out.
 */
export function proposedGlossary(units: readonly string[], facts: readonly Fact[] = []): GlossaryFileEntry[] {
  const names = new Set(facts.filter((f) => f.kind === 'organisation' || f.kind === 'person').flatMap((f) => f.value.de.split(/\s+/)));
  const terms = new Map<string, { first: string; count: number; order: number }>();
  let order = 0;
  for (const unit of units) {
    const side = parseBlock(unit.split('\n'));
    if (side.kind === 'heading') continue;
    for (const m of side.text.matchAll(TERM)) {
      const word = m[1] ?? '';
      if (names.has(word) || word.split('-').some((part) => names.has(part)) || GENERIC.test(word)) continue;
      const key = stem(word.toLowerCase());
      const seen = terms.get(key);
      if (!seen) terms.set(key, { first: baseForm(word), count: 1, order: order++ });
      else {
        seen.count++;
        if (baseForm(word).length < seen.first.length) seen.first = baseForm(word);
      }
    }
  }
  return [...terms.values()]
    .sort((a, b) => b.count - a.count || b.first.length - a.first.length || a.order - b.order)
    .slice(0, MAX_TERMS)
    .sort((a, b) => a.order - b.order)
    .map((t) => ({ de: t.first, confirmed: false }));
}
