/** The command-line surface: commands, options and their help, translated. */
import { Command, Option } from 'commander';
import { VERSION } from '../net/version.js';
import type { CommandContext, GlobalOptions } from './context.js';
import { readAction } from './plain-start.js';

export { VERSION };
export { CommanderError } from 'commander';

export type Action = (ctx: CommandContext) => Promise<number>;

/** What run() prepares before an action: `config` commands read the config file themselves. */
export interface ActionNeeds {
  config: boolean;
}

/**
 * Builds the program. Actions are not run here: parsing only records which
 * command to run, so the caller can load its code lazily.
 */
export function buildProgram(ctx: CommandContext, setAction: (action: Action, needs?: ActionNeeds) => void): Command {
  const { t } = ctx;
  const program = new Command('newsbridge');
  const common = (cmd: Command) =>
    cmd
      .addOption(new Option('--library <dir>', t('cli.libraryOption')))
      .addOption(new Option('--ui-lang <lang>', t('cli.uiLangOption')))
      .addOption(new Option('--no-color', t('cli.noColorOption')))
      .helpOption('-h, --help', t('cli.helpOption'))
      .configureHelp({ styleTitle: (title) => t(`cli.helpTitles.${title.replace(':', '')}`, { defaultValue: title }) });
  const withGlobals = <T extends GlobalOptions>(cmd: Command, options: T): T => ({ ...cmd.optsWithGlobals<T>(), ...options });

  common(program)
    .description(t('cli.description'))
    .usage(t('cli.usage'))
    .version(VERSION, '-V, --version', t('cli.versionOption'))
    .helpCommand('help [command]', t('cli.helpCommand'))
    .showSuggestionAfterError(true);

  common(program.command('read [id]', { isDefault: true }).description(t('cli.readCommand')))
    .action((id: string | undefined, options: GlobalOptions, cmd: Command) => {
      setAction(readAction(id, withGlobals(cmd, options)));
    });

  common(program.command('list').description(t('cli.listCommand')))
    .option('--json', t('cli.jsonOption'))
    .option('--unread', t('feeds.unreadOption'))
    .option('--feed <name>', t('feeds.feedOption'))
    .option('--since <date>', t('feeds.sinceOption'))
    .action((options: GlobalOptions & { json?: boolean; unread?: boolean; feed?: string; since?: string }, cmd: Command) => {
      setAction(async (c) => (await import('./list-command.js')).listCommand(withGlobals(cmd, options), c));
    });

  common(program.command('show').description(t('cli.showCommand')).argument('<id>', t('cli.showId')))
    .option('--lang <lang>', t('cli.langOption'))
    .option('--facts', t('cli.factsOption'))
    .option('--width <n>', t('cli.widthOption'))
    .option('--json', t('cli.jsonOption'))
    .action((id: string, options: GlobalOptions, cmd: Command) => {
      setAction(async (c) => (await import('./show-command.js')).showCommand(id, withGlobals(cmd, options), c));
    });

  common(program.command('validate').description(t('cli.validateCommand')).argument('[target]', t('cli.validateTarget')))
    .option('--errors-only', t('validate.errorsOnlyOption'))
    .option('--json', t('validate.jsonOption'))
    .action((target: string | undefined, options: GlobalOptions & { errorsOnly?: boolean; json?: boolean }, cmd: Command) => {
      setAction(async (c) => (await import('./validate-command.js')).validateCommand(target, withGlobals(cmd, options), c));
    });

  common(program.command('import').description(t('import.command')).argument('<input>', t('import.input')))
    .option('--id <id>', t('import.idOption'))
    .option('--force', t('import.forceOption'))
    .option('--translation <file>', t('import.translationOption'))
    .action((input: string, options: GlobalOptions & { id?: string; force?: boolean; translation?: string }, cmd: Command) => {
      setAction(async (c) => (await import('./import-command.js')).importCommand(input, withGlobals(cmd, options), c));
    });

  const feeds = common(program.command('feeds').description(t('feeds.command'))).helpCommand('help [command]', t('cli.helpCommand'));
  common(feeds.command('add').description(t('feeds.addCommand')).argument('<url>', t('feeds.addUrl')))
    .option('--name <name>', t('feeds.nameOption'))
    .option('--no-full-text', t('feeds.noFullTextOption'))
    .action((url: string, options: GlobalOptions & { name?: string; fullText?: boolean }, cmd: Command) => {
      setAction(async (c) => (await import('./feeds-command.js')).feedsAddCommand(url, withGlobals(cmd, options), c));
    });
  common(feeds.command('list').description(t('feeds.listCommand')))
    .option('--json', t('cli.jsonOption'))
    .action((options: GlobalOptions & { json?: boolean }, cmd: Command) => {
      setAction(async (c) => (await import('./feeds-command.js')).feedsListCommand(withGlobals(cmd, options), c));
    });
  common(feeds.command('remove').description(t('feeds.removeCommand')).argument('<feed>', t('feeds.removeTarget')))
    .action((target: string, options: GlobalOptions, cmd: Command) => {
      setAction(async (c) => (await import('./feeds-command.js')).feedsRemoveCommand(target, withGlobals(cmd, options), c));
    });
  common(feeds.command('import').description(t('feeds.importCommand')).argument('<file>', t('feeds.importFile')))
    .action((file: string, options: GlobalOptions, cmd: Command) => {
      setAction(async (c) => (await import('./feeds-command.js')).feedsImportCommand(file, withGlobals(cmd, options), c));
    });
  common(feeds.command('export').description(t('feeds.exportCommand')))
    .action((options: GlobalOptions, cmd: Command) => {
      setAction(async (c) => (await import('./feeds-command.js')).feedsExportCommand(withGlobals(cmd, options), c));
    });

  common(program.command('refresh').description(t('feeds.refreshCommand')).argument('[feeds...]', t('feeds.refreshNames')))
    .option('--json', t('feeds.jsonLinesOption'))
    .action((names: string[], options: GlobalOptions & { json?: boolean }, cmd: Command) => {
      setAction(async (c) => (await import('./refresh-command.js')).refreshCommand(names, withGlobals(cmd, options), c));
    });

  common(
    program
      .command('align')
      .description(t('cli.alignCommand'))
      .argument('<de-file>', t('cli.alignDe'))
      .argument('<en-file>', t('cli.alignEn')),
  )
    .option('--json', t('cli.jsonOption'))
    .action((deFile: string, enFile: string, options: GlobalOptions & { json?: boolean }) => {
      setAction(async (c) => (await import('./align-command.js')).alignCommand(deFile, enFile, options, c));
    });

  common(
    program
      .command('translate')
      .description(t('translate.command'))
      .argument('[ids...]', t('translate.ids')),
  )
    .option('--untranslated', t('translate.untranslatedOption'))
    .option('--provider <name>', t('translate.providerOption'))
    .option('--dry-run', t('translate.dryRunOption'))
    .option('--force', t('translate.forceOption'))
    .action((ids: string[], options: GlobalOptions & { untranslated?: boolean; provider?: string; dryRun?: boolean; force?: boolean }, cmd: Command) => {
      setAction(async (c) => (await import('./translate-command.js')).translateCommand(ids, withGlobals(cmd, options), c));
    });

  common(
    program
      .command('config')
      .description(t('config.command'))
      .argument('<action>', t('config.action')),
  ).action((action: string) => {
    setAction(async (c) => (await import('./config-command.js')).configCommand(action, c), { config: false });
  });

  common(program.command('completion').description(t('shell.completionCommand')).argument('<shell>', t('shell.shellArgument')))
    .action((shell: string) => {
      setAction(async (c) => (await import('./completion-command.js')).completionCommand(shell, program, c), { config: false });
    });

  // Usage lines in the interface language: commander would write "[options]" in English.
  for (const cmd of [...program.commands, ...feeds.commands]) {
    const args = cmd.registeredArguments.map((a) => {
      const name = `${a.name()}${a.variadic ? '...' : ''}`;
      return a.required ? `<${name}>` : `[${name}]`;
    });
    cmd.usage([t('cli.optionsTerm'), ...args].join(' '));
  }
  for (const parent of [program, feeds]) {
    parent.configureHelp({
      styleTitle: (title) => t(`cli.helpTitles.${title.replace(':', '')}`, { defaultValue: title }),
      subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`,
    });
  }
  return program;
}
