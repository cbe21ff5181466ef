// The server under concurrent clerks, through the built program as cron and
// clerks run it (SPEC §14): 8 processes registering for two offices get
// tickets unique and gap-free per office with no failure, and two processes
// recording different steps of the same complaint at once lose neither.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, NOW, ROOT, cli, ensureBuilt, registerArgs, spawnEnv } from '../helpers.js';
import { usePgServer } from '../support/pg-test-db.js';

const server = usePgServer();
let url = '';
const env = (office: string) => ({ COMPLAINTS_DB: url, COMPLAINTS_OFFICE: office, COMPLAINTS_NOW: NOW, COMPLAINTS_LANG: 'en' });

beforeAll(async () => {
  ensureBuilt();
  url = (await server.freshDatabase()).url();
  for (const [code, name] of [['YG', '阳光海岸服务中心'], ['HY', '海韵服务中心']]) {
    expect((await cli(['office', 'add', code, '--name', name], { env: env(code) })).code).toBe(0);
  }
});

/** Runs `complaints <args>` `times` times in a row in one child process; resolves with each run's exit code and stdout. */
function worker(office: string, runs: string[][]): Promise<{ code: number | null; stdout: string; stderr: string }[]> {
  const script = `
    const { spawnSync } = require('node:child_process');
    const [bin, runs] = [process.argv[1], JSON.parse(process.argv[2])];
    process.stdout.write(JSON.stringify(runs.map((args) => {
      const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    })));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, BIN, JSON.stringify(runs)], { cwd: ROOT, env: spawnEnv(env(office)), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { err += s; });
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`worker failed: ${err}${out}`));
      }
    });
  });
}

describe('concurrent clerks on a server', () => {
  it('8 processes × 5 registrations for two offices: no failure, numbers gap-free per office', async () => {
    const runs = (w: number) => Array.from({ length: 5 }, (_, i) => [
      ...registerArgs({ name: `w${w}-${i}`, phone: `139${String(w).padStart(4, '0')}${String(i).padStart(4, '0')}`, description: `并发登记 ${w}-${i}` }), '--json',
    ]);
    const results = (await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w % 2 ? 'YG' : 'HY', runs(w))))).flat();
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const tickets = results.map((r) => JSON.parse(r.stdout).ticket as string).sort();
    const expected = (code: string) => Array.from({ length: 20 }, (_, i) => `${code}-260912${String(i + 1).padStart(3, '0')}`);
    expect(tickets).toEqual([...expected('HY'), ...expected('YG')].sort());
  }, 120_000);

  it('two processes recording different steps of the same complaints at once lose neither', async () => {
    const tickets: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await cli([...registerArgs({ phone: `1380000000${i}` }), '--json'], { env: env('YG') });
      tickets.push(JSON.parse(r.stdout).ticket);
    }
    const [a, b] = await Promise.all([
      worker('YG', tickets.map((t) => ['step', t, 'site_check', '--note', '现场已核实'])),
      worker('YG', tickets.map((t) => ['step', t, 'plan', '--note', '整改方案已定'])),
    ]);
    expect([...a, ...b].filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    for (const t of tickets) {
      const shown = JSON.parse((await cli(['show', t, '--json'], { env: env('YG') })).stdout);
      const done = shown.events.filter((e: { action: string }) => e.action === 'step').map((e: { note: string }) => e.note).sort();
      expect(done).toEqual(['整改方案已定', '现场已核实']);
    }
  }, 120_000);
});
