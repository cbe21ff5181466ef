// The database every test of the PostgreSQL run starts from (SPEC §14): made
// once per run by the global setup, then copied by CREATE DATABASE … TEMPLATE
// for each tempDb() (test/helpers.ts), which is far quicker than migrating a
// fresh database per test. It holds the schema, one office (code `T`, so a
// server needs no --office), the official calendar already seeded (the
// office's clerks may read it, not write it), and the login role named like
// the suite's actor, a member of the office's role.
import { main } from '../../src/cli/main.js';
import { migratePg } from '../../src/storage/postgres/migrate.js';
import type { PgCluster } from './pg-cluster.js';

export const TEMPLATE_DB = 'complaints_template';
export const TEST_OFFICE = 'T';
/** The suite's actor (helpers.ts ACTOR): on a server the acting person is the login role. */
export const TEST_ROLE = 'li';

export async function makeTemplate(cluster: PgCluster): Promise<void> {
  // Loaded here: the SQLite run's test files import this file's names only.
  const { default: pg } = await import('pg');
  const admin = new pg.Client(cluster.url);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const c = new pg.Client(cluster.urlFor(TEMPLATE_DB));
  await c.connect();
  try {
    await migratePg(c, 0, TEMPLATE_DB);
    await c.query('SELECT complaints_office_add($1, $2, 0)', [TEST_OFFICE, `${TEST_OFFICE} 服务中心`]);
    await c.query(`CREATE ROLE ${TEST_ROLE} LOGIN`);
    await c.query(`GRANT complaints_office_${TEST_OFFICE.toLowerCase()} TO ${TEST_ROLE}`);
  } finally {
    await c.end();
  }
  // Opening the store as the schema's owner seeds the official calendar once, here.
  let err = '';
  const io = { stdout: { write: () => true }, stderr: { write: (s: string) => { err += s; return true; } }, stdinIsTTY: false, stdoutIsTTY: false };
  const env = { COMPLAINTS_DB: cluster.urlFor(TEMPLATE_DB), COMPLAINTS_NOW: '2026-01-01T00:00:00+08:00', COMPLAINTS_LANG: 'en' };
  const code = await main(['list'], io, env as NodeJS.ProcessEnv);
  if (code !== 0) throw new Error(`seeding the template database failed (${code}): ${err}`);
}
