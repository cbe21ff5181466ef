// `config export [file]` and `config import <file>`: an office's own settings
// as a text file of `key = value` lines (domain/settings-file.ts).
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import { formatSettingsFile, parseSettingsFile, settingsOwnValues } from '../domain/settings-file.js';
import { OutputFile } from '../cli/output-file.js';
import { readInputUtf8 } from '../cli/input-file.js';
import { loadSettings } from '../storage/settings.js';
import { applySettingsBatch } from './config-batch.js';

export async function runConfigExport(ctx: Ctx, file: string | undefined, o: { force?: boolean }): Promise<void> {
  const out = file ? OutputFile.check(file, { database: ctx.dbPath, force: !!o.force }) : null;
  const entries = settingsOwnValues(await loadSettings(await ctx.store()));
  const text = formatSettingsFile(entries, ctx.t.m('settingsFile.header'));
  if (!out) {
    // A settings file on standard output is data, never paged.
    ctx.io.unpaged?.();
    await ctx.emit(Object.fromEntries(entries), () => text);
    return;
  }
  out.writeAll(text);
  await ctx.emit({ file: out.file, settings: entries.length }, () => ctx.t.m('settingsFile.written', { file: out.file, count: entries.length }) + '\n');
}

/** All or nothing: every line is read and every key and value checked before one is written. */
export async function runConfigImport(ctx: Ctx, file: string): Promise<void> {
  const text = readInputUtf8(file).toString('utf8');
  let lines;
  try {
    lines = parseSettingsFile(text);
  } catch (err) {
    throw err instanceof UsageError ? inFile(file, err) : err;
  }
  const moved = await applySettingsBatch(ctx, lines, {
    replaceProcedure: false,
    wrap: (e, err) => new UsageError('settingsFile.lineRefused', { ...err.params, file, line: e.line ?? 0, inner: err.key }),
  });
  await ctx.emit({ file, settings: lines.length, moved }, () => ctx.t.m('settingsFile.imported', { file, settings: lines.length, moved }) + '\n');
}

function inFile(file: string, err: UsageError): UsageError {
  return new UsageError(err.key, { ...err.params, file });
}
