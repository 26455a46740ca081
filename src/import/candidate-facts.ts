/**
 * Candidate facts for a freshly imported article: amounts, percentages, counted things,
 * dates, organisations and people, each with its exact words as evidence and the sentence
 * it is in. The curator confirms or deletes them; so the rules favour a few good candidates
 * over many doubtful ones.
 */
import type { Fact, FactKind } from '../content/schema.js';
import { splitSentences } from '../text/split-sentences.js';
import { slugify } from './slug.js';
import { extractQuantities, type Quantity } from '../quantities/compare.js';

interface Span {
  start: number;
  end: number;
}

/** Where each sentence of the paragraph starts and ends (the splitter returns them as written). */
function sentenceSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const sentence of splitSentences(paragraph, 'de')) {
    const start = paragraph.indexOf(sentence, from);
    if (start < 0) continue;
    spans.push({ start, end: start + sentence.length });
    from = start + sentence.length;
  }
  return spans;
}

interface Candidate {
  kind: FactKind;
  label: string;
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
      return { kind: 'money', label: 'Betrag', value: q.text, evidence: q.text, index: q.index };
    case 'percent':
      return { kind: 'number', label: 'Anteil', value: q.text, evidence: q.text, index: q.index };
    case 'date':
      // A bare month or a day without a year says too little to be a key fact.
      return typeof q.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(q.value)
        ? { kind: 'date', label: 'Datum', value: q.text, evidence: q.text, index: q.index }
        : undefined;
    case 'number': {
      if (q.ordinal || (typeof q.value === 'number' && q.value < 2)) return undefined;
      // Digits glued to a word ("Covid-19", "B33") are names, not counts.
      if (/[\p{L}-]$/u.test(paragraph.slice(0, q.index))) return undefined;
      const counted = COUNTED.exec(paragraph.slice(q.index + q.text.length));
      if (!counted) return undefined;
      const evidence = paragraph.slice(q.index, q.index + q.text.length + counted[0].length);
      return { kind: 'number', label: 'Anzahl', value: evidence, evidence, index: q.index };
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
  const add = (kind: FactKind, label: string, rules: readonly RegExp[]) => {
    for (const rule of rules) {
      rule.lastIndex = 0;
      for (const m of paragraph.matchAll(rule)) {
        // A name ends before a sentence's full stop ("… fährt Flixbus."), not an abbreviation's ("Inc.").
        let name = (m[1] ?? '').replace(/[\s,;:]+$/u, '').replace(/(\p{Ll}{3,})\.$/u, '$1').trim();
        // "Die Beispiel Recycling GmbH": the article is not part of the name.
        while (NOT_NAMES.test(name.split(/\s+/)[0] ?? '')) name = name.replace(/^\S+\s*/, '');
        if (name.length < 3 || !/\s|\p{Lu}\p{Ll}+\p{Lu}|^\p{Lu}\p{Ll}{3,}/u.test(name)) continue;
        // "Bürgermeister Walter", "Musterstadts Bürgermeister": a role is not a person's name, and a
        // legal form alone ("Gruppe") is not an organisation's.
        if (name.split(/\s+/).some((word) => ROLE_WORD.test(word)) || LEGAL_FORM_ALONE.test(name)) continue;
        const index = paragraph.indexOf(name, m.index);
        if (index >= 0) out.push({ kind, label, value: name, evidence: name, index });
      }
    }
  };
  add('organisation', 'Organisation', ORGANISATION_RULES);
  out.push(...abbreviated(paragraph));
  add('person', 'Person', PERSON_RULES);
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
      if (index >= 0 && paragraph.startsWith(name, index)) out.push({ kind: 'organisation', label: 'Organisation', value: name, evidence: name, index });
    }
  }
  return out;
}

/** At most this many candidates per article, and per paragraph. */
const MAX_FACTS = 20;
const MAX_PER_PARAGRAPH = 5;

/** Candidate facts for German `paragraphs`, every one `confirmed: false`. */
export function candidateFacts(paragraphs: readonly string[]): Fact[] {
  const facts: Fact[] = [];
  const seenValues = new Set<string>();
  const ids = new Set<string>();
  paragraphs.forEach((paragraph, p) => {
    const spans = sentenceSpans(paragraph);
    const found = [...quantityCandidates(paragraph), ...nameCandidates(paragraph)].sort((a, b) => a.index - b.index);
    let inParagraph = 0;
    for (const c of found) {
      if (facts.length >= MAX_FACTS || inParagraph >= MAX_PER_PARAGRAPH) break;
      // "Amazon Web Services (AWS)" and a later "Amazon Web Services" are one organisation.
      const valueKey = `${c.kind}:${c.value.toLowerCase().replace(/\s*\([^)]*\)$/, '')}`;
      if (seenValues.has(valueKey)) continue;
      const sentence = spans.findIndex((s) => c.index >= s.start && c.index + c.evidence.length <= s.end);
      if (sentence < 0 || paragraph.slice(c.index, c.index + c.evidence.length) !== c.evidence) continue;
      seenValues.add(valueKey);
      inParagraph++;
      const base = `${c.kind === 'organisation' ? 'org' : c.kind}-${slugify(c.value).slice(0, 40).replace(/-+$/, '') || 'wert'}`;
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      facts.push({
        id,
        kind: c.kind,
        label: { de: c.label },
        value: { de: c.value },
        paragraph: p + 1,
        sentence: sentence + 1,
        evidence: c.evidence,
        confirmed: false,
      });
    }
  });
  return facts;
}
