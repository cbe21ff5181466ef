// The server rows of the benchmark (SPEC §14): a throwaway PostgreSQL with
// the generated complaints dealt to ten offices (load-pg.mjs), the program
// run as an office's clerk (row-level security in force) against a floor of
// node + pg + one indexed query + JSON print, alternately; and the group's
// report as a member of complaints_group.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGroup, psql } from './load-pg.mjs';

/** test/support/pg-cluster.ts, compiled for this script by the project's own esbuild. */
async function clusterModule(ROOT, DATA) {
  const out = path.join(DATA, 'pg-cluster.mjs');
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/esbuild'), [path.join(ROOT, 'test/support/pg-cluster.ts'), '--bundle', '--platform=node',
    '--format=esm', `--outfile=${out}`, '--log-level=warning'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`esbuild: ${r.stderr}`);
  return import(pathToFileURL(out).href);
}

export async function serverRows({ DB, NOW, ROOT, DATA, cli, once, benchPaired, bench, addRow, note, log }) {
  const { startCluster } = await clusterModule(ROOT, DATA);
  const cluster = await startCluster({ settings: ['shared_buffers = 512MB', 'work_mem = 32MB', 'maintenance_work_mem = 256MB', 'max_wal_size = 4GB'] });
  try {
    const admin = cluster.urlFor('postgres');
    psql(admin, 'CREATE DATABASE bench');
    const url = cluster.urlFor('bench');
    // The schema, as the administrator's first run brings it.
    const init = once(process.execPath, cli(['init', '--json']), { env: { COMPLAINTS_DB: url } });
    if (init.status !== 0) throw new Error(`init on the server: ${init.stderr}`);
    const t0 = Date.now();
    const counts = await loadGroup(DB, url, log);
    note(`server: ${counts.complaints.toLocaleString('en')} complaints, ${counts.events.toLocaleString('en')} events in 10 offices loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    psql(admin, 'CREATE ROLE bench_clerk LOGIN; GRANT complaints_office_o1 TO bench_clerk; CREATE ROLE bench_group LOGIN; GRANT complaints_group TO bench_group;');
    const clerk = { COMPLAINTS_DB: cluster.urlFor('bench', 'bench_clerk'), COMPLAINTS_OFFICE: 'O1', COMPLAINTS_NOW: NOW, COMPLAINTS_LANG: 'zh', NO_COLOR: '1' };
    const group = { ...clerk, COMPLAINTS_DB: cluster.urlFor('bench', 'bench_group') };
    const FLOOR = path.join(ROOT, 'test/bench/floor-pg.cjs');
    const floor = bench('server floor', process.execPath, [FLOOR], { env: clerk });
    addRow("server floor: node + pg + 1 indexed query + JSON (as an office's clerk)", floor.p50, null, 'reference', null);
    const open = psql(url, "SELECT ticket FROM complaints WHERE office_id = (SELECT id FROM offices WHERE code = 'O1') AND status = 'assigned' ORDER BY received_at DESC LIMIT 1");
    const row = (work, args, target, limit, opts = {}) => {
      const b = benchPaired(work, process.execPath, cli(args), { env: clerk, floorEnv: clerk, floorScript: FLOOR, ...opts });
      addRow(work, b.p50, b.floor, target, limit);
    };
    row('server: `list --limit 20 --json`', ['list', '--limit', '20', '--json'], '≤ 1.5×', 1.5);
    row('server: `list --status registered --limit 20`', ['list', '--status', 'registered', '--limit', '20'], '≤ 1.5×', 1.5);
    row('server: `show <ticket> --json`', ['show', open, '--json'], '≤ 1.5×', 1.5);
    let n = 0;
    row('server: `register` (repeat check, search terms)', ['register', '--name', '王女士', '--phone', '13800138000', '--estate', '阳光海岸', '--unit', '3-2-1501',
      '--category', 'property_service', '--subject', '天花板漏水', '--description', '卫生间天花板漏水'], '≤ 1.5×', 1.5, { before: () => { n++; } });
    const report = bench('group report', process.execPath, cli(['report', 'monthly', '--month', '2026-10', '--office', 'all', '--json']), { env: group, reps: 5 });
    addRow('server: `report monthly --office all --json` (10 offices, as complaints_group)', report.p50, null, '≤ 2 s', (p50) => p50 <= 2000);
    note(`server: ${n} registrations timed; report --office all p50 ${report.p50.toFixed(0)} ms`);
    fs.rmSync(path.join(DATA, 'pg-cluster.mjs'), { force: true });
  } finally {
    await cluster.stop();
  }
}
