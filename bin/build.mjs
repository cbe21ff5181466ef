#!/usr/bin/env node
// Builds dist/complaints.cjs, the one file every run of the program loads
// (`npm run build`; `npm install` runs it through the prepare script).
//
// Two things are done here that a plain esbuild command line cannot do, both
// for the start of every run:
// - The bundle is made pure ASCII. esbuild escapes Chinese in strings but
//   leaves it in regular expressions; one such character makes Node read the
//   whole megabyte as UTF-8 into a two-byte string (about a millisecond more
//   at every start). Left over are only regular expression literals and the
//   one String.raw that is a regular expression's source: in both a \uXXXX
//   escape means the character itself. (Columns in the source map shift by
//   five on a line after each such character.)
// - The digest of the shipped holiday data (src/domain/official-days.ts) is
//   worked out once here instead of at every start (three quarters of a
//   millisecond), by the same code, so the bundle and the source agree.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/complaints.cjs');

/** OFFICIAL_VERSION's digest, as the unbundled source computes it. */
async function officialDigest() {
  const built = await esbuild.build({
    entryPoints: [path.join(root, 'src/domain/official-days.ts')],
    bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning',
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
  const digest = /#([0-9a-f]+)$/.exec(mod.OFFICIAL_VERSION)?.[1];
  if (!digest) throw new Error(`no digest in ${mod.OFFICIAL_VERSION}`);
  return digest;
}

/** Every character above ASCII as a \uXXXX escape (astral ones as their two surrogates). */
function ascii(text) {
  return text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

const result = await esbuild.build({
  entryPoints: [path.join(root, 'src/cli/main.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  external: ['better-sqlite3', 'pg', '@inquirer/prompts', 'exceljs'],
  alias: { 'node:child_process': './src/cli/deferred-child-process.cjs' },
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  logLevel: 'warning',
  define: { 'import.meta.url': '__importMetaUrl', __OFFICIAL_DIGEST__: JSON.stringify(await officialDigest()) },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  write: false,
  absWorkingDir: root,
});

fs.mkdirSync(path.dirname(outfile), { recursive: true });
for (const file of result.outputFiles) {
  fs.writeFileSync(file.path, file.path === outfile ? ascii(file.text) : file.contents);
}
