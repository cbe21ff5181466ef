// Shell completion (SPEC §16): `completion bash|zsh|fish` prints a script; the
// script asks `complaints __complete <words…>` for the candidates of the word
// being typed. The candidates come from the command tree itself (commands,
// subcommands, options), the listed values (keys and Chinese labels) and, for
// departments and estates, the database. Completing never fails loudly: any
// error gives no candidates and exit 0.
import type { Command, Option } from 'commander';
import { listedOf, wordsFor, type ValueList } from './listed-values.js';

/** The hidden command the scripts call. */
export const COMPLETE = '__complete';

export type Shell = 'bash' | 'zsh' | 'fish';

/** Options whose values the database knows. */
export type DatabaseWords = 'departments' | 'estates';
const FROM_DATABASE: Record<string, DatabaseWords> = { '--dept': 'departments', '--responsible': 'departments', '--estate': 'estates' };

export type Wanted = { words: string[] } | { database: DatabaseWords };

/** Every word a listed value may be typed as: keys first, then their labels. */
function valueWords(v: ValueList): string[] {
  return [...new Set(v.keys.flatMap((k) => wordsFor(v, k)))].filter((w) => !/\s/.test(w));
}

function optionOf(cmd: Command, flag: string): Option | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    const o = c.options.find((x) => x.long === flag || x.short === flag);
    if (o) return o;
  }
  return undefined;
}

function visibleOptions(cmd: Command): string[] {
  const flags: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const o of c.options) if (!o.hidden && o.long) flags.push(o.long);
  }
  return [...new Set([...flags, '--help'])];
}

/**
 * What the word being typed (the last of `words`, words after the program's
 * name) may be: words to filter by its prefix, or a list to read from the database.
 */
export function wanted(program: Command, words: string[]): Wanted {
  const before = words.slice(0, -1);
  let cmd = program;
  let pending: Option | undefined;
  let operands = 0;
  for (const w of before) {
    if (pending) {
      pending = undefined;
      continue;
    }
    if (w.startsWith('-')) {
      const o = w.includes('=') ? undefined : optionOf(cmd, w);
      if (o && (o.required || o.optional)) pending = o;
      continue;
    }
    const sub = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
    if (sub && operands === 0) cmd = sub;
    else operands++;
  }
  const current = words.at(-1) ?? '';
  if (pending) return valuesOf(pending);
  if (current.startsWith('-')) return { words: visibleOptions(cmd) };
  if (cmd.commands.length && operands === 0) return { words: cmd.commands.map((c) => c.name()).filter((n) => n !== 'help') };
  const argument = cmd.registeredArguments[Math.min(operands, cmd.registeredArguments.length - 1)];
  const listed = argument && listedOf(argument);
  return { words: listed ? valueWords(listed) : [] };
}

function valuesOf(o: Option): Wanted {
  const listed = listedOf(o);
  if (listed) return { words: valueWords(listed) };
  const database = o.long ? FROM_DATABASE[o.long] : undefined;
  if (database) return { database };
  if (o.long === '--lang') return { words: ['zh', 'en'] };
  return { words: [] };
}

/** The candidates that begin with what is typed. */
export function matching(words: readonly string[], typed: string): string[] {
  return words.filter((w) => w.startsWith(typed));
}

/** The script for a shell; `complaints` must be on the PATH. */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash': return BASH;
    case 'zsh': return ZSH;
    case 'fish': return FISH;
  }
}

const BASH = `# complaints completion for bash: eval "$(complaints completion bash)"
_complaints() {
  local IFS=$'\\n'
  COMPREPLY=($(complaints ${COMPLETE} "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _complaints complaints
`;

const ZSH = `#compdef complaints
# complaints completion for zsh: source <(complaints completion zsh)
_complaints() {
  local -a candidates
  candidates=("\${(@f)$(complaints ${COMPLETE} "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
if (( $+functions[compdef] )); then compdef _complaints complaints; fi
`;

const FISH = `# complaints completion for fish: complaints completion fish | source
complete -c complaints -f -a '(complaints ${COMPLETE} (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`;
