// `doctor`: is the database sound? Integrity and foreign keys, schema
// version, path and size, counts, attachments against their SHA-256, and the
// working-day calendar's coverage. Exits 5 when something is wrong. On a
// server, what a login can check there (doctor-server.ts).
import { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { DatabaseError } from '../domain/errors.js';
import { yearOf, localDate } from '../domain/time.js';
import { checkHealth, fileSize, type Health } from '../storage/sqlite/maintenance.js';
import { calendarWarnings } from './doctor-calendar.js';
import { countsText, runServerDoctor, type ServerDoctorReport } from './doctor-server.js';
import type { ServerStore } from '../storage/postgres/open.js';
import { sizeText } from '../output/text.js';

export function doctorCommand(ctx: Ctx): Command {
  return new Command('doctor')
    .description(ctx.t.m('doctor.help'))
    .addHelpText('after', `
${ctx.t.m('help.after.doctor')}

${ctx.t.l('help.examples')}
  complaints doctor
  complaints doctor --json
  complaints --db postgres://admin@db.example.com/complaints --office YG doctor`)
    .action(async () => {
      await runDoctor(ctx);
    });
}

export interface DoctorReport extends Health {
  file: string;
  size: number;
  problems: string[];
  warnings: string[];
  ok: boolean;
}

export async function runDoctor(ctx: Ctx): Promise<DoctorReport | ServerDoctorReport> {
  const s = await ctx.store();
  if (s.engine === 'postgres') return runServerDoctor(ctx, s as ServerStore);
  const h = await checkHealth(s);
  const problems: string[] = [];
  const warnings: string[] = [];
  if (!(h.integrity.length === 1 && h.integrity[0] === 'ok')) problems.push(...h.integrity.map((m) => `integrity: ${m}`));
  for (const f of h.foreignKeys) problems.push(`foreign key: ${f.table} row ${f.rowid ?? '?'} → ${f.parent}`);
  if (h.schema.version !== h.schema.latest) problems.push(`schema ${h.schema.version}, this program expects ${h.schema.latest}`);
  for (const id of h.damagedAttachments) problems.push(`attachment #${id} does not match its SHA-256`);
  if (h.guards.missing.length) problems.push(ctx.t.m('doctor.guardsMissing', { names: h.guards.missing.join(', ') }));
  if (h.guards.altered.length) problems.push(ctx.t.m('doctor.guardsAltered', { names: h.guards.altered.join(', ') }));
  const year = yearOf(localDate(await ctx.now(), await ctx.tz()));
  // The calendar is read only from a sound file that has one.
  const covered = h.calendar !== null && !problems.length && (await ctx.calendar()).covers(year);
  if (h.calendar && !problems.length) warnings.push(...(await calendarWarnings(ctx)));
  const report: DoctorReport = { file: ctx.dbPath, size: fileSize(ctx.dbPath), ...h, problems, warnings, ok: problems.length === 0 };
  await ctx.emit(report, () => render(ctx, report, year, covered));
  if (problems.length) throw new DatabaseError('doctor.failed', { file: ctx.dbPath, count: problems.length });
  return report;
}

function render(ctx: Ctx, r: DoctorReport, year: number, yearCovered: boolean): string {
  const { t } = ctx;
  const ok = (good: boolean) => (good ? ctx.chalk.green(t.l('doctor.ok')) : ctx.chalk.red(t.l('doctor.failed')));
  const lines = [
    `${t.l('doctor.database')}: ${r.file}`,
    `${t.l('doctor.size')}: ${sizeText(r.size)}`,
    `${t.l('doctor.schema')}: ${r.schema.version} / ${r.schema.latest} ${ok(r.schema.version === r.schema.latest)}`,
    `${t.l('doctor.integrity')}: ${ok(r.integrity.length === 1 && r.integrity[0] === 'ok')}`,
    `${t.l('doctor.foreignKeys')}: ${ok(r.foreignKeys.length === 0)}`,
    `${t.l('doctor.attachments')}: ${ok(r.damagedAttachments.length === 0)}`,
    `${t.m('doctor.guards')}: ${ok(r.guards.missing.length + r.guards.altered.length === 0)}`,
    `${t.m('doctor.counts')}: ${countsText(t, r.counts)}`,
    `${t.m('doctor.byStatus')}: ${Object.entries(r.byStatus).map(([k, v]) => `${t.l(`status.${k}`)} ${v}`).join(', ') || '—'}`,
  ];
  if (r.calendar) {
    const c = r.calendar;
    const covered = c.firstYear !== null && c.lastYear !== null ? `${c.firstYear}–${c.lastYear}` : '—';
    lines.push(`${t.l('doctor.calendar')}: ${t.m('doctor.calendarLine', { covered, version: c.version ?? '—', official: c.officialDays, overrides: c.overrides })}; ${year} ${ok(yearCovered)}`);
  }
  for (const w of r.warnings) lines.push(`${ctx.t.l('word.hint')}: ${w}`);
  for (const p of r.problems) lines.push(ctx.t.m('doctor.problem', { what: p }));
  if (!r.problems.length) lines.push(ctx.t.m('doctor.ok'));
  return lines.join('\n') + '\n';
}
