// The launcher (bin/complaints.js) compiles the bundle with a V8 code cache
// kept beside it. A missing, stale or damaged cache must never change what a
// command does: it is rebuilt, and the answer is the same.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, registerArgs, removeTempDirs, ROOT, spawnEnv, tempDir, testEnv, type Env } from '../helpers.js';

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

/** An installed copy of the program of its own, so its dist/ cache is this test's alone. */
function install(): { bin: string; cache: string; bundle: string } {
  const dir = tempDir('complaints-install-');
  for (const d of ['bin', 'dist']) fs.mkdirSync(path.join(dir, d));
  for (const f of ['bin/complaints.js', 'bin/package.json', 'dist/complaints.cjs']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.symlinkSync(path.join(ROOT, 'schema'), path.join(dir, 'schema'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  const bundle = path.join(dir, 'dist/complaints.cjs');
  return { bin: path.join(dir, 'bin/complaints.js'), bundle, cache: `${bundle}.list.cache` };
}

function run(bin: string, args: string[], env: Env) {
  const r = spawnSync(process.execPath, [bin, ...args], { env: spawnEnv(env), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function stampOf(bundle: string): string {
  const st = fs.statSync(bundle);
  return `${process.version} ${process.arch} ${st.size} ${st.mtimeMs}\n`;
}

describe('the code cache of the launcher', () => {
  const app = install();
  const env = testEnv(path.join(tempDir('complaints-cc-'), 'c.db'));
  let reference = '';

  it('is written by the first run, stamped with the bundle it belongs to', () => {
    expect(fs.existsSync(app.cache)).toBe(false);
    expect(run(app.bin, [...registerArgs(), '--json'], env).code).toBe(0);
    const first = run(app.bin, ['list', '--json'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    reference = first.stdout;
    expect(JSON.parse(reference)).toHaveLength(1);
    const cache = fs.readFileSync(app.cache);
    expect(cache.subarray(0, Buffer.byteLength(stampOf(app.bundle))).toString()).toBe(stampOf(app.bundle));
    expect(cache.length).toBeGreaterThan(10_000);
  });

  it('is used as it is by the next run, which answers the same', () => {
    const before = fs.statSync(app.cache).mtimeMs;
    const again = run(app.bin, ['list', '--json'], env);
    expect(again).toMatchObject({ code: 0, stdout: reference, stderr: '' });
    expect(fs.statSync(app.cache).mtimeMs).toBe(before);
  });

  it('damaged (right stamp, garbage after it): ignored, the answer is the same, and it is rewritten', () => {
    fs.writeFileSync(app.cache, Buffer.concat([Buffer.from(stampOf(app.bundle)), Buffer.alloc(50_000, 7)]));
    const r = run(app.bin, ['list', '--json'], env);
    expect(r).toMatchObject({ code: 0, stdout: reference, stderr: '' });
    expect(fs.readFileSync(app.cache).subarray(-50_000).equals(Buffer.alloc(50_000, 7))).toBe(false);
  });

  it('truncated half-way: ignored and rewritten', () => {
    const whole = fs.readFileSync(app.cache);
    fs.writeFileSync(app.cache, whole.subarray(0, whole.length >> 1));
    expect(run(app.bin, ['list', '--json'], env)).toMatchObject({ code: 0, stdout: reference, stderr: '' });
    expect(fs.readFileSync(app.cache).length).toBeGreaterThan(whole.length * 0.9);
  });

  it('of another build (the bundle rewritten, same length): not used, so the new code runs', () => {
    // V8 checks only the source length; a same-length edit must not run the old bytecode.
    const src = fs.readFileSync(app.bundle, 'utf8');
    const edited = src.replace('the complaint desk of a property-management office', 'THE COMPLAINT DESK OF A PROPERTY-MANAGEMENT OFFICE');
    expect(edited.length).toBe(src.length);
    expect(run(app.bin, ['--help'], { ...env, COMPLAINTS_LANG: 'en' }).stdout).toContain('the complaint desk');
    fs.writeFileSync(app.bundle, edited);
    fs.utimesSync(app.bundle, new Date(), new Date(Date.now() + 5_000));
    const r = run(app.bin, ['--help'], { ...env, COMPLAINTS_LANG: 'en' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('THE COMPLAINT DESK');
    const help = `${app.bundle}.other.cache`;
    expect(fs.readFileSync(help).subarray(0, Buffer.byteLength(stampOf(app.bundle))).toString()).toBe(stampOf(app.bundle));
  });

  it('is kept per command, so help (which loads every command) does not weigh on a list', () => {
    const before = fs.readFileSync(app.cache);
    expect(run(app.bin, ['--help'], env).code).toBe(0);
    expect(run(app.bin, ['--lang', 'en', 'show', '--help'], env).code).toBe(0);
    expect(fs.readFileSync(app.cache).equals(before)).toBe(true);
    expect(fs.existsSync(`${app.bundle}.other.cache`)).toBe(true);
    expect(fs.existsSync(`${app.bundle}.en.cache`)).toBe(true);
  });

  it('leaves no temporary files behind after many runs at once', async () => {
    fs.rmSync(app.cache);
    const { spawn } = await import('node:child_process');
    const runs = Array.from({ length: 6 }, () => new Promise<number>((resolve) => {
      const p = spawn(process.execPath, [app.bin, 'list', '--json'], { env: spawnEnv(env), stdio: 'ignore' });
      p.on('exit', (code) => resolve(code ?? -1));
    }));
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(fs.readdirSync(path.dirname(app.bundle)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(run(app.bin, ['list', '--json'], env)).toMatchObject({ code: 0, stdout: reference });
  });

  it('cannot be written (its place taken by a directory): the command still answers, exit 0, nothing left behind', () => {
    fs.rmSync(app.cache, { force: true });
    fs.mkdirSync(app.cache);
    try {
      expect(run(app.bin, ['list', '--json'], env)).toMatchObject({ code: 0, stdout: reference, stderr: '' });
      expect(fs.readdirSync(path.dirname(app.bundle)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      fs.rmdirSync(app.cache);
    }
  });
});
