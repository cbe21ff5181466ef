// One context carries everything a command touches: I/O, the clock, the
// database (opened lazily: --help never opens it), language, prompts.
import os from 'node:os';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Store } from '../storage/store.js';
import { closeServer, isServerUrl, openServer, type ServerStore } from '../storage/postgres/open.js';
import { openStore, databasePath, discardIfUntouched, writeMark, closeStore, IN_MEMORY } from '../storage/sqlite/open.js';
import { loadSettingsChecked } from '../storage/settings.js';
import { ensureOfficialDays, loadCalendar } from '../storage/calendar.js';
import type { Settings } from '../domain/settings.js';
import { noticingUncovered, type OfficeCalendar } from '../domain/calendar.js';
import type { Ctx as DomainCtx } from '../domain/lifecycle.js';
import { parseInstant } from '../domain/time.js';
import { UsageError, type Params } from '../domain/errors.js';
import { translator, type Lang, type Translator } from '../output/i18n.js';
import type { Prompter } from './prompter.js';

export interface IO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** Progress bars are drawn only when stderr is a terminal (cli/progress.ts). */
  stderrIsTTY?: boolean;
  /** The terminal's width when stdout is one (process.stdout.columns). */
  columns?: number;
  /** Set when stdout may be paged (cli/pager.ts): what follows is data (CSV, Markdown, HTML), written straight to it. */
  unpaged?: () => void;
}

export interface GlobalOptions {
  db?: string;
  office?: string;
  json?: boolean;
  lang?: string;
  actor?: string;
  color?: boolean;
  /** false with --no-pager. */
  pager?: boolean;
}

export interface Ctx {
  io: IO;
  env: NodeJS.ProcessEnv;
  prompter: Prompter;
  lang: Lang;
  t: Translator;
  json: boolean;
  /** Colour and relative times: only on a terminal, never with NO_COLOR or --no-color. */
  tty: boolean;
  chalk: ChalkInstance;
  /** Columns a line of human output may take (terminalWidth). */
  width: number;
  actor: string;
  dbPath: string;
  store(): Promise<Store>;
  /** Set for commands that only look: they must not create a database at a mistyped path. */
  mustExist: boolean;
  /** Set for commands about a server's offices: they need none chosen. */
  officeOptional: boolean;
  /** The office asked for on a server (--office / COMPLAINTS_OFFICE). */
  office: string | null;
  settings(): Promise<Settings>;
  /** The office's working-day calendar; warns once on stderr per uncovered year it is asked about. */
  calendar(): Promise<OfficeCalendar>;
  tz(): Promise<string>;
  now(): Promise<number>;
  /** Settings, calendar, zone and now, as the domain functions take them. */
  clock(): Promise<DomainCtx>;
  /** Prompt only at a terminal, and never with --no-input or --json. */
  canPrompt(noInput?: boolean): boolean;
  /** Set by a command that succeeded but has something to signal (overdue --exit-status). */
  exitCode: number;
  /**
   * Writes a result: JSON when --json, else the human text. The JSON may be
   * given as a function, for a long result not worth building for text; the
   * text too, and it may read the database (only text output needs it).
   */
  emit(json: unknown, text: () => string | Promise<string>): Promise<void>;
  /** Closes the database; after a failed run, takes away a file the run created and did not write. */
  close(failed?: boolean): Promise<void>;
}

export function createContext(io: IO, env: NodeJS.ProcessEnv, prompter: Prompter, g: GlobalOptions): Ctx {
  let store: Store | undefined;
  /** writeMark of a file this run created, once it holds its schema. */
  let createdMark: string | undefined;
  let settings: Settings | undefined;
  let calendar: OfficeCalendar | undefined;
  let now: number | undefined;
  const lang = pickLangFrom(g, env);
  const tty = io.stdoutIsTTY && g.color !== false && !env.NO_COLOR && !g.json;
  const warn = (key: string, params: Params) => {
    io.stderr.write(`${ctx.t.l('word.warning')}: ${ctx.t.m(key, params)}\n`);
  };
  const ctx: Ctx = {
    io,
    env,
    prompter,
    lang,
    t: translator(lang),
    json: !!g.json,
    tty,
    chalk: new Chalk({ level: tty ? 1 : 0 }),
    width: terminalWidth(io, env),
    actor: g.actor || env.COMPLAINTS_ACTOR || safeUsername(),
    dbPath: databaseTarget(g.db, env),
    async store() {
      if (!store) {
        const opened = isServerUrl(ctx.dbPath)
          ? await openServerAs(ctx, g)
          : openStore(ctx.dbPath, Date.now(), { create: !ctx.mustExist });
        store = opened;
        // The official calendar is brought up to date as the file opens, before anything is read from it.
        await ensureOfficialDays(opened, async () => ({ actor: ctx.actor, now: await ctx.now() }));
        if (opened.created) createdMark = writeMark(opened);
      }
      return store;
    },
    async settings() {
      if (!settings) {
        const checked = await loadSettingsChecked(await ctx.store());
        for (const p of checked.problems) warn('config.storedOutOfRange', { ...p });
        settings = checked.settings;
      }
      return settings;
    },
    async calendar() {
      calendar ??= noticingUncovered(await loadCalendar(await ctx.store(), { actor: ctx.actor, now: await ctx.now() }), (year, how) =>
        warn(how === 'statutory' ? 'calendar.uncovered' : 'calendar.uncoveredWeekends', { year }));
      return calendar;
    },
    tz: async () => (await ctx.settings()).timeZone,
    async now() {
      if (now === undefined) {
        const fixed = env.COMPLAINTS_NOW;
        if (fixed) {
          const parsed = parseInstant(fixed, await ctx.tz());
          if (parsed === null) {
            throw new UsageError('usage.invalid', { what: 'COMPLAINTS_NOW', value: fixed, hint: 'Use ISO 8601, e.g. 2026-11-20T15:00:00+08:00.' });
          }
          now = parsed;
        } else now = Date.now();
      }
      return now;
    },
    clock: async () => ({ settings: await ctx.settings(), calendar: await ctx.calendar(), tz: await ctx.tz(), now: await ctx.now() }),
    exitCode: 0,
    mustExist: false,
    officeOptional: false,
    office: g.office ?? (env.COMPLAINTS_OFFICE || null),
    canPrompt: (noInput) => io.stdinIsTTY && io.stdoutIsTTY && !noInput && !g.json && !env.CI,
    async emit(json, text) {
      io.stdout.write(ctx.json ? JSON.stringify(typeof json === 'function' ? json() : json, null, 2) + '\n' : await text());
    },
    async close(failed = false) {
      const open = store;
      store = undefined;
      if (!open) return;
      if (open.engine === 'postgres') await closeServer(open as ServerStore);
      else if (failed && createdMark !== undefined) discardIfUntouched(open, createdMark);
      else closeStore(open);
    },
  };
  return ctx;
}

/** A database path, or a server's URL as given (SPEC §14: --db postgres://…). */
function databaseTarget(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const given = flag ?? env.COMPLAINTS_DB;
  return given && isServerUrl(given) ? given : databasePath(flag, env);
}

/**
 * On a server the acting person is the login role: a name given with
 * --actor or COMPLAINTS_ACTOR must be that role's (it cannot be borrowed).
 */
async function openServerAs(ctx: Ctx, g: GlobalOptions): Promise<ServerStore> {
  const s = await openServer(ctx.dbPath, { office: ctx.office, officeOptional: ctx.officeOptional, now: Date.now() });
  const claimed = g.actor || ctx.env.COMPLAINTS_ACTOR;
  if (claimed && claimed !== s.role) {
    await closeServer(s);
    throw new UsageError('actor.notLogin', { actor: claimed, role: s.role });
  }
  ctx.actor = s.role;
  return s;
}

/**
 * The same run (language, actor, output, clock) over a blank database in
 * memory, as a new file would start: for checking input against it without
 * creating that file.
 */
export function inMemoryContext(ctx: Ctx, o: { quiet: boolean }): Ctx {
  // Quiet when the real database will be asked the same again: its warnings are the ones to show.
  const io = o.quiet ? { ...ctx.io, stderr: { write: () => true } } : ctx.io;
  const scratch = createContext(io, ctx.env, ctx.prompter, { json: ctx.json, lang: ctx.lang, actor: ctx.actor });
  scratch.dbPath = IN_MEMORY;
  return scratch;
}

/**
 * The terminal's width; COLUMNS where there is none (or it says nothing), and
 * 80 where neither says: text through a pipe or into a mail fits 80 columns.
 */
export function terminalWidth(io: IO, env: NodeJS.ProcessEnv): number {
  if (io.stdoutIsTTY && io.columns) return io.columns;
  const given = Number(env.COLUMNS);
  return Number.isInteger(given) && given > 0 ? given : 80;
}

export function pickLangFrom(g: GlobalOptions, env: NodeJS.ProcessEnv): Lang {
  const explicit = g.lang ?? env.COMPLAINTS_LANG;
  if (explicit) return explicit.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function safeUsername(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
