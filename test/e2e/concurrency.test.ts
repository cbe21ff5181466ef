// SPEC §4: ticket numbers are unique and gap-free per year even when several
// processes register at the same time. 8 workers start together, each running
// `complaints register` 5 times in a row: 40 registrations racing for the counter.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asWritten, BIN, cliJson, ROOT, ensureBuilt, removeTempDirs, spawnCli, spawnEnv, tempDb, testEnv } from '../helpers.js';

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

const WORKERS = 8;
const EACH = 5;

// One worker: a node process that runs the binary EACH times in sequence and
// reports every exit code and stderr as JSON on its stdout.
const WORKER = `
const { spawnSync } = require('node:child_process');
const [bin, worker, each] = process.argv.slice(1);
const results = [];
for (let i = 0; i < Number(each); i++) {
  const r = spawnSync(process.execPath, [bin, 'register', '--name', 'w' + worker + '-' + i,
    '--phone', '139' + String(worker).padStart(4, '0') + String(i).padStart(4, '0'),
    '--description', '并发登记 ' + worker + '-' + i, '--json'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  let ticket = null;
  try { ticket = JSON.parse(r.stdout).ticket; } catch {}
  results.push({ code: r.status, ticket, stderr: r.stderr });
}
process.stdout.write(JSON.stringify(results));
`;

interface WorkerResult {
  code: number | null;
  ticket: string | null;
  stderr: string;
}

function runWorker(worker: number, db: string): Promise<{ exit: number | null; results: WorkerResult[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', WORKER, BIN, String(worker), String(EACH)], {
      cwd: ROOT, env: spawnEnv(testEnv(db)), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { err += s; });
    child.on('error', reject);
    child.on('close', (exit) => {
      try {
        resolve({ exit, results: JSON.parse(out) as WorkerResult[] });
      } catch {
        reject(new Error(`worker ${worker} exited ${exit}: ${err}${out}`));
      }
    });
  });
}

/** All workers are started before any is awaited. */
async function raceRegistrations(db: string): Promise<WorkerResult[]> {
  const running = Array.from({ length: WORKERS }, (_, w) => runWorker(w, db));
  const done = await Promise.all(running);
  for (const d of done) expect(d.exit).toBe(0);
  return done.flatMap((d) => d.results);
}

/** Checked through the program itself, so on either engine: every number once, none skipped, each registered once. */
async function expectGapFree(db: string, results: WorkerResult[]): Promise<void> {
  const failures = results.filter((r) => r.code !== 0);
  expect(failures, JSON.stringify(failures.slice(0, 3), null, 2)).toEqual([]);
  // The workers print what the program prints: the office's code in front on a server.
  const tickets = results.map((r) => asWritten(r.ticket!));
  expect(new Set(tickets).size).toBe(WORKERS * EACH);
  const env = testEnv(db);
  const listed = (await cliJson<{ ticket: string }[]>(['list', '--status', 'all', '--sort', 'ticket', '--limit', '1000'], { env })).map((c) => c.ticket);
  expect(listed).toEqual(Array.from({ length: WORKERS * EACH }, (_, i) => `260912${String(i + 1).padStart(3, '0')}`));
  expect([...tickets].sort()).toEqual(listed);
  for (const t of listed) {
    const events = (await cliJson<{ events: { action: string }[] }>(['show', t], { env })).events;
    expect(events.filter((e) => e.action === 'register')).toHaveLength(1);
  }
}

describe('concurrent registration', () => {
  it(`${WORKERS} processes × ${EACH} registrations on an initialised database: tickets unique and gap-free`, async () => {
    const db = tempDb();
    expect(spawnCli(['init'], testEnv(db)).code).toBe(0);
    await expectGapFree(db, await raceRegistrations(db));
  }, 60_000);

  it(`${WORKERS} processes × ${EACH} registrations on a brand-new database (racing to create and migrate it)`, async () => {
    const db = tempDb();
    await expectGapFree(db, await raceRegistrations(db));
  }, 60_000);
});
