// `office`: the offices of a group's server (SPEC §14) — list, add, rename.
// A SQLite file is one office: it lists itself, and adding is the server's.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import { OFFICE_CODE } from '../domain/ticket.js';
import { isValidTimeZone } from '../domain/time.js';
import { write, type Store } from '../storage/store.js';
import { actFor, addOffice, findOffice, listOffices, renameOffice } from '../storage/postgres/offices.js';
import { saveSetting } from '../storage/settings.js';
import { appendEvents } from '../storage/events.js';
import { renderSmallTable } from '../output/small-table.js';

export interface OfficeAddOptions {
  name: string;
  timezone?: string;
}

export function officeCommand(ctx: Ctx): Command {
  const office = new Command('office')
    .description(ctx.t.m('office.help'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints --db postgres://admin@db.example/complaints office list
  complaints --db postgres://admin@db.example/complaints office add YG --name 阳光海岸服务中心
  complaints --db postgres://admin@db.example/complaints office rename YG --name 阳光海岸客户服务中心`);
  office.command('list', { isDefault: true }).description(ctx.t.m('office.listHelp')).action(async () => {
    await runOfficeList(ctx);
  });
  office.command('add').argument('<code>').description(ctx.t.m('office.addHelp'))
    .requiredOption('--name <name>', ctx.t.m('office.nameOption'))
    .option('--timezone <zone>', ctx.t.m('office.zoneOption'))
    .action(async (code: string, o: OfficeAddOptions) => {
      await runOfficeAdd(ctx, code, o);
    });
  office.command('rename').argument('<code>').description(ctx.t.m('office.renameHelp'))
    .requiredOption('--name <name>', ctx.t.m('office.nameOption'))
    .action(async (code: string, o: { name: string }) => {
      await runOfficeRename(ctx, code, o.name);
    });
  return office;
}

export async function runOfficeList(ctx: Ctx): Promise<void> {
  const s = await ctx.store();
  const offices = s.engine === 'postgres'
    ? (await listOffices(s)).map((f) => ({ code: f.code as string | null, name: f.name }))
    : [{ code: null, name: (await ctx.settings()).officeName }];
  await ctx.emit(offices, () => renderSmallTable(ctx,
    [{ key: 'code', label: ctx.t.l('field.officeCode') }, { key: 'name', label: ctx.t.l('field.officeName') }],
    offices.map((f) => [f.code ?? '—', f.name]), offices.map((f) => [f.code ?? '', f.name])));
}

/** The server store, or a refusal: a SQLite file is one office. */
async function serverStore(ctx: Ctx): Promise<Store> {
  const s = await ctx.store();
  if (s.engine !== 'postgres') throw new UsageError('office.fileIsOne', {});
  return s;
}

function codeOf(text: string): string {
  const code = text.trim().toUpperCase();
  if (!OFFICE_CODE.test(code)) throw new UsageError('office.badCode', { code: text });
  return code;
}

function nameOf(text: string): string {
  const name = text.trim();
  if (!name || name.length > 50) throw new UsageError('usage.invalid', { what: '--name', value: text, hint: '1–50 characters' });
  return name;
}

export async function runOfficeAdd(ctx: Ctx, codeText: string, o: OfficeAddOptions): Promise<void> {
  const code = codeOf(codeText);
  const name = nameOf(o.name);
  if (o.timezone !== undefined && !isValidTimeZone(o.timezone)) throw new UsageError('config.badZone', { key: '--timezone', value: o.timezone });
  const s = await serverStore(ctx);
  const now = await ctx.now();
  const id = await write(s, async () => {
    if (await findOffice(s, code)) throw new UsageError('office.exists', { code });
    const added = await addOffice(s, code, name, now);
    // The rest is the new office's own: its settings and its first event.
    await actFor(s, code);
    await saveSetting(s, 'office.name', name);
    if (o.timezone !== undefined) await saveSetting(s, 'office.timezone', o.timezone);
    await appendEvents(s, null, ctx.actor, now, [{ action: 'office-add', before: null, after: { code, name }, note: null }]);
    return added;
  });
  await ctx.emit({ id, code, name, timeZone: o.timezone ?? null }, () => ctx.t.m('office.added', { code, name, role: `complaints_office_${code.toLowerCase()}` }) + '\n');
}

export async function runOfficeRename(ctx: Ctx, codeText: string, nameText: string): Promise<void> {
  const code = codeOf(codeText);
  const name = nameOf(nameText);
  const s = await serverStore(ctx);
  const now = await ctx.now();
  const before = await write(s, async () => {
    const found = await findOffice(s, code);
    if (!found) throw new UsageError('office.unknown', { code, codes: (await listOffices(s)).map((f) => f.code).join(', ') || '—' });
    await renameOffice(s, found.id, name);
    await actFor(s, code);
    await saveSetting(s, 'office.name', name);
    await appendEvents(s, null, ctx.actor, now, [{ action: 'office-rename', before: { name: found.name }, after: { name }, note: null }]);
    return found.name;
  });
  await ctx.emit({ code, name, before }, () => ctx.t.m('office.renamed', { code, before, name }) + '\n');
}
