// `doctor` on a server: the schema version, row-level security and its
// policies on every office table, the append-only triggers, and the office's
// rows (storage/postgres/health.ts). Exits 5 naming what is missing; what
// only the server's administrator can see (disks, replication, backups) it
// says is theirs. For an office, the calendar's warnings as a file's doctor
// gives them (doctor-calendar.ts).
import type { Ctx } from '../cli/context.js';
import { DatabaseError } from '../domain/errors.js';
import { checkServerHealth, type ServerHealth } from '../storage/postgres/health.js';
import type { ServerStore } from '../storage/postgres/open.js';
import { calendarWarnings } from './doctor-calendar.js';
import type { Translator } from '../output/i18n.js';

export interface ServerDoctorReport extends ServerHealth {
  server: string;
  office: string | null;
  problems: string[];
  /** The office's calendar warnings (never failures); none without an office chosen. */
  warnings: string[];
  ok: boolean;
}

export async function runServerDoctor(ctx: Ctx, s: ServerStore): Promise<ServerDoctorReport> {
  const h = await checkServerHealth(s);
  const problems: string[] = [];
  if (h.schema.version !== h.schema.latest) problems.push(ctx.t.m('doctor.schemaBehind', h.schema));
  if (h.rowSecurityOff.length) problems.push(ctx.t.m('doctor.rlsOff', { tables: h.rowSecurityOff.join(', ') }));
  if (h.policiesMissing.length) problems.push(ctx.t.m('doctor.policiesMissing', { names: h.policiesMissing.join(', ') }));
  if (h.triggersMissing.length) problems.push(ctx.t.m('doctor.serverGuardsMissing', { names: h.triggersMissing.join(', ') }));
  for (const id of h.damagedAttachments) problems.push(ctx.t.m('doctor.attachmentDamaged', { id }));
  const warnings = s.office !== null && !problems.length ? await calendarWarnings(ctx) : [];
  const report: ServerDoctorReport = { server: s.path, office: s.office?.code ?? null, ...h, problems, warnings, ok: problems.length === 0 };
  await ctx.emit(report, () => render(ctx, report));
  if (problems.length) throw new DatabaseError('doctor.serverFailed', { file: s.path, count: problems.length });
  return report;
}

function render(ctx: Ctx, r: ServerDoctorReport): string {
  const t = ctx.t;
  const ok = (good: boolean) => (good ? ctx.chalk.green(t.m('doctor.good')) : ctx.chalk.red(t.m('doctor.bad')));
  const lines = [
    `${t.m('doctor.server')}: ${r.server}`,
    `${t.m('doctor.office')}: ${r.office ?? '—'}`,
    `${t.m('doctor.schema')}: ${r.schema.version} / ${r.schema.latest} ${ok(r.schema.version === r.schema.latest)}`,
    `${t.m('doctor.rowSecurity')}: ${ok(!r.rowSecurityOff.length && !r.policiesMissing.length)}`,
    `${t.m('doctor.guards')}: ${ok(!r.triggersMissing.length)}`,
    `${t.m('doctor.attachments')}: ${ok(!r.damagedAttachments.length)}`,
    `${t.m('doctor.counts')}: ${countsText(t, r.counts)}`,
    `${t.m('doctor.byStatus')}: ${Object.entries(r.byStatus).map(([k, v]) => `${t.l(`status.${k}`)} ${v}`).join(', ') || '—'}`,
  ];
  for (const p of r.problems) lines.push(t.m('doctor.problem', { what: p }));
  for (const w of r.warnings) lines.push(`${t.l('word.hint')}: ${w}`);
  lines.push(r.problems.length ? t.m('doctor.serverScope') : `${t.m('doctor.ok')} ${t.m('doctor.serverScope')}`);
  return lines.join('\n') + '\n';
}

/** "投诉 1，事件 6，…": each table by what it holds. */
export function countsText(t: Translator, counts: Record<string, number>): string {
  return Object.entries(counts).map(([k, v]) => `${t.l(`doctor.table.${k}`)} ${v}`).join(t.l('timeline.partSep'));
}
