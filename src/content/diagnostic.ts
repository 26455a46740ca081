/** A problem found in a library file, printed as `file:line: message`. */
import { sanitise, showControls } from '../text/sanitize.js';

export interface Diagnostic {
  /** Path of the file, as the user should see it (relative to the library where possible). */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}

export function error(file: string, message: string, line?: number): Diagnostic {
  return line === undefined ? { file, message, severity: 'error' } : { file, line, message, severity: 'error' };
}

export function warning(file: string, message: string, line?: number): Diagnostic {
  return line === undefined
    ? { file, message, severity: 'warning' }
    : { file, line, message, severity: 'warning' };
}

/** `file:line: message` (or `file: message` without a line). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  return `${where}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

/**
 * formatDiagnostic made safe to print: the path (which holds a folder name
 * straight from the disk) with its controls made visible, so the user can
 * find the folder again; the message cleaned.
 */
export function showDiagnostic(d: Diagnostic): string {
  return formatDiagnostic({ ...d, file: showControls(d.file), message: sanitise(d.message) });
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
