// `estate`: the office's estates (项目) with the other names staff write for
// them, so 阳光海岸 and 阳光海岸小区 count as one (SPEC §16).
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import { estateKey } from '../domain/estates.js';
import { write } from '../storage/store.js';
import { findEstate, insertEstate, insertEstateAlias, listEstates, renameEstate, type StoredEstate } from '../storage/estates.js';
import { appendEvents } from '../storage/events.js';
import { renderSmallTable } from '../output/small-table.js';

export function estateCommand(ctx: Ctx): Command {
  const { t } = ctx;
  const estate = new Command('estate')
    .description(t.m('help.estate'))
    .addHelpText('after', `
${t.l('help.examples')}
  complaints estate list
  complaints estate add 阳光海岸
  complaints estate alias 阳光海岸 阳光海岸小区
  complaints estate rename 阳光海岸 阳光海岸一期
  complaints config set estate.strict on     # ${t.m('help.estateStrictExample')}`);
  estate.command('list', { isDefault: true }).description(t.m('help.estateList')).action(async () => {
    await runEstateList(ctx);
  });
  estate.command('add').argument('<name>').description(t.m('help.estateAdd')).action(async (name: string) => {
    await runEstateChange(ctx, { action: 'add', name });
  });
  estate.command('rename').argument('<name>').argument('<new-name>').description(t.m('help.estateRename'))
    .action(async (name: string, to: string) => {
      await runEstateChange(ctx, { action: 'rename', name, to });
    });
  estate.command('alias').argument('<name>').argument('<alias>').description(t.m('help.estateAlias'))
    .action(async (name: string, alias: string) => {
      await runEstateChange(ctx, { action: 'alias', name, to: alias });
    });
  return estate;
}

async function emitEstates(ctx: Ctx, list: StoredEstate[]): Promise<void> {
  await ctx.emit(list.map((e) => ({ name: e.name, aliases: e.aliases })), () => {
    const columns = [{ key: 'name', label: ctx.t.l('field.estate') }, { key: 'aliases', label: ctx.t.l('field.estateAliases') }];
    const rows = list.map((e) => [e.name, e.aliases.join(ctx.t.l('word.listSep'))]);
    return renderSmallTable(ctx, columns, rows, list.map((e) => [e.name, e.aliases.join(',')]));
  });
}

export async function runEstateList(ctx: Ctx): Promise<void> {
  await emitEstates(ctx, await listEstates(await ctx.store()));
}

export type EstateChange = { action: 'add'; name: string } | { action: 'rename' | 'alias'; name: string; to: string };

/** A name as stored: 1–50 characters once trimmed (white space inside as one space). */
function estateName(value: string, what: string): string {
  const clean = estateKey(value);
  if (!clean || [...clean].length > 50) throw new UsageError('usage.invalid', { what, value, hint: '1–50 characters' });
  return clean;
}

export async function runEstateChange(ctx: Ctx, change: EstateChange): Promise<void> {
  const s = await ctx.store();
  const name = estateName(change.name, 'estate');
  const to = change.action === 'add' ? null : estateName(change.to, change.action === 'alias' ? 'alias' : 'new name');
  await write(s, async () => {
    const now = await ctx.now();
    if (change.action === 'add') {
      const taken = await findEstate(s, name);
      if (taken) throw new UsageError('estate.taken', { name, estate: taken.name });
      await insertEstate(s, name, now);
      await appendEvents(s, null, ctx.actor, now, [{ action: 'estate-add', before: null, after: { name }, note: null }]);
      return;
    }
    const estate = await findEstate(s, name);
    if (!estate) throw new UsageError('estate.unknown', { name });
    const taken = await findEstate(s, to!);
    if (change.action === 'rename') {
      if (taken && (taken.id !== estate.id || estateKey(taken.name) === to)) throw new UsageError('estate.taken', { name: to!, estate: taken.name });
      await renameEstate(s, estate.id, estate.name, to!, now);
      await appendEvents(s, null, ctx.actor, now, [{ action: 'estate-rename', before: { name: estate.name }, after: { name: to }, note: null }]);
    } else {
      if (taken) throw new UsageError('estate.taken', { name: to!, estate: taken.name });
      await insertEstateAlias(s, estate.id, to!, now);
      await appendEvents(s, null, ctx.actor, now, [{ action: 'estate-alias', before: null, after: { estate: estate.name, alias: to }, note: null }]);
    }
  });
  await runEstateList(ctx);
}
