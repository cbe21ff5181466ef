// The working-day calendar the deadlines count on. For now Monday–Friday;
// the official Chinese calendar (holidays and 调休 working weekends) replaces
// it here without touching any caller.
import { weekdayCalendar, type WorkCalendar } from '../domain/workdays.js';
import type { Store } from './store.js';

export function loadCalendar(_s: Store): WorkCalendar {
  return weekdayCalendar;
}
