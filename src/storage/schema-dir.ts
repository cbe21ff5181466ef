// Where each engine's migrations live: schema/sqlite/ and schema/postgres/,
// beside src/ and dist/ (found by walking up from this module, which sits in
// src/storage while testing and in dist/ once bundled).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Engine = 'sqlite' | 'postgres';

export function schemaDir(engine: Engine): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'schema', engine);
    if (fs.existsSync(candidate) && fs.readdirSync(candidate).some((f) => f.startsWith('0001_'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`schema/${engine}/ folder not found beside the program`);
    dir = up;
  }
}
