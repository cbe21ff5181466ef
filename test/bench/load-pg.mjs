// The benchmark's group on a server (SPEC §14): the generated SQLite file's
// million complaints dealt out to ten offices (O0…O9, a complaint to office
// id mod 10), with their events, call-backs and steps, copied in with COPY
// through psql. Tickets get their office's code in front; every office gets
// the seven departments; the counters are set from what was copied.
//   node test/bench/load-pg.mjs --from <sqlite file> --url <postgres url>
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
export const OFFICES = 10;
const code = (o) => `O${o}`;

/** One statement through psql; its output, trimmed. */
export function psql(url, sql) {
  const r = spawnSync('psql', [url, '-XqAt', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
  return r.stdout.trim();
}

const csvValue = (v) => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = String(v);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Streams rows into `table (columns)` with COPY … FROM STDIN (CSV), waiting for the pipe to drain. */
async function copyInto(url, table, columns, rows) {
  // As a replica would: the rows reference each other (a complaint its latest call-back, the call-back its
  // complaint), so their foreign-key triggers wait until everything is in; the data is the file's, consistent.
  const child = spawn('psql', [url, '-Xq', '-v', 'ON_ERROR_STOP=1', '-c', `\\copy ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`], {
    stdio: ['pipe', 'inherit', 'pipe'], env: { ...process.env, PGOPTIONS: '-c session_replication_role=replica' },
  });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const done = new Promise((resolve, reject) => child.on('close', (c) => (c === 0 ? resolve() : reject(new Error(`COPY ${table}: ${err}`)))));
  let chunk = '';
  let n = 0;
  for (const row of rows) {
    chunk += row.map(csvValue).join(',') + '\n';
    n++;
    if (chunk.length > 1 << 20) {
      if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
      chunk = '';
    }
  }
  child.stdin.end(chunk);
  await done;
  return n;
}

/** Loads the file into the (migrated, empty) database at `url`; returns the counts copied. */
export async function loadGroup(file, url, log = console.error) {
  const Database = require('better-sqlite3');
  const db = new Database(file, { readonly: true });
  const t0 = Date.now();
  for (let o = 0; o < OFFICES; o++) psql(url, `SELECT complaints_office_add('${code(o)}', '${code(o)} 服务中心', 0)`);
  // Department ids by office and name: each office has its own seven.
  const deptId = new Map(psql(url, 'SELECT o.code, d.name, d.id FROM departments d JOIN offices o ON o.id = d.office_id')
    .split('\n').map((l) => l.split('|')).map(([c, name, id]) => [`${c}|${name}`, Number(id)]));
  const officeId = new Map(psql(url, 'SELECT code, id FROM offices').split('\n').map((l) => l.split('|')).map(([c, id]) => [c, Number(id)]));
  const sqliteDept = new Map(db.prepare('SELECT id, name FROM departments').all().map((d) => [d.id, d.name]));
  const officeOf = (complaintId) => (complaintId - 1) % OFFICES;
  const dept = (o, id) => (id === null ? null : deptId.get(`${code(o)}|${sqliteDept.get(id)}`) ?? null);
  const counts = {};

  const cols = db.prepare('PRAGMA table_info(complaints)').all().map((c) => c.name);
  counts.complaints = await copyInto(url, 'complaints', ['office_id', ...cols], (function* () {
    for (const r of db.prepare('SELECT * FROM complaints ORDER BY id').iterate()) {
      const o = officeOf(r.id);
      r.ticket = `${code(o)}-${r.ticket}`;
      r.department_id = dept(o, r.department_id);
      r.responsible_dept_id = dept(o, r.responsible_dept_id);
      yield [officeId.get(code(o)), ...cols.map((c) => r[c])];
    }
  })());
  log(`  complaints: ${counts.complaints} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  for (const [table, order] of [['follow_ups', 'id'], ['events', 'id'], ['complaint_steps', 'complaint_id, step']]) {
    const c = db.prepare(`PRAGMA table_info(${table})`).all().map((x) => x.name);
    counts[table] = await copyInto(url, table, ['office_id', ...c], (function* () {
      for (const r of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).iterate()) {
        const o = r.complaint_id === null ? 0 : officeOf(r.complaint_id);
        yield [officeId.get(code(o)), ...c.map((k) => r[k])];
      }
    })());
    log(`  ${table}: ${counts[table]} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  psql(url, `INSERT INTO ticket_counters (office_id, year, last) SELECT office_id, year, max(seq) FROM complaints GROUP BY office_id, year`);
  for (const t of ['complaints', 'follow_ups', 'events']) {
    psql(url, `SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  }
  psql(url, 'VACUUM ANALYZE');
  log(`  loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  db.close();
  return counts;
}
