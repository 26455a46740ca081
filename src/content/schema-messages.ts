/**
 * Zod issues in the words of the file's author: "fact 1: paragraph must be 1
 * or more" rather than "facts.0.paragraph: Too small: expected number to be >=1".
 */
import type { core } from 'zod';
import { showControls } from '../text/sanitize.js';

type Issue = core.$ZodIssue;

/** Example values for the formats the schema asks for. */
const FORMAT_EXAMPLES: Record<string, string> = {
  datetime: 'a date and time with offset is needed, like 2024-04-04T09:30:00+02:00',
  date: 'a date is needed, like 2024-04-04',
  url: 'must be a web address starting with http:// or https://',
};

/** What a value of each expected type is called. */
const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
};

const key = (part: PropertyKey) => showControls(String(part));

/**
 * Where the issue is, in words: `fact 2`, `glossary entry 1`, `tag 3`,
 * `alignment of paragraph 4`, then the field (`label (en)`), if any.
 */
function issuePlace(path: readonly PropertyKey[]): { entry: string; field: string } {
  const [top, index, ...rest] = path;
  const entryName: Record<string, string> = { facts: 'fact', glossary: 'glossary entry', tags: 'tag' };
  const name = typeof top === 'string' ? entryName[top] : undefined;
  if (name && typeof index === 'number') return { entry: `${name} ${index + 1}`, field: fieldName(rest) };
  if (top === 'machine' && index !== undefined) {
    const owner = typeof index === 'string' && /^\d+$/.test(index) ? `paragraph ${index}` : key(index);
    return { entry: `machine mark of ${owner}`, field: fieldName(rest) };
  }
  if (top === 'alignment' && index !== undefined) {
    const bead = typeof rest[0] === 'number' ? `, bead ${rest[0] + 1}` : '';
    return { entry: '', field: `alignment of paragraph ${key(index)}${bead}` };
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
function sizeWords(issue: { origin: string; path: readonly PropertyKey[] }, limitValue: number | bigint, small: boolean): string {
  const limit = Number(limitValue);
  if (issue.origin === 'string') {
    if (small && limit <= 1) return 'must not be empty';
    return `must have ${small ? 'at least' : 'at most'} ${limit} characters`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const [one, many] = issue.path[0] === 'alignment' ? ['bead', 'beads'] : ['entry', 'entries'];
    if (small && limit <= 1) return `must list at least one ${one}`;
    return `must list ${small ? 'at least' : 'at most'} ${limit} ${many}`;
  }
  return `must be ${limit} or ${small ? 'more' : 'less'}`;
}

/**
 * The message for one issue (without the place). A phrase that starts with
 * "must" follows the field name directly; anything else after a colon.
 */
function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // An absent key and an empty value (`published:` reads as null) are the same mistake to a person.
      if (/received (undefined|null)\b/.test(issue.message)) return 'missing';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return sizeWords(issue, issue.minimum, true);
    case 'too_big':
      return sizeWords(issue, issue.maximum, false);
    case 'invalid_format':
      // Our own regexes carry their own wording; the built-in formats get an example.
      if (issue.format === 'regex') return issue.message.startsWith('Invalid') ? 'is not in the expected form' : issue.message;
      return FORMAT_EXAMPLES[issue.format] ?? `must be a valid ${issue.format}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}`;
    case 'invalid_key': {
      const name = `"${key(issue.path[issue.path.length - 1] ?? '')}"`;
      if (issue.path[0] === 'machine') return `${name} is not a paragraph number (from 1), "title" or "dek"`;
      return issue.path[0] === 'alignment' ? `${name} is not a paragraph number (they start at 1)` : `${name} is not a valid key`;
    }
    case 'unrecognized_keys':
      // Keys come from the file: control characters are shown as \uXXXX, never passed on.
      return `unknown field ${issue.keys.map((k) => `"${showControls(k)}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

/** The whole message for an issue: where, then what is wrong. */
export function issueMessage(issue: Issue): string {
  const text = describe(issue);
  // A bad key is named in the message: its place is the mapping that holds it.
  const { entry, field } = issuePlace(issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path);
  const subject = [entry, field].filter(Boolean).join(': ');
  if (subject === '') return text;
  return text.startsWith('must ') || text.startsWith('is ') ? `${subject} ${text}` : `${subject}: ${text}`;
}
