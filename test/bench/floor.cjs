// The floor of a command: start node, load better-sqlite3, open the database,
// run one indexed query (20 newest of one status) and print it as JSON.
const Database = require('better-sqlite3');
const db = new Database(process.env.COMPLAINTS_DB, { fileMustExist: true });
const rows = db.prepare('SELECT * FROM complaints WHERE status = ? ORDER BY received_at DESC LIMIT 20').all('assigned');
process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
db.close();
