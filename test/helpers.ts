// Shared test helpers: temporary databases, the CLI run in-process with a fake
// terminal, the built binary spawned without a terminal, and a scripted Prompter.
// The suite runs on both engines: as it is, on SQLite files; with
// COMPLAINTS_TEST_ENGINE=postgres (test/vitest.postgres.config.ts), tempDb()
// is a fresh database on the run's server and dbBytes() a dump of its rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';
import { main } from '../src/cli/main.js';
import type { IO } from '../src/cli/context.js';
import type { Choice, Prompter } from '../src/cli/prompter.js';
import { displayWidth } from '../src/output/text.js';
import { findPgBin } from './support/pg-cluster.js';
import { TEMPLATE_DB, TEST_OFFICE, TEST_ROLE } from './support/pg-template.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'complaints.js');
export const DIST = path.join(ROOT, 'dist', 'complaints.cjs');

/** A fixed clock for tests: Saturday 2026-09-12 10:00 in Shanghai. */
export const NOW = '2026-09-12T10:00:00+08:00';
export const ACTOR = 'li';

const tempDirs: string[] = [];

/** A fresh directory under the system temp dir; removed by removeTempDirs(). */
export function tempDir(prefix = 'complaints-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/**
 * This run's engine. Tests that inspect the SQLite file itself (its bytes,
 * -wal file, permissions, FTS5 tables, query plans, better-sqlite3 opened on
 * it) say `describe.skipIf(onServer)('… (SQLite file only: …)')`.
 */
export const onServer = process.env.COMPLAINTS_TEST_ENGINE === 'postgres';

const tempDatabases: string[] = [];

/**
 * A fresh database: on SQLite a path in a fresh temp directory (the file does
 * not exist yet); on PostgreSQL the URL of a new database copied from the
 * run's template (one office, `T`), connecting as the login role ACTOR.
 */
export function tempDb(): string {
  if (!onServer) return path.join(tempDir(), 'complaints.db');
  const name = `t_${process.pid}_${tempDatabases.length + 1}_${Math.random().toString(36).slice(2, 8)}`;
  // FILE_COPY: a copy of the template's files, 2–3× quicker than the WAL-logged default.
  psql(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB} STRATEGY FILE_COPY`, serverUrl('postgres'));
  tempDatabases.push(name);
  return serverUrl(name, TEST_ROLE);
}

export function removeTempDirs(): void {
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  // WITH (FORCE): a connection a failed test left open does not keep its database.
  for (const name of tempDatabases.splice(0)) psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, serverUrl('postgres'));
}

/** The superuser of the test servers (pg-cluster.ts). */
const SUPERUSER = 'postgres';

/** The run's server (pg-global-setup.ts): a database on it, as a role (the superuser when omitted). */
function serverUrl(database: string, role = SUPERUSER): string {
  const u = new URL(inject('pgUrl') ?? process.env.COMPLAINTS_TEST_PG_URL ?? '');
  u.pathname = `/${database}`;
  u.username = role;
  return u.toString();
}

/** Runs SQL as the server's superuser on the database `url` names, synchronously (tempDb() is); returns psql's unaligned output. */
function psql(sqlText: string, url: string): string {
  const u = new URL(url);
  u.username = SUPERUSER;
  const r = spawnSync(path.join(findPgBin(), 'psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', u.toString(), '-c', sqlText], {
    encoding: 'utf8',
    env: { ...process.env, PGCLIENTENCODING: 'UTF8' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout;
}

export type Env = Record<string, string | undefined>;

/** The environment every test runs with: its own DB, a fixed clock, a named actor, English. */
export function testEnv(db: string, extra: Env = {}): Env {
  return { COMPLAINTS_DB: db, COMPLAINTS_NOW: NOW, COMPLAINTS_ACTOR: ACTOR, COMPLAINTS_LANG: 'en', ...extra };
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env: Env;
  /** stdin and stdout are terminals (prompts allowed unless --no-input). */
  tty?: boolean;
  prompter?: Prompter;
}

/**
 * On a server every ticket carries its office's code (`T-260912001`, SPEC
 * §14). The suite's expectations are written in the bare form a SQLite file
 * shows, so on PostgreSQL the harness takes the test office's prefix off what
 * the commands print; test/pg/ tests the prefix itself.
 */
export function asWritten(text: string): string {
  return onServer ? text.replace(new RegExp(`\\b${TEST_OFFICE}-(?=\\d{9})`, 'g'), '') : text;
}

/** Runs `complaints <args>` in-process through main(), with a fake IO. */
export async function cli(args: string[], opts: CliOptions): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io: IO = {
    stdout: { write: (s: string) => { stdout += s; return true; } },
    stderr: { write: (s: string) => { stderr += s; return true; } },
    stdinIsTTY: !!opts.tty,
    stdoutIsTTY: !!opts.tty,
  };
  const prompter = opts.prompter ?? refusingPrompter();
  const code = await main(args, io, opts.env as NodeJS.ProcessEnv, prompter);
  return { code, stdout: asWritten(stdout), stderr: asWritten(stderr) };
}

/** Like cli() but insists the command succeeded; the failure names the command, its exit code and stderr. */
export async function cliOk(args: string[], opts: CliOptions): Promise<Result> {
  const r = await cli(args, opts);
  if (r.code !== 0) throw new Error(`complaints ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
}

/** Like cli() but parses stdout as JSON and insists the command succeeded. */
export async function cliJson<T = any>(args: string[], opts: CliOptions): Promise<T> {
  const r = await cli([...args, '--json'], opts);
  if (r.code !== 0) throw new Error(`complaints ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** A prompter that fails the test if anything asks a question. */
export function refusingPrompter(): Prompter {
  const fail = (o: { message: string }): never => {
    throw new Error(`unexpected prompt: ${o.message}`);
  };
  return {
    input: async (o) => fail(o),
    select: async (o) => fail(o),
    confirm: async (o) => fail(o),
  };
}

export type Answer = string | boolean | Error;

export interface ScriptedPrompter extends Prompter {
  /** Every question asked, in order: kind and message. */
  asked: { kind: 'input' | 'select' | 'confirm'; message: string; choices?: string[] }[];
  /** Answers not yet used. */
  remaining: Answer[];
}

/**
 * Answers questions in order from a script. An Error in the script is thrown
 * at that question (e.g. a CancelledError). Input answers are checked against
 * the prompt's validate(), and select answers against its choices, as the
 * real prompts would.
 */
export function scriptedPrompter(answers: Answer[]): ScriptedPrompter {
  const remaining = [...answers];
  const asked: ScriptedPrompter['asked'] = [];
  const next = (message: string): Answer => {
    if (!remaining.length) throw new Error(`no scripted answer left for prompt: ${message}`);
    const a = remaining.shift()!;
    if (a instanceof Error) throw a;
    return a;
  };
  return {
    asked,
    remaining,
    async input(o) {
      asked.push({ kind: 'input', message: o.message });
      const a = next(o.message);
      if (typeof a !== 'string') throw new Error(`input "${o.message}" got a non-string answer`);
      const ok = o.validate ? o.validate(a) : true;
      if (ok !== true) throw new Error(`scripted answer "${a}" to "${o.message}" fails validation: ${ok}`);
      return a;
    },
    async select<T extends string>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
      asked.push({ kind: 'select', message: o.message, choices: o.choices.map((c) => c.value) });
      const a = next(o.message);
      if (typeof a !== 'string' || !o.choices.some((c) => c.value === a)) {
        throw new Error(`scripted answer "${String(a)}" is not a choice of "${o.message}"`);
      }
      return a as T;
    },
    async confirm(o) {
      asked.push({ kind: 'confirm', message: o.message });
      const a = next(o.message);
      if (typeof a !== 'boolean') throw new Error(`confirm "${o.message}" got a non-boolean answer`);
      return a;
    },
  };
}

/**
 * The bytes of a database: its main file and, if present, its -wal file.
 * After a process (or main()) closes the last connection, SQLite checkpoints
 * the WAL into the main file, so the main file normally holds everything.
 * On a server: a dump of every row of every table of the test's database (it
 * holds the one office), each table's rows in order, read as the superuser
 * past row-level security. Identity sequences are left out: a refused insert
 * rolled back still moves them, and no row shows it.
 */
export function dbBytes(file: string): Buffer {
  if (/^postgres(ql)?:\/\//.test(file)) return Buffer.from(serverRows(file));
  const parts = [fs.readFileSync(file)];
  if (fs.existsSync(`${file}-wal`)) parts.push(fs.readFileSync(`${file}-wal`));
  return Buffer.concat(parts);
}

function serverRows(url: string): string {
  const tables = psql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", url).split('\n').filter(Boolean);
  const rows = tables.map((t) => `SELECT '${t}' AS t, r::text AS row FROM ${t} r`).join(' UNION ALL ');
  return psql(`SELECT t || ': ' || row FROM (${rows}) AS all_rows ORDER BY t, row`, url);
}

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSourceMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds dist/complaints.cjs when it is missing or older than src/ (e2e tests
 * run the built binary). A lock directory keeps two test files from building
 * at once while the other spawns a half-written bundle.
 */
export function ensureBuilt(): void {
  const lock = `${DIST}.test-build-lock`;
  const deadline = Date.now() + 120_000;
  fs.mkdirSync(path.dirname(DIST), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock, { recursive: false });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for too long; remove it if no build is running`);
      sleep(100);
    }
  }
  try {
    const stale = !fs.existsSync(DIST) || fs.statSync(DIST).mtimeMs < newestSourceMtime(path.join(ROOT, 'src'));
    if (stale) execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
  } finally {
    fs.rmdirSync(lock);
  }
}

/** An environment for a spawned process: no terminal, a temp HOME, no CI or locale surprises. */
export function spawnEnv(env: Env): NodeJS.ProcessEnv {
  const home = tempDir('complaints-home-');
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), NO_COLOR: '1' };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
  return clean;
}

/** Runs the built binary with stdin ignored (no terminal). */
export function spawnCli(args: string[], env: Env): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: spawnEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: asWritten(r.stdout), stderr: asWritten(r.stderr) };
}

/** Common register flags for a complaint of 王女士 about a leak. */
export function registerArgs(over: Record<string, string | boolean> = {}): string[] {
  const flags: Record<string, string | boolean> = {
    name: '王女士',
    phone: '13800138000',
    estate: '阳光海岸',
    unit: '3-2-1501',
    category: 'property_service',
    subcategory: 'leak',
    description: '卫生间天花板漏水，已经三天了',
    ...over,
  };
  const args = ['register'];
  for (const [k, v] of Object.entries(flags)) {
    if (v === false) continue; // leave the flag out
    if (v === true) args.push(`--${k}`);
    else args.push(`--${k}`, v);
  }
  return args;
}

/**
 * Runs a command that must be refused: its exit code, each of `words` on
 * stderr, nothing on stdout, and the database byte-for-byte as it was.
 */
export async function expectRefused(db: string, args: string[], env: Env, code: number, words: readonly string[]): Promise<void> {
  const before = dbBytes(db);
  const r = await cli(args, { env });
  expect(r.code).toBe(code);
  for (const w of words) expect(r.stderr).toContain(w);
  expect(r.stdout).toBe('');
  expect(dbBytes(db).equals(before)).toBe(true);
}

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A' } as const;

/** Once `waitFor` is on the screen (after the previous step's), type `send`. */
export interface TerminalStep {
  waitFor: string;
  send: string;
}

export interface TerminalRun {
  code: number;
  /** What the terminal showed, escape sequences taken out, one string per line drawn. */
  lines: string[];
  /** All of it, tickets in the bare form (asWritten). */
  text: string;
}

/**
 * Runs the built binary at a real pseudo-terminal (util-linux `script`) of
 * `cols` columns: stdin, stdout and stderr are the terminal, so it prompts as
 * it would for a person. Each step waits for its text before typing, as a
 * person reads before answering. A redraw (cursor to column 1, line erased)
 * starts a new line in `lines`, so each line's width is what one terminal row held.
 */
export async function atTerminal(args: string[], env: Env, steps: TerminalStep[], cols = 80): Promise<TerminalRun> {
  const quote = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;
  const command = `stty cols ${cols} rows 50; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env: { ...spawnEnv(env), TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let raw = '';
  let waiter: (() => void) | null = null;
  child.stdout.on('data', (d: Buffer) => {
    raw += d.toString('utf8');
    waiter?.();
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const plain = () => raw.replace(/\x1b\[[0-9;?]*[GKABJH]/g, '\n').replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '');
  let from = 0;
  try {
    for (const step of steps) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const at = plain().indexOf(step.waitFor, from);
        if (at >= 0) {
          from = at + step.waitFor.length;
          break;
        }
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the terminal never showed "${step.waitFor}"; it showed:\n${plain()}`);
        await new Promise<void>((resolve) => {
          waiter = resolve;
          setTimeout(resolve, 100);
        });
      }
      child.stdin.write(step.send);
    }
    const code = await Promise.race([exited, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`still running:\n${plain()}`)), 20_000))]);
    // Widths as drawn (an office's ticket prefix included); the text as the suite's expectations write it.
    return { code, text: asWritten(plain()), lines: plain().split(/\r\n|\r|\n/) };
  } finally {
    child.stdin.end();
    if (child.exitCode === null) child.kill();
  }
}

/** The lines of a terminal run wider than its columns (none, when everything fits). */
export function widerThan(run: TerminalRun, cols: number): string[] {
  return run.lines.filter((l) => displayWidth(l) > cols);
}
