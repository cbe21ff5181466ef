// The test server itself: a real PostgreSQL run by an unprivileged user,
// reachable only through a socket in its own folder, gone after stop().
import fs from 'node:fs';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { startCluster } from '../support/pg-cluster.js';
import setup from '../support/pg-global-setup.js';

async function ask(url: string, sql: string): Promise<Record<string, unknown>> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query(sql)).rows[0];
  } finally {
    await c.end();
  }
}

describe('the throwaway PostgreSQL', () => {
  test('runs as an unprivileged user, on a Unix socket only, without fsync; stop() removes its folder', async () => {
    const cluster = await startCluster();
    try {
      const dir = fs.statSync(cluster.socketDir);
      expect(dir.uid).not.toBe(0);
      if (process.getuid?.() !== 0) expect(dir.uid).toBe(process.getuid?.());
      expect(dir.mode & 0o077).toBe(0); // nobody else reaches the socket
      expect(fs.existsSync(`${cluster.socketDir}/.s.PGSQL.${cluster.port}`)).toBe(true);
      const row = await ask(
        cluster.url,
        "SELECT current_setting('listen_addresses') AS listen, current_setting('fsync') AS fsync, current_setting('server_version_num')::int AS version, current_user AS who",
      );
      expect(row).toMatchObject({ listen: '', fsync: 'off', who: cluster.superuser });
      expect(row.version).toBeGreaterThanOrEqual(150000);
    } finally {
      await cluster.stop();
    }
    expect(fs.existsSync(cluster.socketDir)).toBe(false);
    await expect(ask(cluster.url, 'SELECT 1')).rejects.toThrow();
  });

  test('the global setup starts one server when the suite runs on PostgreSQL, provides its URL, and stops it', async () => {
    const before = process.env.COMPLAINTS_TEST_ENGINE;
    const provided: Record<string, unknown> = {};
    const project = { provide: (key: string, value: unknown) => { provided[key] = value; } };
    let teardown: (() => Promise<void>) | undefined;
    try {
      process.env.COMPLAINTS_TEST_ENGINE = 'sqlite';
      expect(await setup(project as never)).toBeUndefined();
      expect(provided).toEqual({});

      process.env.COMPLAINTS_TEST_ENGINE = 'postgres';
      teardown = await setup(project as never);
      const url = provided.pgUrl as string;
      expect(process.env.COMPLAINTS_TEST_PG_URL).toBe(url);
      expect(await ask(url, 'SELECT 1 AS one')).toEqual({ one: 1 });
      const socketDir = new URL(url).searchParams.get('host')!;
      await teardown!();
      teardown = undefined;
      expect(fs.existsSync(socketDir)).toBe(false);
      expect(process.env.COMPLAINTS_TEST_PG_URL).toBeUndefined();
    } finally {
      await teardown?.();
      if (before === undefined) delete process.env.COMPLAINTS_TEST_ENGINE;
      else process.env.COMPLAINTS_TEST_ENGINE = before;
    }
  });
});
