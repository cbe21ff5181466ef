// SPEC §16: `completion bash|zsh|fish` prints a script; loaded in a real bash
// it completes commands, subcommands, options, listed values (keys and Chinese
// labels) and the departments and estates of the database, through the hidden
// `complaints __complete`, which never fails loudly.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, registerArgs, removeTempDirs, spawnCli, spawnEnv, tempDb, tempDir, testEnv, type Env } from '../helpers.js';

afterAll(removeTempDirs);

let env: Env;
let binDir: string;

beforeAll(() => {
  ensureBuilt();
  env = testEnv(tempDb());
  for (const args of [['dept', 'add', '物业一部'], ['dept', 'add', '物业二部'], registerArgs({ estate: '阳光海岸' }), registerArgs({ estate: '翠湖花园', phone: '13900139000' })]) {
    expect(spawnCli(args, env).code).toBe(0);
  }
  // `complaints` on the PATH, as an installed program is.
  binDir = tempDir();
  const shim = path.join(binDir, 'complaints');
  fs.writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
});

/** The candidates bash offers for `complaints <words…>`, the last word being typed. */
function bashComplete(words: string[], extra: Env = {}): string[] {
  const quoted = ['complaints', ...words].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `eval "$(complaints completion bash)"
COMP_WORDS=(${quoted}); COMP_CWORD=${words.length}
_complaints
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const e = spawnEnv({ ...env, ...extra });
  e.PATH = `${binDir}:${e.PATH}`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { env: e, encoding: 'utf8', timeout: 20_000 });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('bash completion', () => {
  it('commands, then subcommands', () => {
    expect(bashComplete(['li'])).toEqual(['list']);
    expect(bashComplete(['c'])).toEqual(expect.arrayContaining(['classify', 'contact', 'close', 'calendar', 'config', 'completion']));
    expect(bashComplete(['calendar', ''])).toEqual(['show', 'set', 'unset', 'import', 'explain']);
    expect(bashComplete(['--lang', 'zh', 'reg'])).toEqual(['register']);
  });

  it('options of the command, global ones too', () => {
    expect(bashComplete(['list', '--st'])).toEqual(['--status']);
    expect(bashComplete(['register', '--ch'])).toEqual(['--channel']);
    expect(bashComplete(['list', '--la'])).toEqual(['--lang']);
  });

  it('listed values: keys and Chinese labels', () => {
    expect(bashComplete(['list', '--status', ''])).toEqual(['registered', '已登记', 'assigned', '处理中', 'resolved', '已处理待回访', 'closed', '已关闭', 'open', '未关闭', 'all', '全部']);
    expect(bashComplete(['list', '--status', '处'])).toEqual(['处理中']);
    expect(bashComplete(['register', '--channel', 'ph'])).toEqual(['phone']);
    expect(bashComplete(['calendar', 'set', '2026-10-09', ''])).toEqual(['holiday', '放假', '休', '假', 'workday', '上班', '班']);
    expect(bashComplete(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('departments and estates from the database', () => {
    expect(bashComplete(['list', '--dept', ''])).toEqual(expect.arrayContaining(['工程部', '物业一部', '物业二部']));
    expect(bashComplete(['list', '--dept', '物业'])).toEqual(['物业一部', '物业二部']);
    expect(bashComplete(['assign', '260912-1', '--dept', '工'])).toEqual(['工程部']);
    expect(bashComplete(['list', '--estate', ''])).toEqual(['翠湖花园', '阳光海岸']);
  });

  it('never fails loudly: no database, a bad --db, unknown words', () => {
    expect(bashComplete(['list', '--dept', ''], { COMPLAINTS_DB: path.join(tempDir(), 'none.db') })).toEqual([]);
    expect(bashComplete(['--db', '/nonexistent/x.db', 'list', '--estate', ''])).toEqual([]);
    expect(bashComplete(['nosuch', '--x', ''])).toEqual([]);
    const none = path.join(tempDir(), 'none.db');
    expect(spawnCli(['__complete', 'list', '--dept', ''], { ...env, COMPLAINTS_DB: none })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.existsSync(none)).toBe(false);
  });
});

describe('completion scripts', () => {
  it.each(['bash', 'zsh', 'fish'])('%s prints a script that calls __complete', (shell) => {
    const r = spawnCli(['completion', shell], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('complaints __complete');
  });

  it('an unknown shell is refused with the shells listed', () => {
    const r = spawnCli(['completion', 'tcsh'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bash, zsh, fish');
    expect(r.stdout).toBe('');
  });
});
