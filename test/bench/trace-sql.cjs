// A probe, preloaded with `node -r ./test/bench/trace-sql.cjs bin/complaints.js ...`:
// records every statement the program prepares and runs, with its time and
// EXPLAIN QUERY PLAN, into $TRACE_SQL_OUT (JSON lines). Also the time from
// process start to the first prepare (start-up: loading the bundle).
const fs = require('node:fs');
const Database = require('better-sqlite3');
const out = process.env.TRACE_SQL_OUT || '/dev/stderr';
const t0 = performance.timeOrigin;
const since = () => performance.now();
const log = (o) => fs.appendFileSync(out, JSON.stringify(o) + '\n');
let first = true;
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql) {
  if (first) { first = false; log({ event: 'first-prepare', ms: +since().toFixed(1) }); }
  const st = prepare.call(this, sql);
  const db = this;
  for (const m of ['all', 'get', 'run', 'iterate']) {
    const orig = st[m];
    st[m] = function (...args) {
      const a = performance.now();
      const r = orig.apply(this, args);
      let plan = null;
      if (/^\s*(SELECT|WITH|UPDATE|DELETE|INSERT)/i.test(sql)) {
        try { plan = prepare.call(db, 'EXPLAIN QUERY PLAN ' + sql).all(...args).map((p) => p.detail); } catch { plan = null; }
      }
      log({ event: 'query', method: m, ms: +(performance.now() - a).toFixed(2), sql: sql.replace(/\s+/g, ' ').slice(0, 400), plan });
      return r;
    };
  }
  return st;
};
process.on('exit', () => log({ event: 'exit', ms: +since().toFixed(1) }));
