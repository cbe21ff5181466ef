// The floor of a command on a server: start node, load pg, connect (as the
// clerk the benchmark runs as, under row-level security), run one indexed
// query (20 newest of one status in the office) and print it as JSON.
const pg = require('pg');

(async () => {
  const c = new pg.Client(process.env.COMPLAINTS_DB);
  await c.connect();
  await c.query("SELECT set_config('complaints.office', $1, false)", [process.env.COMPLAINTS_OFFICE]);
  const r = await c.query(`SELECT * FROM complaints WHERE office_id = (SELECT id FROM offices WHERE code = $1)
    AND status = $2 ORDER BY received_at DESC LIMIT 20`, [process.env.COMPLAINTS_OFFICE, 'assigned']);
  process.stdout.write(JSON.stringify(r.rows, null, 2) + '\n');
  await c.end();
})();
