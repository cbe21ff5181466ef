// `calendar`: the working-day calendar deadlines count on (SPEC §5) — show a
// month, set or unset an office day, import days from CSV or iCalendar, and
// explain how each step's deadline of a complaint is counted, day by day.
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { Ctx } from '../cli/context.js';
import { listedArgument } from '../cli/listed-values.js';
import { readInputUtf8 } from '../cli/input-file.js';
import { UsageError } from '../domain/errors.js';
import { isoWeekday, monthDays, type DayInfo, type DayKind } from '../domain/calendar.js';
import { normalizeDate, parseCalendarCsv, parseCalendarIcs, type ImportDay, type ImportProblem } from '../domain/calendar-import.js';
import { isoLocal, localDate, localDateTime, yearOf } from '../domain/time.js';
import { formatRule, type DeadlineRule } from '../domain/deadline-rule.js';
import { isBuiltinStep, stepJsonKey } from '../domain/steps.js';
import { explainSteps, type StepExplanation } from '../domain/step-explain.js';
import type { Complaint } from '../domain/types.js';
import { write } from '../storage/store.js';
import { applyOverrides, findOverride, listOverrides, loadCalendar, type Override } from '../storage/calendar.js';
import { displayWidth, padEnd, renderTsv } from '../output/text.js';
import { loadComplaint } from './complaint-step.js';

// ── options ─────────────────────────────────────────────────────────────────

export interface CalendarShowOptions {
  year?: number;
  /** 1–12 */
  month?: number;
}

export interface CalendarSetOptions {
  date: string;
  kind: DayKind;
  name?: string;
}

export interface CalendarImportOptions {
  file: string;
  dryRun?: boolean;
}

const MAX_NAME = 50;

function yearArg(ctx: Ctx) {
  return (v: string): number => {
    if (!/^\d{4}$/.test(v.trim()) || Number(v) < 1900 || Number(v) > 2199) {
      throw new InvalidArgumentError(ctx.t.lang === 'zh' ? '请填写四位年份，如 2026。' : 'give a four-digit year, e.g. 2026.');
    }
    return Number(v);
  };
}

/** --month 10, or --month 2026-10 (which also sets the year). */
function monthArg(ctx: Ctx) {
  return (v: string): { year?: number; month: number } => {
    const m = /^(?:(\d{4})-)?(\d{1,2})$/.exec(v.trim());
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || (m[1] && (Number(m[1]) < 1900 || Number(m[1]) > 2199))) {
      throw new InvalidArgumentError(ctx.t.lang === 'zh' ? '请填写月份 1–12，或年月如 2026-10。' : 'give a month 1–12, or a year and month such as 2026-10.');
    }
    return { year: m[1] ? Number(m[1]) : undefined, month: Number(m[2]) };
  };
}

function dateOf(text: string): string {
  const date = normalizeDate(text);
  if (date === null) throw new UsageError('calendar.badDate', { value: text });
  return date;
}

export function calendarCommand(ctx: Ctx): Command {
  const zh = ctx.t.lang === 'zh';
  const cal = new Command('calendar')
    .description(zh ? '工作日日历：查看，设置或取消本单位调整，导入，时限计算明细' : 'the working-day calendar: show, set or unset office days, import, explain deadlines')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints calendar show --month 2026-10
  complaints calendar set 2026-10-09 holiday --name 台风停工
  complaints calendar unset 2026-10-09
  complaints calendar import 2027.csv --dry-run
  complaints calendar explain 260930-1`);
  cal.command('show', { isDefault: true })
    .description(zh ? '显示月历（节假日与调休上班日）' : 'a month of the calendar, holidays and worked weekends marked')
    .option('--year <yyyy>', zh ? '年份（只给年份时显示全年）' : 'year (alone: the whole year)', yearArg(ctx))
    .option('--month <m>', zh ? '月份 1–12 或 2026-10（默认本月）' : 'month 1–12 or 2026-10 (default: this month)', monthArg(ctx))
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints calendar show
  complaints calendar show --month 2026-10
  complaints calendar show --year 2026 --json`)
    .action(async (o: { year?: number; month?: { year?: number; month: number } }) => {
      await runCalendarShow(ctx, { year: o.month?.year ?? o.year, month: o.month?.month });
    });
  cal.command('set')
    .description(zh ? '设置本单位的放假日或上班日（覆盖官方安排）' : 'make a date a holiday or a working day for the office (over the official days)')
    .argument('<date>', zh ? '日期 YYYY-MM-DD' : 'date, YYYY-MM-DD')
    .addArgument(listedArgument('<kind>', zh ? '放假或上班' : 'holiday or working day', 'dayKind', ctx.t))
    .option('--name <text>', zh ? '名称或原因，如 台风停工' : 'name or reason, e.g. typhoon closure')
    .addHelpText('after', `
${ctx.t.l('help.examples')}
  complaints calendar set 2026-10-09 holiday --name 台风停工
  complaints calendar set 2026-10-11 workday --name 调休`)
    .action(async (date: string, kind: DayKind, o: { name?: string }) => {
      await runCalendarSet(ctx, { date: dateOf(date), kind, name: o.name });
    });
  cal.command('unset')
    .description(zh ? '取消本单位对某日的调整，恢复官方安排' : 'remove the office\'s setting of a date: the official day applies again')
    .argument('<date>', zh ? '日期 YYYY-MM-DD' : 'date, YYYY-MM-DD')
    .addHelpText('after', `
${ctx.t.l('help.example')}
  complaints calendar unset 2026-10-09`)
    .action(async (date: string) => {
      await runCalendarUnset(ctx, dateOf(date));
    });
  cal.command('import')
    .description(zh ? '从 CSV（date,kind,name）或 .ics 日历导入本单位的日子；全部正确才导入' : 'import office days from CSV (date,kind,name) or .ics; all rows or none')
    .argument('<file>', zh ? '.csv 或 .ics 文件' : 'a .csv or .ics file')
    .option('--dry-run', zh ? '只检查并显示将要导入的内容，不写入' : 'check and show what would change; write nothing')
    .addHelpText('after', `
${ctx.t.m('help.after.calendarImport')}

${ctx.t.l('help.examples')}
  complaints calendar import office-2027.csv --dry-run
  complaints calendar import holidays.ics`)
    .action(async (file: string, o: { dryRun?: boolean }) => {
      await runCalendarImport(ctx, { file, dryRun: o.dryRun });
    });
  cal.command('explain')
    .description(zh ? '说明一件投诉每个步骤的时限如何计算（含逐日明细）' : 'how each step\'s deadline of a complaint is counted, day by day')
    .argument('<ticket>', zh ? '投诉编号' : 'ticket')
    .addHelpText('after', `
${ctx.t.l('help.example')}
  complaints calendar explain 260930-1`)
    .action(async (ticket: string) => {
      await runCalendarExplain(ctx, ticket);
    });
  return cal;
}

// ── words ───────────────────────────────────────────────────────────────────

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function weekdayName(ctx: Ctx, weekday: number): string {
  return ctx.t.l(`weekday.${weekday}`);
}

/** The name of a marked day in the chosen language. */
function dayName(ctx: Ctx, d: Pick<DayInfo, 'name' | 'nameEn'>): string {
  return (ctx.t.lang === 'en' ? d.nameEn ?? d.name : d.name) ?? '';
}

/** holiday / worked weekend / working day / weekend, for people. */
function reasonText(ctx: Ctx, d: DayInfo): string {
  if (d.reason === 'workday' && d.weekday >= 6) return ctx.t.l('dayreason.workedWeekend');
  return ctx.t.l(`dayreason.${d.reason}`);
}

function dayJson(d: DayInfo) {
  return {
    date: d.date, weekday: d.weekday, workday: d.workday, reason: d.reason,
    kind: d.source ? d.reason : null, name: d.name, nameEn: d.nameEn, source: d.source,
    official: d.official && d.source === 'office' ? { kind: d.official.kind, name: d.official.name } : null,
    provisional: d.provisional,
  };
}

// ── show ────────────────────────────────────────────────────────────────────

export async function runCalendarShow(ctx: Ctx, o: CalendarShowOptions): Promise<void> {
  const today = localDate(await ctx.now(), await ctx.tz());
  const year = o.year ?? yearOf(today);
  const months = o.month !== undefined ? [o.month] : o.year !== undefined ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [Number(today.slice(5, 7))];
  const cal = await ctx.calendar();
  const byMonth = months.map((m) => ({ month: m, days: monthDays(cal, year, m) }));
  const all = byMonth.flatMap((b) => b.days);
  await ctx.emit(all.map(dayJson), () => {
    // The grid is for a terminal, coloured or not (NO_COLOR still gets 休/班 marks); a pipe gets stable lines.
    if (!ctx.io.stdoutIsTTY) {
      const marked = all.filter((d) => d.source !== null);
      return renderTsv(['date', 'kind', 'name', 'source'], marked.map((d) => [d.date, d.reason, dayName(ctx, d), d.source!]));
    }
    return byMonth.map((b) => renderMonth(ctx, year, b.month, b.days, today)).join('\n');
  });
}

/** The grid cell of one day: number, mark (休/班), * for an office setting. */
function cell(ctx: Ctx, d: DayInfo, today: string): string {
  const { chalk } = ctx;
  const num = String(Number(d.date.slice(8))).padStart(2, ' ');
  const mark = d.source === null ? '  ' : padEnd(ctx.t.l(`daymark.${d.reason}`), 2);
  const flag = d.source === 'office' ? '*' : ' ';
  let text = num + mark + flag;
  if (d.reason === 'holiday') text = chalk.red(text);
  else if (d.reason === 'workday' && d.weekday >= 6) text = chalk.yellow.bold(text);
  else if (d.reason === 'weekend') text = chalk.dim(text);
  if (d.date === today) text = chalk.inverse(text);
  return ' ' + text;
}

function renderMonth(ctx: Ctx, year: number, month: number, days: DayInfo[], today: string): string {
  const { chalk, t } = ctx;
  const width = 7 * 6;
  const title = t.lang === 'zh' ? `${year}年${month}月` : `${MONTHS_EN[month - 1]} ${year}`;
  const provisional = days[0].provisional ? ' ' + t.m('due.provisional') : '';
  const pad = Math.max(0, Math.floor((width - displayWidth(title)) / 2));
  const out = [' '.repeat(pad) + chalk.bold(title) + (provisional ? chalk.yellow(provisional) : '')];
  out.push([1, 2, 3, 4, 5, 6, 7].map((w) => ' ' + padEnd(t.l(`weekday.short.${w}`), 5)).join('').trimEnd());
  let row = ' '.repeat(6 * (days[0].weekday - 1));
  for (const d of days) {
    row += cell(ctx, d, today);
    if (d.weekday === 7) {
      out.push(row.trimEnd());
      row = '';
    }
  }
  if (row) out.push(row.trimEnd());
  const marked = days.filter((d) => d.source !== null);
  if (marked.length) {
    const legend = [`${t.l('daymark.holiday')} ${t.l('dayreason.holiday')}`, `${t.l('daymark.workday')} ${t.l('dayreason.workday')}`];
    if (marked.some((d) => d.source === 'office')) legend.push(`* ${t.l('daysource.office')}`);
    out.push(chalk.dim(' ' + legend.join(' · ')), '');
    const whatWidth = Math.max(...marked.map((d) => displayWidth(reasonText(ctx, d))));
    for (const d of marked) {
      const text = padEnd(reasonText(ctx, d), whatWidth);
      const what = d.reason === 'holiday' ? chalk.red(text) : chalk.yellow(text);
      const name = dayName(ctx, d);
      const office = d.source === 'office' ? chalk.dim(` (${t.l('daysource.office')}${d.official ? `; ${t.l('daysource.official')}: ${t.l(`daykind.${d.official.kind}`)} ${dayName(ctx, d.official)}` : ''})`)
        : d.source === 'statutory' ? chalk.dim(` (${t.l('daysource.statutory')})`) : '';
      out.push(`  ${d.date.slice(5)} ${padEnd(weekdayName(ctx, d.weekday), 4)}  ${what}  ${name}${office}`.trimEnd());
    }
  }
  return out.join('\n') + '\n';
}

// ── set / unset ─────────────────────────────────────────────────────────────

function overrideJson(o: Override | null) {
  return o ? { date: o.date, kind: o.kind, name: o.name } : null;
}

function recountedLine(ctx: Ctx, tickets: string[]): string {
  return tickets.length ? ctx.t.m('calendar.recounted', { count: tickets.length, tickets: tickets.join(', ') }) + '\n' : '';
}

export async function runCalendarSet(ctx: Ctx, o: CalendarSetOptions): Promise<void> {
  const name = o.name?.trim() || null;
  if (name !== null && name.length > MAX_NAME) throw new UsageError('calendar.nameTooLong', { max: MAX_NAME });
  const s = await ctx.store();
  const acting = { actor: ctx.actor, now: await ctx.now() };
  const { changes, recounted } = await write(s, async () => await applyOverrides(s, [{ date: o.date, kind: o.kind, name }], acting, `calendar set ${o.date} ${o.kind}`));
  const day = (await loadCalendar(s, acting)).day(o.date);
  await ctx.emit(
    { ...dayJson(day), previous: changes.length ? overrideJson(changes[0].before) : overrideJson(await findOverride(s, o.date) ?? null), changed: changes.length > 0, recounted },
    () => {
      const key = changes.length ? 'calendar.set' : 'calendar.unchanged';
      return ctx.t.m(key, { date: o.date, weekday: weekdayName(ctx, day.weekday), what: reasonText(ctx, day), name: name ?? '' }) + '\n'
        + recountedLine(ctx, recounted);
    },
  );
}

export async function runCalendarUnset(ctx: Ctx, date: string): Promise<void> {
  const s = await ctx.store();
  const acting = { actor: ctx.actor, now: await ctx.now() };
  const { changes, recounted } = await write(s, async () => {
    if (!await findOverride(s, date)) throw new UsageError('calendar.noOverride', { date });
    return await applyOverrides(s, [{ date, kind: null, name: null }], acting, `calendar unset ${date}`);
  });
  const day = (await loadCalendar(s, acting)).day(date);
  await ctx.emit({ ...dayJson(day), removed: overrideJson(changes[0]?.before ?? null), recounted }, () => {
    const name = dayName(ctx, day);
    return ctx.t.m('calendar.unset', { date, weekday: weekdayName(ctx, day.weekday), what: reasonText(ctx, day), name }) + '\n'
      + recountedLine(ctx, recounted);
  });
}

// ── import ──────────────────────────────────────────────────────────────────

/** UTF-8, or the GB18030 a Chinese spreadsheet saves by default, decided as import decides it. */
function readText(file: string): string {
  // TextDecoder drops a byte-order mark, as the CSV reader expects.
  return new TextDecoder('utf-8').decode(readInputUtf8(file));
}

function problemText(ctx: Ctx, p: ImportProblem): string {
  return ctx.t.m('calendar.import.line', { line: p.line, problem: ctx.t.m(p.key, p.params) });
}

type Change = 'new' | 'changed' | 'unchanged';

export async function runCalendarImport(ctx: Ctx, o: CalendarImportOptions): Promise<void> {
  const ext = path.extname(o.file).toLowerCase();
  if (ext !== '.csv' && ext !== '.ics') throw new UsageError('calendar.import.format', { file: o.file });
  const text = readText(o.file);
  const { days, problems } = ext === '.csv' ? parseCalendarCsv(text) : parseCalendarIcs(text);
  if (problems.length) {
    const shown = problems.slice(0, 50).map((p) => '  ' + problemText(ctx, p));
    if (problems.length > 50) shown.push('  ' + ctx.t.m('calendar.import.more', { count: problems.length - 50 }));
    throw new UsageError('calendar.import.invalid', { file: o.file, count: problems.length, details: shown.join('\n') });
  }
  const s = await ctx.store();
  const acting = { actor: ctx.actor, now: await ctx.now() };
  const changeOf = (d: ImportDay, existing: Map<string, Override>): Change => {
    const e = existing.get(d.date);
    return !e ? 'new' : e.kind === d.kind && e.name === d.name ? 'unchanged' : 'changed';
  };
  const existingNow = async () => new Map((await listOverrides(s, days[0].date, days[days.length - 1].date)).map((x) => [x.date, x]));
  let recounted: string[] = [];
  let rows: { day: ImportDay; change: Change }[];
  if (o.dryRun) {
    const existing = await existingNow();
    rows = days.map((day) => ({ day, change: changeOf(day, existing) }));
  } else {
    rows = await write(s, async () => {
      const existing = await existingNow();
      const r = days.map((day) => ({ day, change: changeOf(day, existing) }));
      recounted = (await applyOverrides(s, days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })), acting, `calendar import ${path.basename(o.file)}`)).recounted;
      return r;
    });
  }
  const count = (c: Change) => rows.filter((r) => r.change === c).length;
  const totals = { added: count('new'), changed: count('changed'), unchanged: count('unchanged') };
  await ctx.emit(
    { file: o.file, dryRun: !!o.dryRun, days: rows.map((r) => ({ date: r.day.date, kind: r.day.kind, name: r.day.name, change: r.change })), ...totals, recounted },
    () => {
      const out: string[] = [];
      if (o.dryRun) {
        out.push(ctx.tty
          ? rows.map((r) => `  ${r.day.date}  ${padEnd(ctx.t.l(`daykind.${r.day.kind}`), 12)}${padEnd(r.day.name ?? '', 16)}${ctx.t.l(`change.${r.change}`)}`).join('\n') + '\n'
          : renderTsv(['date', 'kind', 'name', 'change'], rows.map((r) => [r.day.date, r.day.kind, r.day.name ?? '', r.change])));
      }
      out.push(ctx.t.m(o.dryRun ? 'calendar.import.dryRun' : 'calendar.import.done', { file: o.file, count: rows.length, ...totals }) + '\n');
      out.push(recountedLine(ctx, recounted));
      return out.join('');
    },
  );
}

// ── explain ─────────────────────────────────────────────────────────────────

/** A step's name: the office's own for its own steps, else the catalogue's. */
function stepLabel(ctx: Ctx, x: StepExplanation): string {
  return isBuiltinStep(x.def.key) ? ctx.t.l(`step.${x.def.key}`) : x.def[ctx.t.lang];
}

/** A clock rule in hours, as the contact entry has always given it (minutes as a fraction). */
function ruleHours(rule: DeadlineRule): number | null {
  return rule.unit === 'h' ? rule.n : rule.unit === 'm' ? Math.round((rule.n / 60) * 100) / 100 : null;
}

function explainJson(x: StepExplanation, c: Complaint, tz: string) {
  const at = (ms: number | null) => (ms === null ? null : isoLocal(ms, tz));
  const n = (unit: string) => (x.rule.unit === unit ? (x.rule as { n: number }).n : null);
  return {
    step: stepJsonKey(x.def.key), key: x.def.key, rule: formatRule(x.rule), countsFrom: x.reopened ? 'reopening' : x.def.from,
    from: at(x.start), due: at(x.due), recorded: at(x.recorded), owed: x.owed,
    extendedUntil: x.def.key === 'resolve' ? at(c.extendedUntil) : null,
    hours: ruleHours(x.rule), minutes: n('m'), workdays: n('wd'), calendarDays: n('d'),
    fromDate: x.count?.from ?? null,
    provisional: x.count?.provisional ?? false,
    days: x.count ? x.count.days.map((d) => ({ ...dayJson(d), counted: d.counted, count: d.count })) : null,
  };
}

export async function runCalendarExplain(ctx: Ctx, ticket: string): Promise<void> {
  const s = await ctx.store();
  const c = await loadComplaint(s, ticket);
  const k = await ctx.clock();
  const steps = explainSteps(c, { ...k, calendar: await ctx.calendar() });
  const json = {
    ticket: c.ticket,
    severity: c.severity,
    timeZone: k.tz,
    deadlines: steps.map((x) => explainJson(x, c, k.tz)),
    followUpOwed: c.kind === 'complaint',
  };
  await ctx.emit(json, async () => await renderExplain(ctx, c, steps));
}

/** The first line of a step: how its rule counts, or why it is not counted yet. */
async function ruleLine(ctx: Ctx, c: Complaint, x: StepExplanation): Promise<string> {
  const { t } = ctx;
  const tz = await ctx.tz();
  const r = x.rule;
  if (r.unit === 'none') return t.m('explain.none');
  if (!x.owed) return t.m('explain.noFollowUp', { kind: t.l(`kind.${c.kind}`) });
  if (x.start === null || x.due === null) {
    const event = t.m(`explain.event.${x.def.from}`);
    if (r.unit === 'eod') return t.m('explain.laterEod', { event });
    const span = t.m(`explain.span.${r.unit}`, { n: r.n });
    return t.m(r.unit === 'm' || r.unit === 'h' ? 'explain.laterClock' : 'explain.laterDays', { event, span });
  }
  const due = localDateTime(x.due, tz);
  if (r.unit === 'm' || r.unit === 'h') {
    return t.m(r.unit === 'm' ? 'explain.minutes' : 'explain.hours', { n: r.n, from: localDateTime(x.start, tz), due });
  }
  const w = x.count!;
  const from = `${w.from} ${weekdayName(ctx, isoWeekday(w.from))}`;
  const dueDay = `${w.due} 23:59:59`;
  const text = r.unit === 'eod' ? t.m('explain.eod', { from, due: dueDay })
    : t.m(r.unit === 'wd' ? 'explain.count' : 'explain.calendarDays', { n: r.n, from, due: dueDay });
  return text + (w.provisional ? ' ' + ctx.chalk.yellow(t.m('due.provisional')) : '');
}

async function renderExplain(ctx: Ctx, c: Complaint, steps: StepExplanation[]): Promise<string> {
  const { t, chalk } = ctx;
  const tz = await ctx.tz();
  const out = [chalk.bold(t.m('explain.title', { ticket: c.ticket, severity: t.l(`severity.${c.severity}`), tz }))];
  const heading = (text: string) => chalk.bold(t.m('explain.heading', { text }));
  for (const x of steps) {
    out.push('', heading(stepLabel(ctx, x)) + await ruleLine(ctx, c, x));
    if (x.rule.unit !== 'none' && x.owed && x.start !== null) {
      const what = t.m(`explain.from.${x.reopened ? 'reopening' : x.def.from}`);
      out.push('  ' + chalk.dim(t.m('explain.rule', { rule: formatRule(x.rule), what, at: localDateTime(x.start, tz) })));
    }
    const w = x.count;
    if (w && w.from !== w.start && w.unit === 'wd') {
      out.push('  ' + t.m('explain.shifted', { start: `${w.start} ${weekdayName(ctx, isoWeekday(w.start))}`, from: `${w.from} ${weekdayName(ctx, isoWeekday(w.from))}` }));
    }
    for (const d of w?.days ?? []) {
      const num = d.counted ? String(d.count) : '—';
      const name = d.source ? dayName(ctx, d) : '';
      const office = d.source === 'office' || d.source === 'statutory' ? ` (${t.l(`daysource.${d.source}`)})` : '';
      const why = reasonText(ctx, d) + (name ? '  ' + name : '') + office;
      const line = `  ${d.date} ${padEnd(weekdayName(ctx, d.weekday), 4)} ${num.padStart(2)}  ${why}`;
      out.push(d.counted ? line : chalk.dim(line));
    }
    if (x.extended) out.push('  ' + t.m('explain.extended', { due: localDateTime(x.recorded!, tz) }));
    else if (x.recorded !== null && x.recorded !== x.due) out.push('  ' + chalk.yellow(t.m('explain.recorded', { due: localDateTime(x.recorded, tz) })));
  }
  return out.join('\n') + '\n';
}
