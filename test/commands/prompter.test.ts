// The real prompter turns inquirer's cancel (Ctrl-C) into CancelledError, and
// nothing else: other failures pass through unchanged.
import { beforeEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/domain/errors.js';
import { inquirerPrompter as realPrompter } from '../../src/cli/prompter.js';
import { translator } from '../../src/output/i18n.js';

const calls = { next: null as null | (() => Promise<unknown>) };
const answer = (() => (calls.next ? calls.next() : Promise.reject(new Error('no answer scripted')))) as any;
/** The prompter over a stand-in for @inquirer/prompts whose answers the test scripts. */
const inquirerPrompter = () => realPrompter(async () => ({ input: answer, select: answer, confirm: answer }));

function named(name: string): Error {
  const e = new Error('User force closed the prompt with SIGINT');
  e.name = name;
  return e;
}

describe('inquirerPrompter', () => {
  beforeEach(() => {
    calls.next = null;
  });

  it.each(['ExitPromptError', 'AbortPromptError'])('maps %s to CancelledError (exit 130)', async (name) => {
    calls.next = () => Promise.reject(named(name));
    const p = inquirerPrompter();
    await expect(p.input({ message: 'Name' })).rejects.toBeInstanceOf(CancelledError);
    await expect(p.select({ message: 'Kind', choices: [{ value: 'a', name: 'A' }] })).rejects.toSatisfy((e: unknown) => e instanceof CancelledError && e.exitCode === 130);
    await expect(p.confirm({ message: 'Save?' })).rejects.toBeInstanceOf(CancelledError);
  });

  it('lets other errors through unchanged', async () => {
    const boom = new Error('terminal went away');
    calls.next = () => Promise.reject(boom);
    await expect(inquirerPrompter().input({ message: 'Name' })).rejects.toBe(boom);
  });

  it('returns the answer', async () => {
    calls.next = () => Promise.resolve('王女士');
    await expect(inquirerPrompter().input({ message: 'Name' })).resolves.toBe('王女士');
  });
});

describe("inquirer's own words in the chosen language (SPEC §16)", () => {
  it('the keys hint under a choice and the yes/no after a confirmation', async () => {
    const seen: any[] = [];
    const record = (o: unknown) => { seen.push(o); return Promise.resolve(true); };
    const p = realPrompter(async () => ({ input: record, select: record, confirm: record }) as any, translator('zh'));
    await p.select({ message: '类型', choices: [{ value: 'a', name: 'A' }] });
    await p.confirm({ message: '保存？' });
    expect(seen[0].theme.style.keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']])).toBe('↑↓ 移动 • ⏎ 选定');
    expect(seen[1].transformer(true)).toBe('是');
    expect(seen[1].transformer(false)).toBe('否');
  });
});
