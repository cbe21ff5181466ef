// SPEC §16: in Chinese mode every command's help is Chinese. What may stay in
// ASCII letters is decided here, once:
// - option names (-n, --no-input) and placeholders (<ticket>, [file]);
// - the program's and its commands' names, and the keys of listed values
//   (status, severity, …: they are what the options take, shown beside their
//   Chinese labels);
// - the example lines themselves (a command as typed), but not a comment after #;
// - names of things that have no Chinese name at the desk: environment
//   variables (COMPLAINTS_DB), setting keys (rule.disagreed_talks), file
//   formats and programs (CSV, JSON, Excel, SQLite, PostgreSQL, pg_dump …),
//   and file names (月报.xlsx).
import { afterAll, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { COMMANDS } from '../../src/cli/commands.js';
import { createContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/main.js';
import { VALUES } from '../../src/cli/listed-values.js';
import { PROFILES } from '../../src/domain/profiles/index.js';
import { cli, refusingPrompter, removeTempDirs, tempDb, testEnv } from '../helpers.js';

afterAll(removeTempDirs);

const silent = { stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, stdoutIsTTY: false };
const program = await buildProgram(createContext(silent, testEnv(tempDb(), { COMPLAINTS_LANG: 'zh' }), refusingPrompter(), {}), COMMANDS);

function paths(cmd: Command, above: string[] = []): string[][] {
  return cmd.commands.filter((c) => c.name() !== 'help').flatMap((c) => [[...above, c.name()], ...paths(c, [...above, c.name()])]);
}
const ALL = [[], ...paths(program)];

function commandsOf(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(commandsOf)];
}
/** Names the user types: commands (help too), arguments, listed values' keys, procedure profiles. */
const NAMES = new Set([
  'complaints', 'help', ...ALL.flat(),
  ...commandsOf(program).flatMap((c) => c.registeredArguments.map((a) => a.name())),
  ...Object.values(VALUES).flatMap((v) => v.keys),
  ...PROFILES.map((p) => p.name),
].flatMap((n) => n.split('-')));
/** Formats, programs and standards named as they are written everywhere. */
const TECHNICAL = new Set([
  'CSV', 'JSON', 'HTML', 'Excel', 'SQLite', 'PostgreSQL', 'Markdown', 'BOM', 'ISO', 'UTF', 'ics', 'iCalendar', 'pg_dump',
  'xlsx', 'csv', 'md', 'html', 'json', 'URL', 'bash', 'zsh', 'fish', 'crontab', 'MB', 'GBK', 'UTF',
  'PAGER', 'less', 'COLUMNS', // the pager ($PAGER, else less -FRX) and the width when not a terminal
  // date shapes and .ics properties, as written in files
  'YYYY', 'MM', 'DD', 'Www', 'W', 'DTSTART', 'DTEND', 'VALUE', 'DATE', 'SUMMARY',
  // the units of a deadline setting (30m, 2h, 3wd, 5d, eod, none)
  'm', 'h', 'wd', 'd', 'eod', 'none',
]);

/** The ASCII words of a help text that are none of the allowed kinds. */
export function strayWords(help: string): string[] {
  const stray: string[] = [];
  for (const raw of help.split('\n')) {
    // An example: the command as typed may be anything; its comment must be Chinese.
    const line = /^\s+complaints\b/.test(raw) ? (raw.includes('#') ? raw.slice(raw.indexOf('#') + 1) : '') : raw;
    const rest = line
      .replace(/(^|[\s(（，、：:；,=])--?[A-Za-z][\w-]*/g, ' ') // option names
      .replace(/<[^>]*>|\[[^\]]*\]/g, ' ') // placeholders
      .replace(/[\w./-]*\.(?:csv|xlsx|html|md|json|ics|db)\b/g, ' ') // file names
      .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' ') // environment variables
      .replace(/\b[a-z]+(?:[._][a-z0-9_]+)+\b/g, ' ') // setting keys, keys with _
      .replace(/\b[a-z]+:\/\/\S+/g, ' ') // URLs
      .replace(/\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g, ' '); // time zones (Asia/Shanghai)
    for (const w of rest.match(/[A-Za-z]+/g) ?? []) {
      if (!NAMES.has(w) && !TECHNICAL.has(w)) stray.push(w);
    }
  }
  return stray;
}

describe('help in Chinese', () => {
  it.each(ALL.map((p) => [p.join(' ') || '(the program)', p] as const))('%s: no English words', async (_name, path) => {
    const r = await cli(['--lang', 'zh', ...path, '--help'], { env: testEnv(tempDb()) });
    expect(r.code).toBe(0);
    expect(strayWords(r.stdout), r.stdout).toEqual([]);
  });
});
