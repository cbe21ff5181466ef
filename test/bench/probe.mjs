#!/usr/bin/env node
// Diagnosis of slow rows: runs commands once with test/bench/trace-sql.cjs
// preloaded and prints, per command, the time to the first SQL statement
// (start-up), the time in SQL, the rest (JS after the queries), and the plan
// of every statement slower than 2 ms.
//   node test/bench/probe.mjs [--count N] [-- <complaints args>]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dbFileFor, NOW } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const i = argv.indexOf('--count');
const count = i >= 0 ? Number(argv[i + 1]) : 1_000_000;
const DB = dbFileFor(count);
if (!fs.existsSync(DB)) throw new Error(`no database of ${count}: run generate.mjs --count ${count}`);
const Database = createRequire(path.join(ROOT, 'package.json'))('better-sqlite3');
const sample = new Database(DB, { readonly: true });
const TICKET = sample.prepare("SELECT ticket FROM complaints WHERE status = 'closed' AND follow_up_id IS NOT NULL AND id > (SELECT max(id) / 2 FROM complaints) LIMIT 1").pluck().get();
sample.close();
const dash = argv.indexOf('--');
const commands = dash >= 0 ? [argv.slice(dash + 1)] : [
  ['list', '--limit', '20', '--json'],
  ['list', '--limit', '20', '--category', 'construction_quality', '--json'],
  ['list', '--limit', '20', '--overdue', '--json'],
  ['show', 'TICKET', '--json'],
  ['overdue', '--json'],
  ['report', 'monthly', '--month', '2026-11', '--json'],
  ['list', '--search', '漏水', '--status', 'all', '--limit', '20', '--json'],
  ['list', '--search', '电梯故障', '--limit', '20', '--json'],
];
const out = path.join(path.dirname(DB), 'trace.jsonl');
for (const args of commands) {
  fs.rmSync(out, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', path.join(ROOT, 'test/bench/trace-sql.cjs'), path.join(ROOT, 'bin/complaints.js'), ...args.map((a) => (a === 'TICKET' ? TICKET : a))], {
    cwd: ROOT, env: { ...process.env, COMPLAINTS_DB: DB, COMPLAINTS_NOW: NOW, TRACE_SQL_OUT: out, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const lines = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
  const first = lines.find((l) => l.event === 'first-prepare')?.ms ?? 0;
  const exit = lines.find((l) => l.event === 'exit')?.ms ?? 0;
  const queries = lines.filter((l) => l.event === 'query');
  const sqlMs = queries.reduce((a, q) => a + q.ms, 0);
  console.log(`\n$ complaints ${args.join(' ')}   (exit ${r.status}${r.status ? `: ${r.stderr.toString().trim().slice(0, 120)}` : ''})`);
  console.log(`  wall ${wall.toFixed(0)} ms; in process: to first SQL ${first.toFixed(0)} ms, SQL ${sqlMs.toFixed(0)} ms in ${queries.length} statements, rest ${(exit - first - sqlMs).toFixed(0)} ms`);
  for (const q of queries.filter((q) => q.ms > 2)) {
    console.log(`  ${q.ms.toFixed(1).padStart(7)} ms  ${q.sql.slice(0, 160)}`);
    for (const p of q.plan ?? []) console.log(`             ${p}`);
  }
}
