/**
 * The man page, newsbridge(1), written from the same commander program and
 * help texts as `--help` (in English). The build writes it to dist/newsbridge.1.
 */
import type { Command, Help } from 'commander';
import { createTranslator, type Translate } from '../i18n/translate.js';
import type { CommandContext } from './context.js';
import { buildProgram, VERSION } from './program.js';

/** Text made safe for roff: backslashes and hyphens escaped, no line starting with a control character. */
export function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** An option or argument term in bold, its placeholders in italics. */
function term(text: string): string {
  return roff(text)
    .split(/([<[][^>\]]*[>\]])/)
    .map((part, i) => (i % 2 === 1 ? `\\fI${part}\\fR` : part ? `\\fB${part}\\fR` : ''))
    .join('');
}

function optionItems(cmd: Command, help: Help): string[] {
  return help.visibleOptions(cmd).flatMap((o) => ['.TP', term(help.optionTerm(o)), roff(help.optionDescription(o))]);
}

/** Options every command has: documented once, under OPTIONS. */
const COMMON = new Set(['--library', '--ui-lang', '--no-color']);

function indented(lines: string[]): string[] {
  return lines.length > 0 ? ['.RS', ...lines, '.RE'] : [];
}

function section(title: string, body: string[]): string[] {
  return [`.SH ${title}`, ...body];
}

/** Paragraphs of a locale text (blank-line separated) as roff paragraphs. */
function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).flatMap((p, i) => [...(i > 0 ? ['.PP'] : []), roff(p.trim())]);
}

/** Lines "NAME<TAB>text" of a locale text as a tagged list. */
function tagged(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const [name = '', ...rest] = line.split('\t');
    return ['.TP', `\\fB${roff(name)}\\fR`, roff(rest.join('\t'))];
  });
}

function manContext(t: Translate): CommandContext {
  return { t, language: 'en', env: {}, out: () => undefined, err: () => undefined, stdoutIsTTY: false, stdinIsTTY: false, stdin: (async function* () {})(), columns: 80, rows: 24, color: false, colorLevel: 0 };
}

/** The whole man page as roff; `date` (YYYY-MM-DD) is the build's. */
export function manPage(date = ''): string {
  const t = createTranslator('en');
  const program = buildProgram(manContext(t), () => undefined);
  const help = program.createHelp();
  const name = program.name();
  const commands = program.commands.flatMap((cmd) => [
    '.TP',
    term(`${name} ${help.subcommandTerm(cmd)}`),
    roff(help.subcommandDescription(cmd)),
    ...indented([
      ...help.visibleArguments(cmd).flatMap((a) => ['.TP', term(help.argumentTerm(a)), roff(help.argumentDescription(a))]),
      ...cmd.options.filter((o) => !COMMON.has(o.long ?? '')).flatMap((o) => ['.TP', term(help.optionTerm(o)), roff(help.optionDescription(o))]),
    ]),
  ]);
  const lines = [
    `.TH ${name.toUpperCase()} 1 "${date}" "${name} ${VERSION}" "User Commands"`,
    ...section('NAME', [`${name} \\- ${roff(t('cli.description'))}`]),
    ...section('SYNOPSIS', [`.B ${name}`, `[\\fIcommand\\fR] [\\fIoptions\\fR] [\\fIarguments\\fR]`]),
    ...section('DESCRIPTION', paragraphs(t('man.description'))),
    ...section('COMMANDS', [roff(t('man.commandsIntro')), ...commands]),
    ...section('OPTIONS', [roff(t('man.optionsIntro')), ...optionItems(program, help)]),
    ...section('ENVIRONMENT', tagged(t('man.environment'))),
    ...section('FILES', tagged(t('man.files'))),
    ...section('EXIT STATUS', tagged(t('man.exitStatus'))),
    ...section('SEE ALSO', [roff(t('man.seeAlso'))]),
  ];
  return `${lines.join('\n')}\n`;
}
