// `dept`: list, add, rename, disable and enable departments.
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import { write } from '../storage/store.js';
import { findDepartment, insertDepartment, listDepartments, updateDepartment, type Department } from '../storage/departments.js';
import { appendEvents } from '../storage/events.js';
import { renderSmallTable } from '../output/small-table.js';

export function deptCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const dept = new Command('dept')
    .description(zh ? '部门管理：列出、添加、改名、停用、启用' : 'list, add, rename, disable, enable departments')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints dept list
  complaints dept add 绿化部
  complaints dept rename 环境部 环境管理部
  complaints dept disable 营销部`);
  dept.command('list', { isDefault: true }).description(zh ? '列出部门' : 'list departments').action(async () => {
      await runDeptList(ctx);
    });
  dept.command('add').argument('<name>').description(zh ? '添加部门' : 'add a department').action(async (name: string) => {
      await runDeptChange(ctx, 'add', name);
    });
  dept.command('rename').argument('<name>').argument('<new-name>').description(zh ? '部门改名' : 'rename a department')
    .action(async (name: string, newName: string) => {
      await runDeptChange(ctx, 'rename', name, newName);
    });
  dept.command('disable').argument('<name>').description(zh ? '停用部门（不能再派单）' : 'disable: no new assignments').action(async (name: string) => {
      await runDeptChange(ctx, 'disable', name);
    });
  dept.command('enable').argument('<name>').description(zh ? '启用部门' : 'enable again').action(async (name: string) => {
      await runDeptChange(ctx, 'enable', name);
    });
  return dept;
}

async function emitDepartments(ctx: Ctx, list: Department[]): Promise<void> {
  await ctx.emit(list.map((d) => ({ name: d.name, active: d.active })), () => {
    const columns = [{ key: 'name', label: ctx.t.l('field.department') }, { key: 'active', label: ctx.t.l('field.status') }];
    const rows = list.map((d) => [d.name, ctx.t.l(d.active ? 'word.active' : 'word.disabled')]);
    return renderSmallTable(ctx, columns, rows, list.map((d) => [d.name, String(d.active)]));
  });
}

export async function runDeptList(ctx: Ctx): Promise<void> {
  await emitDepartments(ctx, await listDepartments(await ctx.store()));
}

export async function runDeptChange(ctx: Ctx, action: 'add' | 'rename' | 'disable' | 'enable', name: string, newName?: string): Promise<void> {
  const s = await ctx.store();
  const clean = name.trim();
  if (!clean || clean.length > 50) throw new UsageError('usage.invalid', { what: 'department', value: name, hint: '1–50 characters' });
  await write(s, async () => {
    const existing = await findDepartment(s, clean);
    const now = await ctx.now();
    if (action === 'add') {
      if (existing) throw new UsageError('dept.exists', { name: clean });
      await insertDepartment(s, clean, now);
      await appendEvents(s, null, ctx.actor, now, [{ action: 'dept-add', before: null, after: { name: clean }, note: null }]);
      return;
    }
    if (!existing) throw new UsageError('dept.unknown', { name: clean });
    if (action === 'rename') {
      const to = newName?.trim() ?? '';
      if (!to || to.length > 50) throw new UsageError('usage.invalid', { what: 'new name', value: newName ?? '', hint: '1–50 characters' });
      if (await findDepartment(s, to)) throw new UsageError('dept.exists', { name: to });
      await updateDepartment(s, existing.id, { name: to });
      await appendEvents(s, null, ctx.actor, now, [{ action: 'dept-rename', before: { name: clean }, after: { name: to }, note: null }]);
    } else {
      await updateDepartment(s, existing.id, { active: action === 'enable' });
      await appendEvents(s, null, ctx.actor, now, [{ action: `dept-${action}`, before: { active: existing.active }, after: { active: action === 'enable' }, note: clean }]);
    }
  });
  await runDeptList(ctx);
}
