// A probe: how much of a command's time is loading the program.
//   node test/bench/probe-startup.cjs   (prints JSON: ms to require each part)
const path = require('node:path');
const t = (f) => { const a = performance.now(); f(); return +(performance.now() - a).toFixed(1); };
const out = { sinceProcessStart: +performance.now().toFixed(1) };
out.betterSqlite3 = t(() => require('better-sqlite3'));
out.bundle = t(() => require(path.join(__dirname, '../../dist/complaints.cjs')));
for (const m of ['commander', 'kysely', 'chalk', 'dayjs', 'chinese-days', 'cli-table3', 'csv-parse/sync', 'csv-stringify/sync', 'asciichart', '@inquirer/prompts']) {
  try { out[m] = t(() => require(m)); } catch (e) { out[m] = `n/a (${e.code})`; }
}
out.total = +performance.now().toFixed(1);
console.log(JSON.stringify(out));
