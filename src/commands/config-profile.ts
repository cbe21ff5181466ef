// `config profile list|show|apply`: the shipped procedures of the seeds (SPEC §11).
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import { findProfile, PROFILES, type Profile } from '../domain/profiles/index.js';
import { renderSmallTable } from '../output/small-table.js';
import { applySettingsBatch } from './config-batch.js';

export function profileCommand(ctx: Ctx): Command {
  const profile = new Command('profile').description(ctx.t.m('profile.help'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints config profile list
  complaints config profile show longhu
  complaints config profile apply xx-property
  complaints init --profile sunshine-coast`);
  profile.command('list', { isDefault: true }).description(ctx.t.m('profile.listHelp')).action(async () => {
    await runProfileList(ctx);
  });
  profile.command('show').argument('<name>').description(ctx.t.m('profile.showHelp')).action(async (name: string) => {
    await runProfileShow(ctx, name);
  });
  profile.command('apply').argument('<name>').description(ctx.t.m('profile.applyHelp')).action(async (name: string) => {
    await runProfileApply(ctx, name);
  });
  return profile;
}

/** The profile of that name, or exit 2 listing the known ones. */
export function requireProfile(name: string): Profile {
  const p = findProfile(name);
  if (!p) throw new UsageError('profile.unknown', { name, known: PROFILES.map((x) => x.name).join(', ') });
  return p;
}

async function runProfileList(ctx: Ctx): Promise<void> {
  const rows = PROFILES.map((p) => ({ name: p.name, title: p.title[ctx.t.lang], seed: p.seed }));
  await ctx.emit(rows, () => renderSmallTable(ctx, [
    { key: 'name', label: ctx.t.l('profile.col.name') }, { key: 'title', label: ctx.t.l('profile.col.title') }, { key: 'seed', label: ctx.t.l('profile.col.seed') },
  ], rows.map((r) => [r.name, r.title, r.seed])));
}

async function runProfileShow(ctx: Ctx, name: string): Promise<void> {
  const p = requireProfile(name);
  const json = { name: p.name, title: p.title, seed: p.seed, settings: p.settings };
  await ctx.emit(json, () => `${p.name} — ${p.title[ctx.t.lang]} (${p.seed})\n` + renderSmallTable(ctx, [
    { key: 'key', label: ctx.t.l('config.col.key') }, { key: 'value', label: ctx.t.l('config.col.value') },
  ], Object.entries(p.settings)));
}

/** Sets the profile's settings in one transaction; the office's other procedure settings go back to their defaults. */
export async function applyProfile(ctx: Ctx, p: Profile): Promise<{ settings: number; moved: number }> {
  const entries = Object.entries(p.settings).map(([key, value]) => ({ key, value }));
  const moved = await applySettingsBatch(ctx, entries, { replaceProcedure: true });
  return { settings: entries.length, moved };
}

async function runProfileApply(ctx: Ctx, name: string): Promise<void> {
  const p = requireProfile(name);
  const { settings, moved } = await applyProfile(ctx, p);
  await ctx.emit({ profile: p.name, settings, moved }, () => ctx.t.m('profile.applied', { name: p.name, title: p.title[ctx.t.lang], settings, moved }) + '\n');
}
