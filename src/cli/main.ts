// The entry point: builds the command tree, runs it, and maps every error to
// the exit codes of SPEC §9. This is the only place that decides an exit code.
import { isatty } from 'node:tty';
import { Command, CommanderError } from 'commander';
import { AppError, type Params } from '../domain/errors.js';
import { label, message, translator, type Lang } from '../output/i18n.js';
import { asDatabaseError } from '../storage/sqlite/open.js';
import { asServerError } from '../storage/postgres/open.js';
import { createContext, pickLangFrom, type Ctx, type GlobalOptions, type IO } from './context.js';
import { inquirerPrompter, type Prompter } from './prompter.js';
import { COMMANDS, commandsFor, type CommandEntry } from './commands.js';
import { parserMessage, readHalfWidth, speakHelp } from './commander-words.js';
import { COMPLETE, matching, wanted, type Wanted } from './completion.js';
import { activeDepartmentNames, estateNames } from '../storage/completion.js';
import { PagedOutput, pagerCommand } from './pager.js';
import pkg from '../../package.json' with { type: 'json' };

/** The program with the given commands (all of them for help), their modules loaded. */
export async function buildProgram(ctx: Ctx, entries: CommandEntry[]): Promise<Command> {
  const factories = await Promise.all(entries.map((e) => e.load()));
  const zh = ctx.t.lang === 'zh';
  const program = new Command('complaints')
    .description(zh ? '物业客户服务中心投诉处理台' : 'the complaint desk of a property-management office')
    .version(VERSION, '-V, --version')
    .option('--db <file>', zh ? '数据库文件（默认 COMPLAINTS_DB 或 ~/.local/share/complaints/complaints.db）' : 'database file (else COMPLAINTS_DB, else ~/.local/share/complaints/complaints.db)')
    .option('--json', zh ? '输出 JSON' : 'print one JSON document')
    .option('--lang <zh|en>', zh ? '界面语言' : 'language of human output')
    .option('--actor <name>', zh ? '操作人（默认 COMPLAINTS_ACTOR 或登录名）' : 'who is acting (else COMPLAINTS_ACTOR, else the login name)')
    .option('--no-color', zh ? '不使用颜色' : 'no colour')
    .option('--no-pager', ctx.t.m('option.noPager'))
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: () => {}, // main() prints usage errors itself, translated
    })
    .exitOverride();
  // `init --office <name>` names the office (SPEC §8); a program option of the
  // same flag would take it from init, as commander reads program options
  // after the subcommand too. init needs no office code (it runs without one).
  if (!(entries.length === 1 && OWN_OFFICE_OPTION.has(entries[0].name))) program.option('--office <code>', ctx.t.m('option.office'));
  for (const make of factories) {
    const cmd = make(ctx);
    cmd.exitOverride().configureOutput(program.configureOutput());
    // Global flags are accepted after the subcommand too: `complaints list --json`.
    for (const sub of [cmd, ...cmd.commands]) {
      sub.option('--json', zh ? '输出 JSON' : 'print one JSON document')
        .option('--no-pager', ctx.t.m('option.noPager'))
        .exitOverride().configureOutput(program.configureOutput());
    }
    program.addCommand(cmd);
  }
  program.addHelpText('after', zh ? HELP_FOOTER_ZH : HELP_FOOTER_EN);
  for (const each of everyCommand(program)) {
    // Nested subcommands (config profile apply) write through ctx.io too.
    each.configureOutput(program.configureOutput());
    speakHelp(each, ctx.t);
    readHalfWidth(each);
    // Which command a usage error came from: its name goes in the "see help" hint.
    each.exitOverride((err) => {
      FAILED_IN.set(err, commandPath(each));
      throw err;
    });
    // A command of subcommands given none shows its help as asked for, on stdout: `complaints`, `complaints calendar`.
    if (each.commands.length) each.help = () => (Command.prototype.help as (this: Command) => never).call(each);
  }
  program.hook('preAction', (_program, action) => {
    const parent = action.parent && action.parent !== program ? `${action.parent.name()} ` : '';
    ctx.mustExist = LOOK_ONLY.has(parent + action.name());
    // A group's report reads every office: none is chosen.
    ctx.officeOptional = OFFICE_OPTIONAL.has(parent + action.name()) || (parent === 'report ' && ctx.office?.trim().toLowerCase() === 'all');
  });
  return program;
}

const VERSION = pkg.version;

/** The command a usage error was raised in, by its error. */
const FAILED_IN = new WeakMap<Error, string>();

function* everyCommand(cmd: Command): Generator<Command> {
  yield cmd;
  for (const sub of cmd.commands) yield* everyCommand(sub);
}

/** `calendar set` for calendar's set; '' for the program itself. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

const HELP_FOOTER_EN = `
Exit codes: 0 done · 1 unexpected failure · 2 invalid input · 3 no such ticket ·
4 not allowed in the current state · 5 database busy, newer or unreadable, or disk full ·
130 cancelled.
Environment: COMPLAINTS_DB, COMPLAINTS_OFFICE, COMPLAINTS_LANG, COMPLAINTS_ACTOR, COMPLAINTS_NOW, NO_COLOR,
PAGER, COLUMNS.
`;
const HELP_FOOTER_ZH = `
退出码：0 完成 · 1 意外错误 · 2 输入有误 · 3 编号不存在 · 4 当前状态不允许 ·
5 数据库忙、版本过新或无法读取，或磁盘已满 · 130 已取消。
环境变量：COMPLAINTS_DB、COMPLAINTS_OFFICE、COMPLAINTS_LANG、COMPLAINTS_ACTOR、COMPLAINTS_NOW、NO_COLOR、
PAGER、COLUMNS。
`;

/** Commands whose own --office is not the server's office code. */
const OWN_OFFICE_OPTION = new Set(['init']);

/** Commands about the server's offices themselves: they run without one chosen. */
const OFFICE_OPTIONAL = new Set(['init', 'office list', 'office add', 'office rename', 'doctor', 'backup']);

/** Commands (and subcommands) that only look: they never create a database. */
const LOOK_ONLY = new Set(['show', 'list', 'overdue', 'export', 'attachments', 'doctor', 'backup', 'config get', 'calendar explain', 'migrate']);

/**
 * Global flags are needed before parsing (language of parse errors, JSON
 * mode), and the command's name says which command module to load.
 */
export function preScan(argv: string[]): GlobalOptions & { command?: string; at?: number } {
  const g: GlobalOptions & { command?: string; at?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (g.command === undefined && !a.startsWith('-')) {
      g.command = a;
      g.at = i;
    }
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--json') g.json = true;
    else if (flag === '--no-color') g.color = false;
    else if (flag === '--no-pager') g.pager = false;
    else if (flag === '--lang') g.lang = value();
    else if (flag === '--db') g.db = value();
    else if (flag === '--office') {
      const v = value();
      if (!OWN_OFFICE_OPTION.has(g.command ?? '')) g.office = v;
    }
    else if (flag === '--actor') g.actor = value();
  }
  return g;
}

export async function main(given: string[], io: IO, env: NodeJS.ProcessEnv, injected?: Prompter): Promise<number> {
  const prompter = injected ?? inquirerPrompter(undefined, translator(pickLangFrom(preScan(given), env)));
  if (given[0] === COMPLETE) return complete(given.slice(1), io, env, prompter);
  const argv = helpAsFlag(given);
  const g = preScan(argv);
  if (g.lang !== undefined && !LANGS.has(g.lang.toLowerCase())) {
    io.stderr.write(errorLine(pickLangFrom({}, env), 'lang.bad', { value: g.lang }));
    return 2;
  }
  const ctx = createContext(io, env, prompter, g);
  let failed = true;
  try {
    const program = await buildProgram(ctx, commandsFor(g.command));
    await program.parseAsync(argv, { from: 'user' });
    failed = false;
    return ctx.exitCode;
  } catch (raw) {
    const err = asDatabaseError(asServerError(raw, ctx.dbPath), ctx.dbPath);
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      const command = FAILED_IN.get(err) ?? '';
      io.stderr.write(`${parserMessage(err, ctx.t)}\n${message(ctx.lang, 'parser.seeHelp', { command })}\n`);
      return 2;
    }
    if (err instanceof AppError) {
      io.stderr.write(errorLine(ctx.lang, err.key, err.params));
      return err.exitCode;
    }
    const detail = err instanceof Error ? err.message : String(err);
    io.stderr.write(errorLine(ctx.lang, 'unexpected', { detail }));
    if (env.COMPLAINTS_DEBUG && err instanceof Error) io.stderr.write(`${err.stack}\n`);
    return 1;
  } finally {
    await ctx.close(failed);
  }
}

const LANGS = new Set(['zh', 'en']);

/**
 * `complaints __complete <words…>`: the candidates for the last word, one a
 * line, for the completion scripts. Quiet whatever happens: a shell's
 * completion must not print errors into the command line being typed.
 */
async function complete(words: string[], io: IO, env: NodeJS.ProcessEnv, prompter: Prompter): Promise<number> {
  const typed = words.length ? words : [''];
  const g = preScan(typed.slice(0, -1));
  const quiet: IO = { ...io, stderr: { write: () => true } };
  const ctx = createContext(quiet, env, prompter, { ...g, lang: g.lang !== undefined && LANGS.has(g.lang) ? g.lang : undefined, json: false });
  ctx.mustExist = true;
  try {
    const program = await buildProgram(ctx, commandsFor(g.command));
    const w: Wanted = wanted(program, typed);
    const list = 'words' in w ? w.words : await fromDatabase(ctx, w.database);
    const found = matching(list, typed.at(-1)!);
    if (found.length) io.stdout.write(found.join('\n') + '\n');
  } catch {
    // No candidates.
  } finally {
    await ctx.close().catch(() => {});
  }
  return 0;
}

async function fromDatabase(ctx: Ctx, words: 'departments' | 'estates'): Promise<string[]> {
  const s = await ctx.store();
  return words === 'departments' ? activeDepartmentNames(s) : estateNames(s);
}

/**
 * `help calendar set` is `calendar set --help`: commander's own help command
 * reads one name only. Global options before `help` stay where they are.
 */
export function helpAsFlag(argv: string[]): string[] {
  const { command, at } = preScan(argv);
  if (command !== 'help' || at === undefined) return argv;
  const rest = argv.slice(at + 1);
  if (!rest.length || rest[0].startsWith('-')) return argv;
  // `help nosuch` is the unknown command it names, refused as such.
  if (!COMMANDS.some((c) => c.name === rest[0])) return [...argv.slice(0, at), rest[0]];
  return [...argv.slice(0, at), ...rest, '--help'];
}

/** Runs as the program: real terminal, real environment. */
export async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  const g = preScan(argv);
  const stdoutIsTTY = !!process.stdout.isTTY;
  // Long output at a terminal goes through a pager, started only once the output is longer than the screen.
  const pagerCmd = pagerCommand({ stdoutIsTTY, noPager: g.pager === false, json: !!g.json }, process.env);
  const paged = pagerCmd === null ? null
    : new PagedOutput(process.stdout, { rows: process.stdout.rows || 24, columns: process.stdout.columns || 80 }, pagerCmd, process.env);
  const io: IO = {
    stdout: paged ?? process.stdout,
    stderr: process.stderr,
    // isatty, not process.stdin.isTTY: touching process.stdin builds a stream (~2 ms).
    stdinIsTTY: isatty(0),
    stdoutIsTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    columns: process.stdout.columns,
    ...(paged ? { unpaged: () => paged.direct() } : {}),
  };
  const lang = pickLangFrom(g, process.env);
  // A reader that stops early (`complaints list | head`) is not a failure:
  // the rest is not written, exit 0. Anything else (a full disk, /dev/full)
  // is: one line on stderr and exit 1, whenever the error arrives (a write's
  // error is reported on a later tick, possibly after the command ended).
  let stdoutFailed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || stdoutFailed) return;
    stdoutFailed = true;
    process.stderr.write(errorLine(lang, 'stdout.failed'));
    if (!process.exitCode) process.exitCode = 1;
  });
  // Nowhere left to say that stderr failed.
  process.stderr.on('error', () => {});
  const prompter = inquirerPrompter();
  // A prompt draws on the terminal itself: what is held is shown first, and the rest is not paged.
  const code = await main(argv, io, process.env, paged ? promptingUnpaged(prompter, paged) : prompter);
  await paged?.finish();
  process.exitCode = code || (stdoutFailed ? 1 : 0);
}

function promptingUnpaged(p: Prompter, paged: PagedOutput): Prompter {
  return {
    input: (o) => (paged.direct(), p.input(o)),
    select: (o) => (paged.direct(), p.select(o)),
    confirm: (o) => (paged.direct(), p.confirm(o)),
  };
}

function errorLine(lang: Lang, key: string, params: Params = {}): string {
  return `${label(lang, 'word.error')}: ${message(lang, key, params)}\n`;
}
