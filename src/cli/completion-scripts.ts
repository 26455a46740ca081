/**
 * Shell completion scripts for bash, zsh and fish, written from the
 * completion model. Article ids are completed by running `newsbridge list`
 * (with the --library given on the line) when the shell asks for them.
 */
import { valueOptions, type CommandModel, type CompletionModel, type OptionModel, type Shell, type ValueKind } from './completion-model.js';

/** A word quoted for sh, bash, zsh and fish alike (single quotes; fish also accepts '\''). */
function q(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** fish's own quoting: backslash escapes inside single quotes. */
function fq(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function kindName(kind: ValueKind): string {
  return typeof kind === 'string' ? kind : `words:${kind.words.join(' ')}`;
}

/** `case` patterns "command:index" for each argument; a variadic last one also takes every later index. */
function argPatterns(c: CommandModel): [string, ValueKind][] {
  const fixed = c.args.map((kind, i): [string, ValueKind] => [`${c.name}:${i}`, kind]);
  const last = c.args.at(-1);
  return c.variadic && last !== undefined ? [...fixed, [`${c.name}:*`, last]] : fixed;
}

/** `case` patterns: a|b|c. */
const alternatives = (words: string[]) => words.join('|');

function optionWords(options: OptionModel[]): string[] {
  return options.flatMap((o) => [o.long, ...(o.short ? [o.short] : [])]);
}

/** The scan of the words before the cursor, shared by bash and zsh: which command, which argument, which library. */
function scanLoop(model: CompletionModel, first: string, word: string, next: (offset: number) => string): string {
  const names = model.commands.map((c) => c.name);
  const skip = valueOptions(model)
    .map((o) => o.long)
    .filter((o) => o !== '--library');
  return `  for ((i = ${first}; i < last; i++)); do
    word=${word}
    case $word in
      --library) lib=${next(1)}; ((i++)) ;;
      --library=*) lib=\${word#--library=} ;;
      ${alternatives(skip)}) ((i++)) ;;
      -*) ;;
      *)
        if [[ -z $cmd ]]; then
          case $word in
            ${alternatives(names)}) cmd=$word ;;
            *) cmd=${model.defaultCommand}; npos=1 ;;
          esac
        else
          npos=$((npos + 1))
        fi ;;
    esac
  done
  [[ $lib == '~'* ]] && lib=$HOME\${lib:1}`;
}

function bash(model: CompletionModel): string {
  const names = model.commands.map((c) => c.name).join(' ');
  const optionCases = [
    `      '') opts=${q(optionWords(model.options).join(' '))} ;;`,
    ...model.commands.map((c) => `      ${c.name}) opts=${q(optionWords(c.options).join(' '))} ;;`),
  ];
  const valueCases = valueOptions(model).map((o) => `    ${o.long}) _newsbridge_values ${q(kindName(o.value ?? 'text'))} "$cur" "$lib"; return ;;`);
  const argCases = model.commands.flatMap((c) => argPatterns(c).map(([pattern, kind]) => `    ${pattern}) _newsbridge_values ${q(kindName(kind))} "$cur" "$lib" ;;`));
  return `# bash completion for ${model.program}, made by \`${model.program} completion bash\`.
# For this shell:   source <(${model.program} completion bash)
# For every shell:  ${model.program} completion bash > ~/.local/share/bash-completion/completions/${model.program}

_newsbridge_ids() {
  command ${model.program} list \${1:+--library "$1"} 2>/dev/null | awk '{print $2}'
}

_newsbridge_values() {
  local kind=$1 cur=$2 lib=$3
  case $kind in
    id) mapfile -t COMPREPLY < <(compgen -W "$(_newsbridge_ids "$lib")" -- "$cur") ;;
    id-or-dir) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -W "$(_newsbridge_ids "$lib")" -- "$cur"; compgen -d -- "$cur") ;;
    file) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    dir) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    command) mapfile -t COMPREPLY < <(compgen -W ${q(names)} -- "$cur") ;;
    shell) mapfile -t COMPREPLY < <(compgen -W 'bash zsh fish' -- "$cur") ;;
    words:*) mapfile -t COMPREPLY < <(compgen -W "\${kind#words:}" -- "$cur") ;;
    *) COMPREPLY=() ;;
  esac
}

_newsbridge() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} last=$COMP_CWORD
  # bash splits --option=value at the '=': complete the value as after --option.
  if [[ $cur == = ]]; then cur=''; fi
  if [[ $prev == = ]]; then prev=\${COMP_WORDS[COMP_CWORD-2]}; fi
  local cmd='' lib='' npos=0 i word
${scanLoop(model, '1', '${COMP_WORDS[i]}', (n) => `\${COMP_WORDS[i+${n}]}`)}
  COMPREPLY=()
  case $prev in
${valueCases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    local opts=''
    case $cmd in
${optionCases.join('\n')}
    esac
    mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
    return
  fi
  case $cmd:$npos in
    :0) mapfile -t COMPREPLY < <(compgen -W "${names} $(_newsbridge_ids "$lib")" -- "$cur") ;;
${argCases.join('\n')}
  esac
}

complete -F _newsbridge ${model.program}
`;
}

/** zsh: "name:description" items for _describe (a colon in the name is escaped). */
function described(items: { name: string; description: string }[]): string {
  return items.map((i) => q(`${i.name.replace(/:/g, '\\:')}:${i.description}`)).join(' ');
}

function zshOptions(options: OptionModel[]): string {
  return described(options.flatMap((o) => [{ name: o.long, description: o.description }, ...(o.short ? [{ name: o.short, description: o.description }] : [])]));
}

function zsh(model: CompletionModel): string {
  const commands = described(model.commands);
  const optionCases = [`      '') opts=(${zshOptions(model.options)}) ;;`, ...model.commands.map((c) => `      ${c.name}) opts=(${zshOptions(c.options)}) ;;`)];
  const valueCases = valueOptions(model).map((o) => `    ${o.long}) _newsbridge_values ${q(kindName(o.value ?? 'text'))} "$lib"; return ;;`);
  const argCases = model.commands.flatMap((c) => argPatterns(c).map(([pattern, kind]) => `    ${pattern}) _newsbridge_values ${q(kindName(kind))} "$lib" ;;`));
  return `#compdef ${model.program}
# zsh completion for ${model.program}, made by \`${model.program} completion zsh\`.
# For this shell:   source <(${model.program} completion zsh)
# For every shell:  ${model.program} completion zsh > "\${fpath[1]}/_${model.program}"

_newsbridge_ids() {
  local -a ids
  # zsh does not split \${1:+--library "$1"} into two words: the option and its value separately.
  ids=(\${(f)"$(command ${model.program} list \${1:+--library} \${1:+"$1"} 2>/dev/null | awk '{print $2}')"})
  compadd -a ids
}

_newsbridge_values() {
  local kind=$1 lib=$2
  case $kind in
    id) _newsbridge_ids "$lib" ;;
    id-or-dir) _newsbridge_ids "$lib"; _files -/ ;;
    file) _files ;;
    dir) _files -/ ;;
    command) local -a cmds; cmds=(${commands}); _describe command cmds ;;
    shell) compadd bash zsh fish ;;
    words:*) compadd -- \${=kind#words:} ;;
  esac
}

_newsbridge() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} last=$CURRENT
  local cmd='' lib='' npos=0 i word
${scanLoop(model, '2', '${words[i]}', (n) => `\${words[i+${n}]}`)}
  case $prev in
${valueCases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    local -a opts
    case $cmd in
${optionCases.join('\n')}
    esac
    _describe option opts
    return
  fi
  case $cmd:$npos in
    :0) local -a cmds; cmds=(${commands}); _describe command cmds; _newsbridge_ids "$lib" ;;
${argCases.join('\n')}
  esac
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _newsbridge "$@"
else
  compdef _newsbridge ${model.program}
fi
`;
}

function fishValue(kind: ValueKind): string {
  if (typeof kind !== 'string') return `-x -a ${fq(kind.words.join(' '))}`;
  return {
    id: '-x -a "(__newsbridge_ids)"',
    'id-or-dir': '-x -a "(__newsbridge_ids; __fish_complete_directories)"',
    file: '-r -F',
    dir: '-x -a "(__fish_complete_directories)"',
    command: `-x -a ${fq('')}`,
    shell: `-x -a ${fq('bash zsh fish')}`,
    text: '-x',
  }[kind];
}

function fishOption(program: string, o: OptionModel, condition: string): string {
  const names = `-l ${o.long.replace(/^--/, '')}${o.short ? ` -s ${o.short.replace(/^-/, '')}` : ''}`;
  return `complete -c ${program} -n ${fq(condition)} ${names}${o.value ? ` ${fishValue(o.value)}` : ''} -d ${fq(o.description)}`;
}

function fish(model: CompletionModel): string {
  const p = model.program;
  const names = model.commands.map((c) => c.name);
  const skip = valueOptions(model)
    .map((o) => o.long)
    .filter((o) => o !== '--library');
  const lines = [
    `# fish completion for ${p}, made by \`${p} completion fish\`.`,
    `# For this shell:   ${p} completion fish | source`,
    `# For every shell:  ${p} completion fish > ~/.config/fish/completions/${p}.fish`,
    '',
    '# Prints "command:argument-index" and then the --library given, for the words before the cursor.',
    'function __newsbridge_scan',
    '    set -l cmd',
    '    set -l lib',
    '    set -l npos 0',
    '    set -l next',
    '    for word in (commandline -opc)[2..-1]',
    '        if test "$next" = lib',
    '            set lib $word',
    '            set next',
    '            continue',
    '        else if test "$next" = skip',
    '            set next',
    '            continue',
    '        end',
    '        switch $word',
    '            case --library',
    '                set next lib',
    "            case '--library=*'",
    "                set lib (string replace -- '--library=' '' $word)",
    `            case ${skip.join(' ')}`,
    '                set next skip',
    "            case '-*'",
    "            case '*'",
    '                if test -z "$cmd"',
    `                    if contains -- $word ${names.join(' ')}`,
    '                        set cmd $word',
    '                    else',
    `                        set cmd ${model.defaultCommand}`,
    '                        set npos 1',
    '                    end',
    '                else',
    '                    set npos (math $npos + 1)',
    '                end',
    '        end',
    '    end',
    '    echo "$cmd:$npos"',
    '    echo "$lib"',
    'end',
    '',
    'function __newsbridge_at',
    '    test (__newsbridge_scan)[1] = "$argv[1]"',
    'end',
    '',
    'function __newsbridge_from',
    "    set -l at (string split ':' (__newsbridge_scan)[1])",
    '    test "$at[1]" = "$argv[1]" -a "$at[2]" -ge "$argv[2]"',
    'end',
    '',
    'function __newsbridge_in',
    "    test (string split -f1 ':' (__newsbridge_scan)[1]) = \"$argv[1]\"",
    'end',
    '',
    'function __newsbridge_ids',
    '    set -l lib (__newsbridge_scan)[2]',
    "    set lib (string replace -r '^~' $HOME -- $lib)",
    '    if test -n "$lib"',
    `        command ${p} list --library $lib 2>/dev/null | awk '{print $2}'`,
    '    else',
    `        command ${p} list 2>/dev/null | awk '{print $2}'`,
    '    end',
    'end',
    '',
    `complete -c ${p} -f`,
    ...model.commands.map((c) => `complete -c ${p} -n '__newsbridge_at :0' -a ${c.name} -d ${fq(c.description)}`),
    `complete -c ${p} -n '__newsbridge_at :0' -a '(__newsbridge_ids)'`,
    ...model.options.map((o) => fishOption(p, o, "__newsbridge_in ''")),
    ...model.commands.flatMap((c) => c.options.map((o) => fishOption(p, o, `__newsbridge_in ${c.name}`))),
    ...model.commands.flatMap((c) =>
      c.args.map((kind, i) => {
        const last = c.variadic === true && i === c.args.length - 1;
        const where = `-n ${fq(last ? `__newsbridge_from ${c.name} ${i}` : `__newsbridge_at ${c.name}:${i}`)}`;
        if (kind === 'file') return `complete -c ${p} ${where} -F`;
        if (kind === 'command') return names.map((n) => `complete -c ${p} ${where} -a ${n}`).join('\n');
        return `complete -c ${p} ${where} ${fishValue(kind)}`;
      }),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The completion script for one shell. */
export function completionScript(shell: Shell, model: CompletionModel): string {
  return { bash, zsh, fish }[shell](model);
}
