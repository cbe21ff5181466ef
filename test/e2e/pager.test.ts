// The pager (SPEC §16), at a real pseudo-terminal (util-linux `script`): long
// output goes through $PAGER, short output, --no-pager, --json, CSV and
// output to a pipe never do; a pager that is missing or fails leaves plain
// output; quitting it early is not an error.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliOk, ensureBuilt, registerArgs, removeTempDirs, spawnCli, spawnEnv, tempDb, tempDir, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;

let env: Env;
let dir: string;
/** What the recording pager got. */
let got: string;
/** A pager that records what it got, then says so. */
let recorder: string;

beforeAll(async () => {
  ensureBuilt();
  const db = tempDb();
  env = testEnv(db);
  for (let i = 0; i < 30; i++) await cliOk(registerArgs({ subject: `漏水 ${i}`, unit: `3-2-${1500 + i}` }), { env });
  dir = tempDir();
  got = path.join(dir, 'got.txt');
  recorder = path.join(dir, 'pager.sh');
  fs.writeFileSync(recorder, `#!/bin/sh\ncat > '${got}'\necho PAGED\n`, { mode: 0o755 });
});

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** Runs the program at a terminal of 100 × 10; its exit code is printed after it, as `exit=N`. */
function atTerminal(args: string[], extra: Env = {}): { out: string; code: number } {
  fs.rmSync(got, { force: true });
  const cmd = `stty rows 10 cols 100; ${[process.execPath, BIN, ...args].map(quote).join(' ')}; echo "exit=$?"`;
  const r = spawnSync('script', ['-qfec', cmd, '/dev/null'], { env: spawnEnv({ ...env, ...extra }), encoding: 'utf8', timeout: 20_000 });
  if (r.error) throw r.error;
  const out = r.stdout.replace(/\r\n/g, '\n');
  const code = Number(/exit=(\d+)/.exec(out)?.[1] ?? -1);
  return { out: out.replace(/exit=\d+\n?$/, ''), code };
}

const paged = () => (fs.existsSync(got) ? fs.readFileSync(got, 'utf8') : null);

describe.skipIf(!hasScript)('the pager at a terminal', () => {
  it('takes output longer than the screen: all of it, nothing on the terminal itself', () => {
    const whole = atTerminal(['list', '--status', 'all', '--no-pager'], { PAGER: recorder }).out;
    expect(whole.split('\n').length).toBeGreaterThan(30);
    const r = atTerminal(['list', '--status', 'all'], { PAGER: recorder });
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('PAGED');
    // What the pager got is what the terminal shows without one (the terminal's CR LF read as LF).
    expect(paged()).toBe(whole);
  });

  it('is not started for output that fits the screen, nor with --no-pager, --json or CSV', () => {
    expect(atTerminal(['list', '--limit', '3'], { PAGER: recorder }).out).toContain('260912030');
    expect(paged()).toBeNull();
    for (const args of [['list', '--status', 'all', '--no-pager'], ['--no-pager', 'list', '--status', 'all'], ['list', '--status', 'all', '--json'], ['export']]) {
      const r = atTerminal(args, { PAGER: recorder });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out, args.join(' ')).toContain('260912030');
      expect(paged(), args.join(' ')).toBeNull();
    }
    // PAGER set empty, or to cat, is no pager.
    for (const pager of ['', 'cat']) expect(atTerminal(['list', '--status', 'all'], { PAGER: pager }).out).toContain('260912030');
  });

  it('a pager that is missing or fails leaves plain output, exit 0', () => {
    for (const pager of [path.join(dir, 'no-such-pager'), 'false']) {
      const r = atTerminal(['list', '--status', 'all'], { PAGER: pager });
      expect(r.code, pager).toBe(0);
      expect(r.out, pager).toContain('260912001');
      expect(r.out, pager).toContain('260912030');
    }
  });

  it('quitting the pager early is not an error', () => {
    const quitter = path.join(dir, 'quit.sh');
    fs.writeFileSync(quitter, '#!/bin/sh\nhead -c 10 > /dev/null\necho QUIT\n', { mode: 0o755 });
    const r = atTerminal(['list', '--status', 'all'], { PAGER: quitter });
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('QUIT');
  });

  it('never through a pipe', () => {
    const r = spawnCli(['list', '--status', 'all'], { ...env, PAGER: recorder });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('260912030');
    expect(paged()).toBeNull();
  });
});
