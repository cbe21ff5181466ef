// `backup` on a server (SPEC §14): the server's own tool, pg_dump, when this
// machine has it. pg_dump refuses a server of a newer major version than its
// own, so one at least as new as the server is looked for: on PATH first,
// then where Debian installs each major version side by side
// (/usr/lib/postgresql/<major>/bin); or only in the folder COMPLAINTS_PG_BIN
// names, for a machine with several installations. The dump is the whole database, every
// office on it: pg_dump selects tables, not one office's rows.
// The module object, read when a program is run: the bundle defers loading
// child_process until then (src/cli/deferred-child-process.cjs).
import childProcess from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = (file: string, args: string[], o: { timeout: number }) => promisify(childProcess.execFile)(file, args, o);

export interface PgDump {
  path: string;
  /** As it prints it: 15.18. */
  version: string;
  major: number;
}

/** Where to look: the one folder asked for (COMPLAINTS_PG_BIN), or PATH and Debian's folders. */
export interface Search {
  bin?: string;
  path?: string;
  /** Debian's root of the installed majors. */
  root?: string;
}

/** Every pg_dump program to consider: each folder of PATH in order, then Debian's, newest major first. */
export function pgDumpCandidates(o: Search): string[] {
  const root = o.root ?? '/usr/lib/postgresql';
  const onPath = (o.path ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'pg_dump'));
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  const debian = majors.map((m) => path.join(root, m, 'bin', 'pg_dump'));
  const all = o.bin ? [path.join(o.bin, 'pg_dump')] : [...onPath, ...debian];
  return [...new Set(all)].filter((f) => {
    try {
      fs.accessSync(f, fs.constants.X_OK);
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  });
}

/** The program's version from `pg_dump --version` ("pg_dump (PostgreSQL) 15.18 (Debian …)"), or null when it does not say. */
export async function pgDumpVersion(file: string): Promise<PgDump | null> {
  try {
    const { stdout } = await run(file, ['--version'], { timeout: 10_000 });
    const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
    return m ? { path: file, version: m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`, major: Number(m[1]) } : null;
  } catch {
    return null;
  }
}

/**
 * The first pg_dump that can dump a server of `serverMajor`; otherwise the
 * newest one found (to say it is too old), or none at all.
 */
export async function findPgDump(serverMajor: number, o: Search): Promise<{ usable: PgDump | null; newest: PgDump | null }> {
  let newest: PgDump | null = null;
  for (const file of pgDumpCandidates(o)) {
    const found = await pgDumpVersion(file);
    if (!found) continue;
    if (found.major >= serverMajor) return { usable: found, newest: found };
    if (!newest || found.major > newest.major) newest = found;
  }
  return { usable: null, newest };
}

/**
 * Dumps the database at `url` in pg_dump's custom format (compressed, read
 * back with pg_restore) into the open file `fd`. Never asks for a password:
 * an unattended run must fail, not wait. Rejects with pg_dump's own message.
 */
export function dumpTo(dump: PgDump, url: string, fd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(dump.path, ['--format=custom', '--no-password', `--dbname=${url}`], { stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(stderr.trim().split('\n').filter(Boolean).at(-1) ?? `pg_dump exited ${code}`));
    });
  });
}

/** The server's major version (150018 → 15). */
export async function serverMajor(client: { query(sql: string): Promise<{ rows: { v: string }[] }> }): Promise<number> {
  return Math.floor(Number((await client.query("SELECT current_setting('server_version_num') AS v")).rows[0].v) / 10_000);
}
