/**
 * The one shape of every command's --json output: a top-level object naming
 * its format and version, so scripts can check what they read. A format's
 * version goes up only when a field is removed or changes meaning; new fields
 * may appear within a version. The shapes are documented in the README.
 */
import { terminalSafeJson } from '../text/sanitize.js';

/** `{"format": "newsbridge.<command>", "version": n, ...body}` as terminal-safe JSON text with a final newline. */
export function jsonDocument(command: string, version: number, body: Record<string, unknown>): string {
  return `${terminalSafeJson({ format: `newsbridge.${command}`, version, ...body })}\n`;
}
