/** `newsbridge align DE_FILE EN_FILE [--json]`: sentence alignment, paragraph by paragraph (either file may be `-`, standard input). */
import { splitParagraphs } from '../content/front-matter.js';
import { readTextFile } from '../content/read-file.js';
import { cleanText } from '../text/normalize.js';
import { alignParagraph } from '../text/align-sentences.js';
import { pairParagraphs } from '../curate/paragraph-alignment.js';
import { sanitise } from '../text/sanitize.js';
import { CliError } from './cli-error.js';
import type { CommandContext, GlobalOptions } from './context.js';
import { jsonDocument } from './json-output.js';
import { readStdinText } from './read-stdin.js';

export interface AlignOptions extends GlobalOptions {
  json?: boolean;
}

async function paragraphsOf(file: string, ctx: CommandContext): Promise<string[]> {
  const read = file === '-' ? await readStdinText(ctx.stdin) : await readTextFile(file);
  if (!read.ok) throw new CliError(ctx.t('cli.cannotRead', { file: sanitise(file), message: read.missing ? ctx.t('cli.noSuchFile') : read.message }));
  const text = read.text;
  // A file with front matter (an article file) is accepted too: its body is used.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let start = 0;
  if (lines[0]?.trimEnd() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close > 0) start = close + 1;
  }
  return splitParagraphs(lines.slice(start), start + 1).map((p) => cleanText(p.text));
}

export async function alignCommand(deFile: string, enFile: string, options: AlignOptions, ctx: CommandContext): Promise<number> {
  if (deFile === '-' && enFile === '-') throw new CliError(ctx.t('conventions.bothStdin'), 2, ctx.t('cli.hint', { command: 'align ' }));
  if ((deFile === '-' || enFile === '-') && ctx.stdinIsTTY) throw new CliError(ctx.t('conventions.stdinIsTerminal'), 2, ctx.t('conventions.stdinHint'));
  const [de, en] = await Promise.all([paragraphsOf(deFile, ctx), paragraphsOf(enFile, ctx)]);
  // Paragraphs are paired as `import --translation` pairs them (a partial translation with the
  // paragraphs it translates); the sentences of each pair are then aligned.
  const result = [];
  for (const pair of pairParagraphs(de, en)) {
    const aligned = alignParagraph(pair.de.map((i) => de[i] ?? '').join(' '), pair.en.map((i) => en[i] ?? '').join(' '));
    result.push(aligned.beads.map((b) => ({ de: b.de.map((s) => aligned.de[s] ?? ''), en: b.en.map((s) => aligned.en[s] ?? '') })));
  }
  if (de.length !== en.length) {
    ctx.err(`${ctx.t('cli.paragraphCountMismatch', { de: de.length, en: en.length })}\n`);
  }
  if (options.json) {
    ctx.out(jsonDocument('align', 1, { paragraphs: result.map((beads, i) => ({ paragraph: i + 1, beads })) }));
    return 0;
  }
  const lines: string[] = [];
  result.forEach((beads, i) => {
    lines.push(ctx.t('cli.paragraphLabel', { n: i + 1 }));
    for (const bead of beads) {
      const shape = `${bead.de.length}-${bead.en.length}`;
      lines.push(`  [${shape}] DE: ${bead.de.join(' ') || '—'}`);
      lines.push(`  ${' '.repeat(shape.length + 2)} EN: ${bead.en.join(' ') || '—'}`);
    }
    lines.push('');
  });
  ctx.out(`${lines.join('\n')}`);
  return 0;
}
