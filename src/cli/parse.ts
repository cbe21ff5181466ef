// Turning raw flag text into typed values. Each parser throws commander's
// InvalidArgumentError with a message that says how to write it right.
import { InvalidArgumentError } from 'commander';
import { normalizePhone } from '../domain/phone.js';
import { groupThousands, MAX_YUAN, parseYuan } from '../domain/money.js';
import { MAX_HOUSEHOLDS, readHouseholds } from '../domain/households.js';
import { normalizeTicket } from '../domain/ticket.js';
import { UsageError } from '../domain/errors.js';
import { type Translator } from '../output/i18n.js';
import { readValue, VALUES } from './listed-values.js';
import { type TalkOutcome } from '../domain/types.js';

export function phoneArg(t: Translator) {
  return (v: string): string => {
    const p = normalizePhone(v);
    if (p === null) {
      throw new InvalidArgumentError(t.lang === 'zh'
        ? '请填写大陆手机号（13800138000）或带区号的座机（010-12345678），可带 +86。'
        : 'give a mainland mobile (13800138000) or a landline with area code (010-12345678), optionally with +86.');
    }
    return p;
  };
}

/** A whole phone number, or its last four digits (to find a caller, `list --phone 8000`). */
export function phoneOrTailArg(t: Translator) {
  const whole = phoneArg(t);
  return (v: string): string => {
    if (/^\d{4}$/.test(v.trim())) return v.trim();
    try {
      return whole(v);
    } catch {
      throw new InvalidArgumentError(t.m('list.phoneOrTail'));
    }
  };
}

export function yuanArg(t: Translator) {
  return (v: string): number => {
    const fen = parseYuan(v);
    if (fen === null) throw new InvalidArgumentError(t.m('usage.amount', { max: groupThousands(MAX_YUAN) }));
    return fen;
  };
}

/** 1 to MAX_HOUSEHOLDS: past it a count is a typing slip, and past 2^53 it would not even be stored exactly. */
export function householdsArg(t: Translator) {
  return (v: string): number => {
    const n = readHouseholds(v);
    if (n === null) throw new InvalidArgumentError(t.m('usage.households', { max: groupThousands(MAX_HOUSEHOLDS) }));
    return n;
  };
}

export function positiveIntArg(t: Translator) {
  return (v: string): number => {
    if (!/^\d+$/.test(v.trim()) || Number(v) < 1) {
      throw new InvalidArgumentError(t.lang === 'zh' ? '请填写正整数，如 1。' : 'give a whole number of 1 or more.');
    }
    return Number(v);
  };
}

/** A --limit: a whole number, 0 meaning all (every command maps 0 to its own "all"). */
export function limitArg(t: Translator) {
  return (v: string): number => {
    if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError(t.m('usage.limit'));
    return Number(v);
  };
}

export function satisfactionArg(t: Translator) {
  return (v: string): number => {
    if (!/^[1-5]$/.test(v.trim())) {
      throw new InvalidArgumentError(t.lang === 'zh' ? '满意度为 1–5：1 很满意，2 满意，3 基本满意，4 不满意，5 很不满意。' : 'satisfaction is 1–5: 1 very satisfied, 2 satisfied, 3 fair, 4 unsatisfied, 5 very unsatisfied.');
    }
    return Number(v);
  };
}

/** How a round of talks ended: its key, or its Chinese label (达成一致 / 未达成一致), as the desk writes it. */
export function talkOutcomeArg(t: Translator) {
  return (v: string): TalkOutcome => {
    const outcome = readValue(VALUES.talk, v);
    if (!outcome) throw new InvalidArgumentError(t.m('talk.badOutcome', { value: v }));
    return outcome as TalkOutcome;
  };
}

/** Dates and times are checked later against the office's zone; here only their shape. */
export function dateTimeArg(t: Translator) {
  return (v: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v.trim())) {
      throw new InvalidArgumentError(t.lang === 'zh' ? '请用 ISO 8601 格式，如 2026-11-20 或 2026-11-20T15:00。' : 'use ISO 8601, e.g. 2026-11-20 or 2026-11-20T15:00.');
    }
    return v.trim();
  };
}

export function ticketArg(text: string): string {
  const t = normalizeTicket(text);
  if (t === null) throw new UsageError('usage.badTicket', { value: text });
  return t;
}
