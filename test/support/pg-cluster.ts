// A real, throwaway PostgreSQL for tests: Debian's server binaries, a fresh
// data folder in memory (or under the system temp dir), owned by an unprivileged user (the
// server refuses to run as root), reachable only through a Unix socket in
// that folder, durability switched off for speed. stop() kills it and removes
// the folder. No mock: the tests hold the schema to the server it will meet.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgCluster {
  /** postgres://<superuser>@localhost/postgres?host=<socketDir>&port=<port>: the superuser on the maintenance database. */
  url: string;
  socketDir: string;
  port: number;
  superuser: string;
  /** The connection URL of another database or role of this cluster (trust authentication: no password). */
  urlFor(database: string, user?: string): string;
  /** Milliseconds spent in initdb and in pg_ctl start. */
  timings: { initdb: number; start: number };
  /** pg_ctl stop -m immediate, then the folder is removed; resolves to the milliseconds it took. */
  stop(): Promise<number>;
}

/** The Debian layout: /usr/lib/postgresql/<major>/bin. The highest major of at least 15. */
export function findPgBin(root = '/usr/lib/postgresql'): string {
  const majors = (fs.existsSync(root) ? fs.readdirSync(root) : [])
    .filter((d) => /^\d+$/.test(d) && Number(d) >= 15 && fs.existsSync(path.join(root, d, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  if (!majors.length) {
    throw new Error(`no PostgreSQL 15 or later under ${root}: install the Debian package (apt-get install postgresql)`);
  }
  return path.join(root, majors[0], 'bin');
}

/**
 * Who runs the server: the current user, or when that is root (CI), the
 * `postgres` system user the Debian package creates. `prefix` is how a
 * command is run as that user.
 */
function serverUser(): { name: string; uid: number; gid: number; prefix: string[] } {
  const uid = process.getuid?.() ?? -1;
  if (uid !== 0) {
    const me = os.userInfo();
    return { name: me.username, uid: me.uid, gid: me.gid, prefix: [] };
  }
  const pw = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!pw) throw new Error('running as root and there is no `postgres` system user to run the test server as');
  const [, , u, g] = pw.split(':');
  return { name: 'postgres', uid: Number(u), gid: Number(g), prefix: ['runuser', '-u', 'postgres', '--'] };
}

/**
 * Where the data folder goes: memory (/dev/shm) when the machine has it, as
 * a suite run makes and drops a thousand databases of some three hundred
 * files each (faster there, and no strain on the disk's inodes); else the
 * system temp dir. COMPLAINTS_TEST_PG_DIR chooses another.
 */
function serverParent(): string {
  const asked = process.env.COMPLAINTS_TEST_PG_DIR;
  if (asked) return asked;
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

export async function startCluster(opts: { port?: number; settings?: string[] } = {}): Promise<PgCluster> {
  const bin = findPgBin();
  const user = serverUser();
  const superuser = 'postgres';
  // The port only names the socket file: nothing listens on TCP.
  const port = opts.port ?? 5432;
  // Short path: a Unix socket path must stay under 108 bytes.
  const root = fs.mkdtempSync(path.join(serverParent(), 'complaints-pg-'));
  const data = path.join(root, 'data');
  const socketDir = root;
  // Only the server's user (and root) may enter: trust authentication is safe
  // because nobody else can reach the socket.
  fs.chmodSync(root, 0o700);
  if (user.prefix.length) fs.chownSync(root, user.uid, user.gid);

  const as = (cmd: string, args: string[]) => {
    const argv = [...user.prefix, path.join(bin, cmd), ...args];
    // cwd: the server's user may not be allowed into the caller's folder.
    return run(argv[0], argv.slice(1), { cwd: root, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  };
  const [stopCmd, ...stopArgs] = [...user.prefix, path.join(bin, 'pg_ctl'), 'stop', '-D', data, '-m', 'immediate', '-w'];
  const stopServer = () => run(stopCmd, stopArgs, { cwd: root });

  let t = performance.now();
  try {
    // C collation compares code points, as SQLite's BINARY does; UTF8 for Chinese text.
    await as('initdb', ['-D', data, '-U', superuser, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  } catch (e) {
    fs.rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(e as { stderr?: string }).stderr ?? e}`);
  }
  const initdb = performance.now() - t;
  const settings = [
    "listen_addresses = ''",
    `unix_socket_directories = '${socketDir}'`,
    `port = ${port}`,
    // A test server holds nothing worth a crash-safe write.
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'max_connections = 100',
    'shared_buffers = 32MB',
    // The benchmark's server holds a group's million complaints: it asks for more memory.
    ...(opts.settings ?? []),
  ];
  fs.appendFileSync(path.join(data, 'postgresql.conf'), `\n# test server\n${settings.join('\n')}\n`);

  t = performance.now();
  try {
    await as('pg_ctl', ['start', '-D', data, '-w', '-t', '30', '-l', path.join(root, 'server.log')]);
  } catch (e) {
    const log = fs.existsSync(path.join(root, 'server.log')) ? fs.readFileSync(path.join(root, 'server.log'), 'utf8') : '';
    fs.rmSync(root, { recursive: true, force: true });
    throw new Error(`pg_ctl start failed: ${(e as { stderr?: string }).stderr ?? e}\n${log}`);
  }
  const start = performance.now() - t;

  // `localhost` only keeps the URL well-formed for URL parsers: the `host`
  // parameter (the socket folder) wins, for node-postgres as for libpq.
  const urlFor = (database: string, role = superuser) =>
    `postgres://${encodeURIComponent(role)}@localhost/${encodeURIComponent(database)}?host=${encodeURIComponent(socketDir)}&port=${port}`;
  // A run interrupted (Ctrl-C, a failed worker) exits without its teardown:
  // the server must not outlive the process that started it.
  const onExit = () => {
    try {
      execFileSync(stopCmd, stopArgs, { cwd: root, stdio: 'ignore' });
    } catch {
      // already stopped
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  let stopped: Promise<number> | undefined;
  return {
    url: urlFor('postgres'),
    socketDir,
    port,
    superuser,
    urlFor,
    timings: { initdb, start },
    stop: () =>
      (stopped ??= (async () => {
        const t0 = performance.now();
        process.off('exit', onExit);
        try {
          await stopServer();
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
        return performance.now() - t0;
      })()),
  };
}
