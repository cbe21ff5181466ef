// SQLite-only. Imported before better-sqlite3, which reads SQLITE_USE_URI once, as it
// loads, to let SQLite take `file:` URIs. A URI is the only way to pass
// `immutable=1`, which is how a database in a folder this user cannot write
// is read (storage/open.ts). Paths given to SQLite are always absolute, so a
// plain path is never taken for a URI. Someone who set the variable keeps it.
process.env.SQLITE_USE_URI ??= '1';
