/**
 * Zod issues in the words of the file's author: "fact 1: paragraph must be 1
 * or more" rather than "facts.0.paragraph: Too small: expected number to be >=1".
 */
import type { core } from 'zod';
import { showControls } from '../text/sanitize.js';

type Issue = core.$ZodIssue;

/** The words of these messages in one language (English, or German for `--ui-lang de`). */
interface Words {
  formats: Record<string, string>;
  types: Record<string, string>;
  entries: Record<string, string>;
  alignmentOf: (paragraph: string, bead: string) => string;
  bead: (n: number) => string;
  missing: string;
  mustBe: (what: string) => string;
  notEmpty: string;
  chars: (atLeast: boolean, n: number) => string;
  listAtLeastOne: (alignment: boolean) => string;
  list: (atLeast: boolean, n: number, alignment: boolean) => string;
  number: (n: number, small: boolean) => string;
  validFormat: (format: string) => string;
  notExpectedForm: string;
  oneOf: (values: string) => string;
  notParagraphNumber: (name: string) => string;
  notMachineKey: (name: string) => string;
  notValidKey: (name: string) => string;
  unknownField: (names: string) => string;
  /** Phrases that follow the field name directly (without a colon). */
  direct: RegExp;
}

const EN: Words = {
  formats: {
    datetime: 'a date and time with offset is needed, like 2024-04-04T09:30:00+02:00',
    date: 'a date is needed, like 2024-04-04',
    url: 'must be a web address starting with http:// or https://',
  },
  types: { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping (key: value)', record: 'a mapping (key: value)' },
  entries: { facts: 'fact', glossary: 'glossary entry', tags: 'tag' },
  alignmentOf: (paragraph, bead) => `alignment of paragraph ${paragraph}${bead}`,
  bead: (n) => `, bead ${n}`,
  missing: 'missing',
  mustBe: (what) => `must be ${what}`,
  notEmpty: 'must not be empty',
  chars: (atLeast, n) => `must have ${atLeast ? 'at least' : 'at most'} ${n} characters`,
  listAtLeastOne: (alignment) => `must list at least one ${alignment ? 'bead' : 'entry'}`,
  list: (atLeast, n, alignment) => `must list ${atLeast ? 'at least' : 'at most'} ${n} ${alignment ? 'beads' : 'entries'}`,
  number: (n, small) => `must be ${n} or ${small ? 'more' : 'less'}`,
  validFormat: (format) => `must be a valid ${format}`,
  notExpectedForm: 'is not in the expected form',
  oneOf: (values) => `must be one of ${values}`,
  notParagraphNumber: (name) => `${name} is not a paragraph number (they start at 1)`,
  notMachineKey: (name) => `${name} is not a paragraph number (from 1), "title" or "dek"`,
  notValidKey: (name) => `${name} is not a valid key`,
  unknownField: (names) => `unknown field ${names}`,
  direct: /^(must |is )/,
};

const DE: Words = {
  formats: {
    datetime: 'ein Datum mit Uhrzeit und Zeitzone ist nötig, etwa 2024-04-04T09:30:00+02:00',
    date: 'ein Datum ist nötig, etwa 2024-04-04',
    url: 'muss eine Webadresse sein, die mit http:// oder https:// beginnt',
  },
  types: { string: 'Text', number: 'eine Zahl', int: 'eine ganze Zahl', boolean: 'true oder false', array: 'eine Liste', object: 'eine Zuordnung (schlüssel: wert)', record: 'eine Zuordnung (schlüssel: wert)' },
  entries: { facts: 'Fakt', glossary: 'Glossareintrag', tags: 'Schlagwort' },
  alignmentOf: (paragraph, bead) => `alignment von Absatz ${paragraph}${bead}`,
  bead: (n) => `, Glied ${n}`,
  missing: 'fehlt',
  mustBe: (what) => `muss ${what} sein`,
  notEmpty: 'darf nicht leer sein',
  chars: (atLeast, n) => `muss ${atLeast ? 'mindestens' : 'höchstens'} ${n} Zeichen haben`,
  listAtLeastOne: (alignment) => `muss mindestens ${alignment ? 'ein Glied' : 'einen Eintrag'} nennen`,
  list: (atLeast, n, alignment) => `muss ${atLeast ? 'mindestens' : 'höchstens'} ${n} ${alignment ? 'Glieder' : 'Einträge'} nennen`,
  number: (n, small) => `muss ${n} oder ${small ? 'mehr' : 'weniger'} sein`,
  validFormat: (format) => `muss ein gültiges ${format} sein`,
  notExpectedForm: 'hat nicht die erwartete Form',
  oneOf: (values) => `muss eines von ${values} sein`,
  notParagraphNumber: (name) => `${name} ist keine Absatznummer (sie beginnen bei 1)`,
  notMachineKey: (name) => `${name} ist weder eine Absatznummer (ab 1) noch "title" oder "dek"`,
  notValidKey: (name) => `${name} ist kein gültiger Schlüssel`,
  unknownField: (names) => `unbekanntes Feld ${names}`,
  direct: /^(muss |darf |hat |ist )/,
};

const WORDS = { en: EN, de: DE } as const;

const key = (part: PropertyKey) => showControls(String(part));

/**
 * Where the issue is, in words: `fact 2`, `glossary entry 1`, `tag 3`,
 * `alignment of paragraph 4`, then the field (`label (en)`), if any.
 */
function issuePlace(path: readonly PropertyKey[], w: Words): { entry: string; field: string } {
  const [top, index, ...rest] = path;
  const name = typeof top === 'string' ? w.entries[top] : undefined;
  if (name && typeof index === 'number') return { entry: `${name} ${index + 1}`, field: fieldName(rest) };
  if (top === 'machine' && index !== undefined) {
    const owner = typeof index === 'string' && /^\d+$/.test(index) ? `paragraph ${index}` : key(index);
    return { entry: `machine mark of ${owner}`, field: fieldName(rest) };
  }
  if (top === 'alignment' && index !== undefined) {
    const bead = typeof rest[0] === 'number' ? w.bead(rest[0] + 1) : '';
    return { entry: '', field: w.alignmentOf(key(index), bead) };
  }
  return { entry: '', field: fieldName(path) };
}

/** `label` or, one level down, `label (en)`. */
function fieldName(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path;
  if (first === undefined) return '';
  return rest.length === 0 ? key(first) : `${key(first)} (${rest.map(key).join(' ')})`;
}

/** A value under `minimum` (small) or over `maximum`, in words for what it is. */
function sizeWords(issue: { origin: string; path: readonly PropertyKey[] }, limitValue: number | bigint, small: boolean, w: Words): string {
  const limit = Number(limitValue);
  if (issue.origin === 'string') {
    if (small && limit <= 1) return w.notEmpty;
    return w.chars(small, limit);
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const alignment = issue.path[0] === 'alignment';
    if (small && limit <= 1) return w.listAtLeastOne(alignment);
    return w.list(small, limit, alignment);
  }
  return w.number(limit, small);
}

/**
 * The message for one issue (without the place). A phrase that starts with
 * "must" follows the field name directly; anything else after a colon.
 */
function describe(issue: Issue, w: Words): string {
  switch (issue.code) {
    case 'invalid_type':
      // An absent key and an empty value (`published:` reads as null) are the same mistake to a person.
      if (/received (undefined|null)\b/.test(issue.message)) return w.missing;
      return w.mustBe(w.types[issue.expected] ?? issue.expected);
    case 'too_small':
      return sizeWords(issue, issue.minimum, true, w);
    case 'too_big':
      return sizeWords(issue, issue.maximum, false, w);
    case 'invalid_format':
      // Our own regexes carry their own wording (in English); the built-in formats get an example.
      if (issue.format === 'regex') return issue.message.startsWith('Invalid') ? w.notExpectedForm : issue.message;
      return w.formats[issue.format] ?? w.validFormat(issue.format);
    case 'invalid_value':
      return w.oneOf(issue.values.map((v) => `"${String(v)}"`).join(', '));
    case 'invalid_key': {
      const name = `"${key(issue.path[issue.path.length - 1] ?? '')}"`;
      if (issue.path[0] === 'machine') return w.notMachineKey(name);
      return issue.path[0] === 'alignment' ? w.notParagraphNumber(name) : w.notValidKey(name);
    }
    case 'unrecognized_keys':
      // Keys come from the file: control characters are shown as \uXXXX, never passed on.
      return w.unknownField(issue.keys.map((k) => `"${showControls(k)}"`).join(', '));
    case 'custom':
      // Our own refinements say "missing" for an absent field.
      return issue.message === 'missing' ? w.missing : issue.message;
    default:
      return issue.message;
  }
}

/** The whole message for an issue, in `language`: where, then what is wrong. */
export function issueMessage(issue: Issue, language: 'en' | 'de' = 'en'): string {
  const w = WORDS[language];
  const text = describe(issue, w);
  // A bad key is named in the message: its place is the mapping that holds it.
  const { entry, field } = issuePlace(issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path, w);
  const subject = [entry, field].filter(Boolean).join(': ');
  if (subject === '') return text;
  return w.direct.test(text) ? `${subject} ${text}` : `${subject}: ${text}`;
}
