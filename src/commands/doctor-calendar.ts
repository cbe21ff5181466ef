// `doctor`'s calendar warnings (never failures): a year counted without its
// State Council notice — this year, the years open deadlines fall in, and,
// from November on, next year, whose notice is due about then.
import type { Ctx } from '../cli/context.js';
import { localDate, yearOf } from '../domain/time.js';
import { openDeadlinesInYears } from '../storage/calendar.js';

export async function calendarWarnings(ctx: Ctx): Promise<string[]> {
  const tz = await ctx.tz();
  const today = localDate(await ctx.now(), tz);
  const year = yearOf(today);
  const cal = await ctx.calendar();
  const provisional = (y: number) => cal.provisional(y) !== null;
  const out: string[] = [];
  if (provisional(year)) out.push(ctx.t.m('doctor.yearProvisional', { year }));
  const open = await openDeadlinesInYears(await ctx.store(), provisional, tz);
  if (open.count) out.push(ctx.t.m('doctor.provisionalOpen', { count: open.count, years: open.years.join(', ') }));
  if (Number(today.slice(5, 7)) >= 11 && provisional(year + 1)) out.push(ctx.t.m('doctor.nextYearMissing', { year: year + 1 }));
  return out;
}
