// Bundles the CLI into one CommonJS file so start-up does not pay for
// resolving hundreds of ESM modules (kysely alone costs ~200 ms unbundled).
// Native and rarely used heavy modules stay external and load on demand.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/complaints.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external: ['better-sqlite3', '@inquirer/prompts'],
  // Source code uses import.meta.url (it also runs unbundled under vitest);
  // in the CommonJS bundle it is derived from __filename.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
});
