/** A problem found in a library file, printed as `file:line: message`. */
import { sanitise, showControls } from '../text/sanitize.js';
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };

/** Values a message is filled in with. */
export type MessageParams = Record<string, string | number>;

export interface Diagnostic {
  /** Path of the file, as the user should see it (relative to the library where possible). */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  /** The message in English. */
  message: string;
  severity: 'error' | 'warning';
  /**
   * The message's key under `diagnostics` in locales/*.json and its values, so that an
   * interface in another language can say it in its words (absent: English only).
   */
  code?: DiagnosticCode;
  params?: MessageParams;
}

type Messages = (typeof en)['diagnostics'];
/** A message key without its plural ending. */
export type DiagnosticCode = keyof Messages extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K & string) : never;

/** The languages diagnostics can be said in (the interface languages). */
export type DiagnosticLanguage = 'en' | 'de';

const LOCALES: Record<DiagnosticLanguage, { messages: Record<string, string>; kinds: Record<string, string> }> = {
  en: { messages: en.diagnostics, kinds: en.article.kinds },
  de: { messages: de.diagnostics, kinds: de.article.kinds },
};

/**
 * The message for `code` in `language`: i18next's `{{name}}` interpolation and plural choice
 * (`_one`/`_other` by `count`), done here so that the English text exists wherever a
 * diagnostic is made, without an i18next instance. Block kinds (`deKind`, `enKind`) are named
 * in the language too.
 */
export function diagnosticText(code: DiagnosticCode, params: MessageParams = {}, language: DiagnosticLanguage = 'en'): string {
  const { messages, kinds } = LOCALES[language];
  const count = params['count'];
  const template = (typeof count === 'number' ? messages[`${code}_${count === 1 ? 'one' : 'other'}`] : undefined) ?? messages[code] ?? LOCALES.en.messages[code] ?? code;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return name.endsWith('Kind') ? (kinds[String(value)] ?? String(value)) : String(value);
  });
}

/** A diagnostic whose message comes from the `diagnostics` messages (English here, any language when shown). */
export function coded(severity: Diagnostic['severity'], file: string, code: DiagnosticCode, params: MessageParams = {}, line?: number): Diagnostic {
  const base = { file, message: diagnosticText(code, params), severity, code, params };
  return line === undefined ? base : { ...base, line };
}

export function error(file: string, message: string, line?: number): Diagnostic {
  return line === undefined ? { file, message, severity: 'error' } : { file, line, message, severity: 'error' };
}

export function warning(file: string, message: string, line?: number): Diagnostic {
  return line === undefined
    ? { file, message, severity: 'warning' }
    : { file, line, message, severity: 'warning' };
}

/** Says a diagnostic in the interface language: `message` is the coded message in that language. */
export interface DiagnosticWords {
  message?: (code: DiagnosticCode, params: MessageParams) => string;
  /** The word before a warning's message ("warning"), in the interface language. */
  warning?: string;
}

/** `file:line: message` (or `file: message` without a line), in English. */
export function formatDiagnostic(d: Diagnostic): string {
  return formatDiagnosticIn(d, {});
}

/** formatDiagnostic in the words of the interface language. */
export function formatDiagnosticIn(d: Diagnostic, words: DiagnosticWords): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  const message = d.code && words.message ? words.message(d.code, d.params ?? {}) : d.message;
  return `${where}: ${d.severity === 'warning' ? `${words.warning ?? 'warning'}: ` : ''}${message}`;
}

/**
 * formatDiagnostic made safe to print: the path (which holds a folder name
 * straight from the disk) with its controls made visible, so the user can
 * find the folder again; the message cleaned.
 */
export function showDiagnostic(d: Diagnostic): string {
  return showDiagnosticIn(d, {});
}

/** showDiagnostic in the words of the interface language. */
export function showDiagnosticIn(d: Diagnostic, words: DiagnosticWords): string {
  return sanitise(formatDiagnosticIn({ ...d, file: showControls(d.file), message: sanitise(d.message) }, words));
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
