// backup while another process writes: the copy is a consistent database
// (passes doctor) holding a prefix of the writer's complaints; doctor reports
// path, schema and counts, and exits 5 on a damaged file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { BIN, ensureBuilt, removeTempDirs, spawnCli, spawnEnv, tempDb, tempDir, testEnv, onServer } from '../helpers.js';

afterAll(removeTempDirs);
beforeAll(() => ensureBuilt(), 180_000);

/** A writer process: registers complaints in a loop until killed. */
function startWriter(env: Record<string, string | undefined>) {
  const script = `
    const { spawnSync } = require('node:child_process');
    for (let i = 0; i < 400; i++) {
      const r = spawnSync(process.execPath, [${JSON.stringify(BIN)}, 'register', '--name', '写入' + i, '--description', '并发写入测试 ' + i, '--no-input'], { stdio: 'ignore' });
      if (r.status !== 0) process.exit(10 + (r.status ?? 0));
    }`;
  return spawn(process.execPath, ['-e', script], { env: spawnEnv(env), stdio: 'ignore' });
}

describe.skipIf(onServer)(`backup (SQLite file only: the copy is a SQLite file; a server's pg_dump is test/pg/backup-doctor.test.ts)`, () => {
  it('makes a consistent copy while another process writes', async () => {
    const db = tempDb();
    const env = testEnv(db);
    expect(spawnCli(['init'], env).code).toBe(0);
    const writer = startWriter(env);
    const exited = new Promise<number | null>((resolve) => writer.on('exit', (code) => resolve(code)));
    try {
      // Let the writer get going, then back up several times while it writes.
      const waitFor = async (n: number) => {
        for (let i = 0; i < 200; i++) {
          const count = new Database(db, { readonly: true }).prepare('SELECT count(*) FROM complaints').pluck().get() as number;
          if (count >= n) return count;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error('the writer did not write');
      };
      await waitFor(3);
      const dir = tempDir();
      let last = 0;
      for (let i = 0; i < 3; i++) {
        const file = path.join(dir, `b${i}.db`);
        const r = spawnCli(['backup', file, '--json'], env);
        expect(r.code, r.stderr).toBe(0);
        const out = JSON.parse(r.stdout);
        expect(out.file).toBe(file);
        expect(fs.existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
        const copy = new Database(file, { readonly: true });
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const tickets = copy.prepare('SELECT seq FROM complaints ORDER BY seq').pluck().all() as number[];
        const events = copy.prepare("SELECT count(*) FROM events WHERE action = 'register'").pluck().get() as number;
        copy.close();
        // A consistent snapshot: gap-free tickets, one register event each.
        expect(tickets).toEqual(tickets.map((_, j) => j + 1));
        expect(events).toBe(tickets.length);
        expect(out.complaints).toBe(tickets.length);
        expect(tickets.length).toBeGreaterThanOrEqual(last);
        last = tickets.length;
        const doc = spawnCli(['doctor', '--json'], { ...env, COMPLAINTS_DB: file });
        expect(doc.code, doc.stderr).toBe(0);
        expect(JSON.parse(doc.stdout)).toMatchObject({ ok: true, counts: { complaints: tickets.length } });
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(last).toBeGreaterThanOrEqual(3);
    } finally {
      writer.kill();
      await exited;
    }
  }, 60_000);

  it('refuses to overwrite without --force, and to copy onto the database', () => {
    const db = tempDb();
    const env = testEnv(db);
    expect(spawnCli(['init'], env).code).toBe(0);
    const file = path.join(tempDir(), 'copy.db');
    expect(spawnCli(['backup', file], env).code).toBe(0);
    const again = spawnCli(['backup', file], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(spawnCli(['backup', file, '--force'], env).code).toBe(0);
    expect(spawnCli(['backup', db], env).code).toBe(2);
  });
});

describe.skipIf(onServer)(`doctor (SQLite file only: integrity of the file; a server's doctor is test/pg/backup-doctor.test.ts)`, () => {
  it('reports path, size, schema and counts', () => {
    const db = tempDb();
    const env = testEnv(db);
    expect(spawnCli(['register', '--name', '王女士', '--description', '漏水', '--no-input'], env).code).toBe(0);
    const r = spawnCli(['doctor', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ file: db, ok: true, integrity: ['ok'], foreignKeys: [], counts: { complaints: 1, events: 1 } });
    expect(d.schema.version).toBe(d.schema.latest);
    expect(d.size).toBeGreaterThan(0);
    const text = spawnCli(['doctor'], env);
    expect(text.stdout).toContain(db);
    expect(text.stdout).toContain('No problems found.');
  });

  it('exits 5 on a broken foreign key', () => {
    const db = tempDb();
    const env = testEnv(db);
    expect(spawnCli(['register', '--name', '王女士', '--description', '漏水', '--no-input'], env).code).toBe(0);
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.prepare('UPDATE complaints SET department_id = 999').run();
    raw.close();
    const r = spawnCli(['doctor'], env);
    expect(r.code).toBe(5);
    expect(r.stdout).toContain('foreign key: complaints');
    expect(r.stderr).toContain('problem');
  });
});
