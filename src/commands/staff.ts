// `staff`: the office's people with their roles (SPEC §12): director 服务中心主任,
// dept_head 部门负责人 (of a department), general_manager 总经理, committee 赔偿
// 委员会. Once anyone holds a role that approves compensation, `--approved-by`
// and `approve --by` must name people of this list whose role covers the amount.
import { Command, Option } from 'commander';
import { allowedValues, markListed, readValue, shownValues, VALUES } from '../cli/listed-values.js';
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../domain/errors.js';
import { type StaffMember, type StaffRole } from '../domain/approval.js';
import { write } from '../storage/store.js';
import { findDepartment } from '../storage/departments.js';
import { deleteStaff, findStaff, insertStaff, listStaff, renameStaff } from '../storage/staff.js';
import { appendEvents } from '../storage/events.js';
import { renderSmallTable } from '../output/small-table.js';

export function staffCommand(ctx: Ctx): Command {
  const { t } = ctx;
  const staff = new Command('staff')
    .description(t.m('help.staff'))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints staff list
  complaints staff add 王经理 --role dept_head --dept 工程部
  complaints staff add 李总 --role general_manager
  complaints staff add 周主任 --role 服务中心主任
  complaints staff rename 李总 李建国
  complaints staff remove 王经理`);
  staff.command('list', { isDefault: true }).description(t.m('help.staffList')).action(async () => {
    await runStaffList(ctx);
  });
  staff.command('add').argument('<name>')
    .description(t.m('help.staffAdd'))
    .addOption(markListed(new Option('--role <role>', shownValues(VALUES.staffRole, t)), 'staffRole').makeOptionMandatory())
    .option('--dept <dept>', t.m('help.staffDept'))
    .action(async (name: string, o: { role: string; dept?: string }) => {
      await runStaffAdd(ctx, name, roleOf(o.role), o.dept?.trim() || null);
    });
  staff.command('remove').argument('<name>').description(t.m('help.staffRemove')).action(async (name: string) => {
    await runStaffChange(ctx, 'remove', name);
  });
  staff.command('rename').argument('<name>').argument('<new-name>').description(t.m('help.staffRename'))
    .action(async (name: string, newName: string) => {
      await runStaffChange(ctx, 'rename', name, newName);
    });
  return staff;
}

/** A role by its key or its label in either language (总经理 → general_manager). */
function roleOf(text: string): StaffRole {
  const hit = readValue(VALUES.staffRole, text);
  if (!hit) throw new UsageError('staff.badRole', { value: text.trim(), allowed: allowedValues(VALUES.staffRole) });
  return hit as StaffRole;
}

function checkName(name: string | undefined): string {
  const clean = name?.trim() ?? '';
  // Names are listed with commas and 、 on --approved-by: they cannot hold them.
  if (!clean || clean.length > 50 || /[,，、;；]/.test(clean)) throw new UsageError('staff.badName', { value: name ?? '' });
  return clean;
}

async function emitStaff(ctx: Ctx, list: StaffMember[]): Promise<void> {
  await ctx.emit(list.map((p) => ({ name: p.name, role: p.role, department: p.department })), () => {
    const columns = [
      { key: 'name', label: ctx.t.l('field.staffName') },
      { key: 'role', label: ctx.t.l('field.staffRole') },
      { key: 'department', label: ctx.t.l('field.department') },
    ];
    const rows = list.map((p) => [p.name, ctx.t.l(`staffRole.${p.role}`), p.department ?? '']);
    return renderSmallTable(ctx, columns, rows, list.map((p) => [p.name, p.role, p.department ?? '']));
  });
}

export async function runStaffList(ctx: Ctx): Promise<void> {
  await emitStaff(ctx, await listStaff(await ctx.store()));
}

export async function runStaffAdd(ctx: Ctx, nameText: string, role: StaffRole, dept: string | null): Promise<void> {
  const name = checkName(nameText);
  if (role === 'dept_head' && !dept) throw new UsageError('staff.deptRequired', { name });
  if (role !== 'dept_head' && dept) throw new UsageError('staff.deptOnlyHead', { role });
  const s = await ctx.store();
  await write(s, async () => {
    if (await findStaff(s, name)) throw new UsageError('staff.exists', { name });
    const d = dept === null ? null : await findDepartment(s, dept);
    if (d === undefined) throw new UsageError('dept.unknown', { name: dept! });
    const now = await ctx.now();
    await insertStaff(s, name, role, d?.id ?? null, now);
    await appendEvents(s, null, ctx.actor, now, [{ action: 'staff-add', before: null, after: { name, role, department: d?.name ?? null }, note: null }]);
  });
  await runStaffList(ctx);
}

export async function runStaffChange(ctx: Ctx, action: 'remove' | 'rename', nameText: string, newName?: string): Promise<void> {
  const name = checkName(nameText);
  const s = await ctx.store();
  await write(s, async () => {
    const existing = await findStaff(s, name);
    if (!existing) throw new UsageError('staff.unknown', { name });
    const now = await ctx.now();
    if (action === 'remove') {
      await deleteStaff(s, existing.id);
      await appendEvents(s, null, ctx.actor, now, [{ action: 'staff-remove', before: { name }, after: null, note: null }]);
      return;
    }
    const to = checkName(newName);
    if (await findStaff(s, to)) throw new UsageError('staff.exists', { name: to });
    await renameStaff(s, existing.id, to);
    await appendEvents(s, null, ctx.actor, now, [{ action: 'staff-rename', before: { name }, after: { name: to }, note: null }]);
  });
  await runStaffList(ctx);
}
