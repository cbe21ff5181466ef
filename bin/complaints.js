#!/usr/bin/env node
// Starts the compiled CLI (dist/complaints.cjs, built by `npm install`
// through the prepare script).
//
// CommonJS (bin/package.json says so): an ES module entry would start Node's
// ESM loader, ~10 ms of every run, for nothing.
//
// The bundle is compiled with a V8 code cache kept beside it (one per command): compiling a
// megabyte of JavaScript is a fifth of a short command's run, and a cache
// taken after a run holds the bytecode of every function that run used.
// The cache is written when missing or stale (a rebuild, another Node), in
// a temporary file renamed into place, so concurrent runs never read half a
// file; where dist/ is read-only the program simply runs without it. V8
// itself checks only the source's length, so the cache records the bundle's
// size and modification time and is ignored when they differ.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const bundle = path.join(__dirname, '../dist/complaints.cjs');

/**
 * One cache per command (its first bare lowercase word; none: "other"). A
 * cache holds what the run that wrote it compiled: one taken after `--help`,
 * which loads every command, cost each later `list` or `register` some 5 ms
 * to read bytecode it never runs. A global option's value may stand in for
 * the command (`--lang zh list` keys "zh"): that only names the file.
 */
function cacheFor(args) {
  const word = args.find((a) => /^[a-z][a-z-]{0,23}$/.test(a));
  return `${bundle}.${word ?? 'other'}.cache`;
}
const cacheFile = cacheFor(process.argv.slice(2));

function load() {
  const source = fs.readFileSync(bundle, 'utf8');
  const st = fs.statSync(bundle);
  const stamp = Buffer.from(`${process.version} ${process.arch} ${st.size} ${st.mtimeMs}\n`);
  let cachedData;
  try {
    const raw = fs.readFileSync(cacheFile);
    if (raw.subarray(0, stamp.length).equals(stamp)) cachedData = raw.subarray(stamp.length);
  } catch {
    // no cache yet
  }
  // The bundle has no import(): under vm.Script it would need an experimental flag.
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  const saveCache = cachedData === undefined || script.cachedDataRejected === true
    ? () => writeCache(() => Buffer.concat([stamp, script.createCachedData()]))
    : () => {};
  return { run: mod.exports.run, saveCache };
}

function writeCache(data) {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data());
    fs.renameSync(tmp, cacheFile);
  } catch {
    // A read-only install or a full disk: run without a cache, and never fail for it.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to do
    }
  }
}

const cli = load();
cli.run().then(cli.saveCache);
