/**
 * What shell completion needs to know about the command line, read from the
 * same commander program that parses it and prints --help, so a new command
 * or option completes without further work.
 */
import type { Command, Option } from 'commander';

/** What a word in some position can be. */
export type ValueKind = 'id' | 'id-or-dir' | 'file' | 'dir' | 'command' | 'shell' | 'text' | { words: string[] };

/** One option as completion sees it. */
export interface OptionModel {
  long: string;
  short?: string;
  description: string;
  /** The value it takes, if it takes one. */
  value?: ValueKind;
}

/** One command as completion sees it. */
export interface CommandModel {
  name: string;
  description: string;
  options: OptionModel[];
  /** The kind of each positional argument, in order. */
  args: ValueKind[];
  /** True when the last argument takes any number of words (`translate [ids...]`). */
  variadic?: boolean;
}

/** The whole command line: the program's own options and its commands (`read` is the default). */
export interface CompletionModel {
  program: string;
  options: OptionModel[];
  commands: CommandModel[];
  defaultCommand: string;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Values known by the option's name; every other option's value is free text. */
const OPTION_VALUES: Record<string, ValueKind> = {
  '--library': 'dir',
  '--translation': 'file',
  '--lang': { words: ['de', 'en', 'both'] },
  '--ui-lang': { words: ['en', 'de'] },
};

/** Values known by the argument's name; every other argument is a file. */
const ARGUMENT_VALUES: Record<string, ValueKind> = {
  id: 'id',
  ids: 'id',
  action: { words: ['path', 'check'] },
  target: 'id-or-dir',
  shell: 'shell',
  command: 'command',
};

function optionModel(option: Option): OptionModel {
  const takesValue = option.required || option.optional;
  return {
    long: option.long ?? '',
    ...(option.short ? { short: option.short } : {}),
    description: option.description,
    ...(takesValue ? { value: (option.long && OPTION_VALUES[option.long]) || (option.argChoices ? { words: option.argChoices } : 'text') } : {}),
  };
}

function optionsOf(cmd: Command): OptionModel[] {
  return cmd.createHelp().visibleOptions(cmd).filter((o) => o.long !== undefined).map(optionModel);
}

/**
 * The completion model of a program built by buildProgram. commander adds its
 * help command only while parsing, so its description comes from the caller.
 */
export function completionModel(program: Command, helpDescription: string, defaultCommand = 'read'): CompletionModel {
  const commands: CommandModel[] = program.commands.map((cmd) =>
    cmd.commands.length > 0
      ? // A command group (`feeds add|list|…`): its first word is a subcommand, and its options are all of theirs.
        {
          name: cmd.name(),
          description: cmd.description(),
          options: [...new Map([cmd, ...cmd.commands].flatMap(optionsOf).map((o) => [o.long, o])).values()],
          args: [{ words: cmd.commands.map((c) => c.name()) }],
        }
      : {
          name: cmd.name(),
          description: cmd.description(),
          options: optionsOf(cmd),
          args: cmd.registeredArguments.map((a) => ARGUMENT_VALUES[a.name()] ?? 'file'),
          ...(cmd.registeredArguments.at(-1)?.variadic ? { variadic: true } : {}),
        },
  );
  const help: CommandModel = { name: 'help', description: helpDescription, options: [], args: ['command'] };
  return { program: program.name(), options: optionsOf(program), commands: [...commands, help], defaultCommand };
}

/** Every option that takes a value (the next word is then not a command or argument). */
export function valueOptions(model: CompletionModel): OptionModel[] {
  const all = [...model.options, ...model.commands.flatMap((c) => c.options)].filter((o) => o.value !== undefined);
  return [...new Map(all.map((o) => [o.long, o])).values()];
}
