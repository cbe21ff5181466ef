// Every command is documented in the README as `complaints <name>`
// (ARCHITECTURE 11, after sqlite-utils' tests/test_docs.py). The README is read
// at test time, so a command added without documentation fails here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { createContext, type IO } from '../src/cli/context.js';
import { COMMANDS } from '../src/cli/commands.js';
import { ROOT, refusingPrompter, removeTempDirs, tempDb, testEnv } from './helpers.js';

afterAll(removeTempDirs);

const io: IO = { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, stdoutIsTTY: false };

async function commandNames(): Promise<string[]> {
  const db = tempDb();
  const ctx = createContext(io, testEnv(db), refusingPrompter(), {});
  const names = (await buildProgram(ctx, COMMANDS)).commands.map((c) => c.name());
  expect(fs.existsSync(db)).toBe(false); // building the program opens no database
  return names;
}

const names = await commandNames();

describe('README', () => {

  it('the program has every command of COMMANDS', () => {
    expect(names).toHaveLength(COMMANDS.length);
    expect(names).toContain('register');
  });

  it.each(names)('documents `complaints %s`', (name) => {
    const file = path.join(ROOT, 'README.md');
    expect(fs.existsSync(file), 'README.md is missing').toBe(true);
    const readme = fs.readFileSync(file, 'utf8');
    expect(readme).toMatch(new RegExp(`complaints ${name.replace(/[-]/g, '\\-')}\\b`));
  });
});
