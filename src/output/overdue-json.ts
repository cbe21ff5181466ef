// The JSON of `overdue`: byte for byte what JSON.stringify({at, overdue, stale},
// null, 2) writes, but written as text an entry at a time. Under a procedure
// of many steps the list runs to tens of thousands of entries and twenty
// megabytes: building an object for each entry and each late step, only for
// JSON.stringify to walk them and indent its output, was the largest part of
// the command's time. The layout below is JSON.stringify's at these depths
// (entries at 4 spaces, their deadlines at 8); test/commands/overdue-bytes
// holds the list to the text it was.
import type { OverdueItem, StaleItem } from './overdue-view.js';
import type { DeadlineStatus } from '../domain/deadlines.js';
import { DAY, isoLocal } from '../domain/time.js';
import { jsonArrayPieces } from './json-text.js';

/** A string (or null) as JSON writes it: quoted and escaped. */
const json = (value: string | null): string => JSON.stringify(value);

/** The document, piece by piece, for output written as it is made. */
export function* overdueJson(now: number, tz: string, items: readonly OverdueItem[], stale: readonly StaleItem[]): Generator<string> {
  yield `{\n  "at": ${json(isoLocal(now, tz))},\n  "overdue": `;
  yield* entries(items, (i) => overdueEntry(i, tz));
  yield ',\n  "stale": ';
  yield* entries(stale, (i) => staleEntry(i, now, tz));
  yield '\n}\n';
}

/** An array one level down, a few hundred elements at a time: the generator is resumed once per batch, not per entry. */
function* entries<T>(list: readonly T[], text: (item: T) => string): Generator<string> {
  for (let at = 0; at < list.length; at += ENTRIES_PER_PIECE) yield batch(list, at, Math.min(list.length, at + ENTRIES_PER_PIECE), text);
  yield jsonArrayPieces(1).end(list.length);
}

const ENTRIES_PER_PIECE = 256;

function batch<T>(list: readonly T[], from: number, to: number, text: (item: T) => string): string {
  const array = jsonArrayPieces(1);
  let out = '';
  for (let n = from; n < to; n++) out += array.written(text(list[n]), n);
  return out;
}

function overdueEntry(i: OverdueItem, tz: string): string {
  const c = i.complaint;
  const deadlines = jsonArrayPieces(3);
  let late = '';
  for (let n = 0; n < i.late.length; n++) late += deadlines.written(deadlineEntry(i.late[n], tz), n);
  late += deadlines.end(i.late.length);
  return `    {
      "ticket": ${json(c.ticket)},
      "department": ${json(c.department)},
      "assignee": ${json(c.assignee)},
      "severity": ${json(c.severity)},
      "status": ${json(c.status)},
      "subject": ${json(c.subject)},
      "deadlines": ${late}
    }`;
}

/** One late step: its hours and working days are whole numbers, written as JSON writes them. */
function deadlineEntry(d: DeadlineStatus, tz: string): string {
  // A report up also says to whom and how; JSON.stringify leaves out a key whose value is undefined.
  const to = d.role ? `,\n          "role": ${json(d.role)}${d.via === undefined ? '' : `,\n          "via": ${json(d.via)}`}` : '';
  return `        {
          "step": ${json(d.step)},
          "due": "${isoLocal(d.due, tz)}",
          "workdays": ${d.workdays},
          "hours": ${d.hours}${to}
        }`;
}

function staleEntry(i: StaleItem, now: number, tz: string): string {
  const c = i.complaint;
  return `    {
      "ticket": ${json(c.ticket)},
      "department": ${json(c.department)},
      "assignee": ${json(c.assignee)},
      "lastContactAt": ${c.lastContactAt === null ? 'null' : `"${isoLocal(c.lastContactAt, tz)}"`},
      "days": ${Math.floor((now - i.since) / DAY)}
    }`;
}
