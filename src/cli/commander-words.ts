// Commander's own words in the chosen language (SPEC §16): the headings and
// the built-in options of help, and its usage errors. Applied to every command
// of the tree once it is built, so a command file needs nothing of it.
import { CommanderError, type Command, type Help, type Option } from 'commander';
import { halfWidth } from '../domain/half-width.js';
import type { Params } from '../domain/errors.js';
import type { Translator } from '../output/i18n.js';
import { listedOf } from './listed-values.js';

/** Help headings, help and version options, default values: through the catalogue. */
export function speakHelp(cmd: Command, t: Translator): void {
  cmd.helpOption('-h, --help', t.m('help.helpOption'));
  if (cmd.commands.length) cmd.helpCommand('help [command]', t.m('help.helpCommand'));
  cmd.configureHelp({
    styleTitle: (title: string) => t.l(`help.title.${title}`),
    optionDescription: (o: Option) => withDefault(o.description, o.required || o.optional ? o.defaultValue : undefined, o.defaultValueDescription, t),
  } as Partial<Help>);
  const version = cmd.options.find((o) => o.long === '--version');
  if (version) version.description = t.m('help.versionOption');
}

function withDefault(description: string, value: unknown, shown: string | undefined, t: Translator): string {
  if (value === undefined) return description;
  return `${description} ${t.m('help.default', { value: shown ?? String(value) })}`;
}

/**
 * Placeholders of free text: names, descriptions, notes, files. Their values
 * are kept as typed; every other value (tickets, phones, amounts, dates,
 * units, listed values) reads full-width letters and digits as ASCII.
 */
const FREE_TEXT = /^[<[](text|text\.\.\.|name|names|new-name|person|person or dept|role or name|dept|estate|sub|file|url|mime|value)[>\]]$/;

/** Every value-taking option and argument of `cmd` reads full-width letters and digits as ASCII. */
export function readHalfWidth(cmd: Command): void {
  for (const o of cmd.options) {
    const placeholder = /([<[].*[>\]])$/.exec(o.flags)?.[1];
    if (!placeholder || FREE_TEXT.test(placeholder) || o.variadic || listedOf(o)) continue;
    const parse = o.parseArg;
    o.argParser((v: string, previous: unknown) => (parse ? parse(halfWidth(v), previous) : halfWidth(v)));
  }
  for (const a of cmd.registeredArguments) {
    const placeholder = a.variadic ? `<${a.name()}...>` : `<${a.name()}>`;
    if (FREE_TEXT.test(placeholder) || listedOf(a)) continue;
    const parse = a.parseArg;
    if (a.variadic) {
      a.argParser((v: string, previous: unknown) => (parse
        ? parse(halfWidth(v), previous)
        : [...(Array.isArray(previous) && previous !== a.defaultValue ? previous : []), halfWidth(v)]));
    } else {
      a.argParser((v: string, previous: unknown) => (parse ? parse(halfWidth(v), previous) : halfWidth(v)));
    }
  }
}

/**
 * Commander's usage errors, read back from their fixed English templates
 * (commander 14) into the catalogue's sentence in the chosen language. A
 * message of no known shape is shown as commander wrote it.
 */
export function parserMessage(err: CommanderError, t: Translator): string {
  const text = err.message.replace(/^error: /, '');
  const said = (key: string, p: Params) => t.m(key, p);
  const didYouMean = (rest: string | undefined) => {
    const m = /\(Did you mean (?:one of )?(.+)\?\)/.exec(rest ?? '');
    return m ? said('parser.didYouMean', { words: m[1] }) : '';
  };
  let m: RegExpExecArray | null;
  switch (err.code) {
    case 'commander.unknownOption':
      if ((m = /^unknown option '(.+?)'([\s\S]*)$/.exec(text))) return said('parser.unknownOption', { flag: m[1] }) + didYouMean(m[2]);
      break;
    case 'commander.unknownCommand':
      if ((m = /^unknown command '(.+?)'([\s\S]*)$/.exec(text))) return said('parser.unknownCommand', { name: m[1] }) + didYouMean(m[2]);
      break;
    case 'commander.missingArgument':
      if ((m = /^missing required argument '(.+)'$/.exec(text))) return said('parser.missingArgument', { name: `<${m[1]}>` });
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^option '(.+)' argument missing$/.exec(text))) return said('parser.optionMissingArgument', { flags: m[1] });
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /^required option '(.+)' not specified$/.exec(text))) return said('parser.missingMandatory', { flags: m[1] });
      break;
    case 'commander.invalidArgument':
      if ((m = /^option '(.+?)' argument '([\s\S]*)' is invalid\. ([\s\S]*)$/.exec(text))) return said('parser.invalidOption', { flags: m[1], value: m[2], detail: m[3] });
      if ((m = /^command-argument value '([\s\S]*)' is invalid for argument '(.+?)'\. ([\s\S]*)$/.exec(text))) return said('parser.invalidArgument', { name: `<${m[2]}>`, value: m[1], detail: m[3] });
      break;
    case 'commander.excessArguments':
      if ((m = /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(text))) return said('parser.excessArguments', { command: m[1] ?? '', expected: m[2], got: m[3] });
      break;
    case 'commander.conflictingOption':
      if ((m = /^(.+) cannot be used with (.+)$/.exec(text))) return said('parser.conflicting', { a: m[1], b: m[2] });
      break;
  }
  return text;
}
