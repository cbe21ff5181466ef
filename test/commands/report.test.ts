// `report`: the figures of SPEC §7 on a hand-counted October 2026, empty
// periods, monthly snapshots, and the formats (HTML parsed for its charts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { cli, cliJson, registerArgs, removeTempDirs, tempDb, tempDir, testEnv, type Env, onServer } from '../helpers.js';

afterAll(removeTempDirs);

const REPORT_NOW = '2026-11-10T09:00:00+08:00';

/** Every key the README documents for a report. */
const REPORT_KEYS = [
  'period', 'received', 'byKind', 'byCategory', 'bySubcategory', 'bySeverity', 'byChannel', 'byDepartment', 'byEstate',
  'invalid', 'contacted', 'contactedOnTime', 'contactedOnTimeRate', 'resolved', 'resolvedOnTime', 'resolvedOnTimeRate',
  'extended', 'medianResolveWorkdays', 'meanResolveWorkdays', 'followUpsOwed', 'followedUp', 'followUpRate',
  'satisfaction', 'satisfactionRate', 'repeats', 'escalated', 'major', 'groups', 'compensation', 'openAtEnd',
  'overdueAtEnd', 'trend', 'computedAt', 'closedWithoutCallBack', 'snapshot', 'steps', 'reportUps', 'audits', 'confirmedGroups',
];

let db: string;
let env: Env;
const at = (now: string) => ({ env: { ...env, COMPLAINTS_NOW: now } });
const T: Record<string, string> = {};

async function reg(now: string, over: Record<string, string | boolean>): Promise<string> {
  const c = await cliJson(registerArgs({ 'received-at': now, ...over }), at(now));
  return c.ticket;
}
async function step(now: string, args: string[]): Promise<void> {
  await cliJson(args, at(now));
}

/**
 * October 2026 (working days Mon–Fri from the 12th on), counted by hand:
 *   A  complaint leak 阳光海岸 1-1-101, phone; contacted, resolved in 2 wd (cost 100, 工程部), called back 2 → closed
 *   B  complaint noise, visit; contacted late (at resolve), resolved late, called back 4 → reopened as important
 *   C  inquiry fees, phone; answered on the spot → closed
 *   D  complaint leak 翠湖苑, email, safety → major; contacted; resolve deadline passed before 1 Nov
 *   E  complaint cleaning 翠湖苑, online; extended, resolved on time in 7 wd (cost 6000, 环境部), no call-back yet
 *   F  complaint leak, same caller as A → repeat, important; never contacted
 *   G  complaint, other/parking, sms; invalid (entered by mistake), closed
 *   H  suggestion planning_design, letter, no estate; escalated to important; never contacted
 *   K1–K4 complaints leak in 阳光海岸 6-1-101…104, online: with A, five units in 7 days → a possible group
 *   J  September: resolved in September, called back 1 on 12 October
 */
async function october(): Promise<void> {
  T.J = await reg('2026-09-21T09:00:00+08:00', { phone: '13800000009', unit: '9-9-909', subcategory: 'repair' });
  await step('2026-09-22T10:00:00+08:00', ['resolve', T.J, '--resolution', '已修好']);
  await step('2026-10-12T10:00:00+08:00', ['follow-up', T.J, '--satisfaction', '1', '--method', 'phone']);

  T.A = await reg('2026-10-12T09:00:00+08:00', { phone: '13800000001', unit: '1-1-101', channel: 'phone' });
  await step('2026-10-12T10:00:00+08:00', ['assign', T.A, '--dept', '工程部']);
  await step('2026-10-12T11:00:00+08:00', ['contact', T.A]);
  await step('2026-10-14T15:00:00+08:00', ['resolve', T.A, '--resolution', '已修复', '--cost', '100', '--responsible', '工程部', '--approved-by', '王经理']);
  await step('2026-10-16T10:00:00+08:00', ['follow-up', T.A, '--satisfaction', '2', '--method', 'phone']);

  T.B = await reg('2026-10-13T09:00:00+08:00', { phone: '13800000002', unit: '2-1-201', subcategory: 'noise', channel: 'visit' });
  await step('2026-10-13T10:00:00+08:00', ['assign', T.B, '--dept', '秩序部']);
  await step('2026-10-20T10:00:00+08:00', ['resolve', T.B, '--resolution', '已劝阻']);
  await step('2026-10-22T10:00:00+08:00', ['follow-up', T.B, '--satisfaction', '4', '--method', 'phone']);

  T.K1 = await reg('2026-10-13T10:00:00+08:00', { phone: '13800000011', unit: '6-1-101', channel: 'online' });
  T.C = await reg('2026-10-14T10:00:00+08:00', { phone: '13800000003', unit: '3-1-301', kind: 'inquiry', subcategory: 'fees', channel: 'phone' });
  await step('2026-10-14T10:30:00+08:00', ['resolve', T.C, '--resolution', '已解答']);
  T.K2 = await reg('2026-10-14T11:00:00+08:00', { phone: '13800000012', unit: '6-1-102', channel: 'online' });

  T.D = await reg('2026-10-15T09:00:00+08:00', {
    phone: '13800000004', estate: '翠湖苑', unit: '1-1-101', category: 'construction_quality', channel: 'email', safety: true, subject: '地下车库渗水有安全隐患',
  });
  await step('2026-10-15T09:30:00+08:00', ['assign', T.D, '--dept', '工程部']);
  await step('2026-10-15T10:00:00+08:00', ['contact', T.D]);
  T.K3 = await reg('2026-10-15T11:00:00+08:00', { phone: '13800000013', unit: '6-1-103', channel: 'online' });

  T.E = await reg('2026-10-16T09:00:00+08:00', { phone: '13800000005', estate: '翠湖苑', unit: '2-2-202', subcategory: 'cleaning', channel: 'online' });
  await step('2026-10-16T09:30:00+08:00', ['assign', T.E, '--dept', '环境部']);
  await step('2026-10-16T10:00:00+08:00', ['contact', T.E]);
  await step('2026-10-20T10:00:00+08:00', ['extend', T.E, '--until', '2026-10-28', '--reason', '等待配件', '--agreed-by', '业主']);
  await step('2026-10-27T10:00:00+08:00', ['resolve', T.E, '--resolution', '已清理', '--cost', '6000', '--responsible', '环境部', '--approved-by', '张总']);
  T.K4 = await reg('2026-10-16T11:00:00+08:00', { phone: '13800000014', unit: '6-1-104', channel: 'online' });

  T.F = await reg('2026-10-19T09:00:00+08:00', { phone: '13800000001', unit: '1-1-101', channel: 'phone' });

  T.G = await reg('2026-10-20T09:00:00+08:00', { phone: '13800000007', unit: '5-1-501', category: 'other', subcategory: 'parking', channel: 'sms' });
  await step('2026-10-20T09:30:00+08:00', ['classify', T.G, '--validity', 'invalid', '--reason', '录入错误']);
  await step('2026-10-20T10:00:00+08:00', ['close', T.G, '--reason', 'invalid']);

  T.H = await reg('2026-10-21T09:00:00+08:00', {
    phone: '13800000008', estate: false, unit: false, kind: 'suggestion', category: 'planning_design', subcategory: false, channel: 'letter',
  });
  await step('2026-10-22T10:00:00+08:00', ['escalate', T.H, '--reason', '涉及多栋楼']);
}

describe('report monthly on a hand-counted October 2026', () => {
  let r: any;
  beforeAll(async () => {
    db = tempDb();
    env = testEnv(db);
    await october();
    r = await cliJson(['report', 'monthly', '--month', '2026-10'], at(REPORT_NOW));
  });

  it('carries every documented key', () => {
    for (const key of REPORT_KEYS) expect(r).toHaveProperty(key);
    expect(Object.keys(r).sort()).toEqual([...REPORT_KEYS].sort());
  });

  it('period, received and the breakdowns', () => {
    expect(r.period).toEqual({ kind: 'monthly', from: '2026-10-01', to: '2026-10-31', label: '2026-10' });
    expect(r.received).toBe(12);
    expect(r.byKind).toEqual({ complaint: 10, suggestion: 1, inquiry: 1, praise: 0 });
    expect(r.byCategory).toEqual({ planning_design: 1, construction_quality: 1, sales_promise: 0, property_service: 9, other: 1 });
    expect(r.bySubcategory).toEqual({ leak: 7, noise: 1, fees: 1, cleaning: 1, parking: 1, none: 1 });
    expect(r.bySeverity).toEqual({ general: 8, important: 3, major: 1 });
    expect(r.byChannel).toEqual({ phone: 3, visit: 1, letter: 1, fax: 0, email: 1, online: 5, sms: 1, transfer: 0, other: 0 });
    expect(r.byDepartment).toEqual({ none: 8, 工程部: 2, 秩序部: 1, 环境部: 1 });
    expect(r.byEstate).toEqual({ 阳光海岸: 9, 翠湖苑: 2, none: 1 });
    expect(r.invalid).toBe(1);
  });

  it('contact, resolve and call-back figures', () => {
    expect(r.contacted).toBe(11);
    expect(r.contactedOnTime).toBe(4);
    expect(r.contactedOnTimeRate).toBe(0.3636);
    expect(r.resolved).toBe(3);
    expect(r.resolvedOnTime).toBe(3);
    expect(r.resolvedOnTimeRate).toBe(1);
    expect(r.extended).toBe(1);
    expect(r.medianResolveWorkdays).toBe(2);
    expect(r.meanResolveWorkdays).toBe(3);
    expect(r.followUpsOwed).toBe(2);
    expect(r.followedUp).toBe(1);
    expect(r.followUpRate).toBe(0.5);
    expect(r.satisfaction).toEqual({ 1: 1, 2: 1, 3: 0, 4: 1, 5: 0 });
    expect(r.satisfactionRate).toBe(0.6667);
  });

  it('repeats, escalations, major, groups, compensation, open and overdue, trend', () => {
    expect(r.repeats).toBe(1);
    expect(r.escalated).toBe(2);
    expect(r.major).toEqual([{ ticket: T.D, subject: '地下车库渗水有安全隐患', status: 'assigned', department: '工程部' }]);
    expect(r.groups).toEqual([{ estate: '阳光海岸', category: 'property_service', subcategory: 'leak', units: 5, tickets: [T.A, T.K1, T.K2, T.K3, T.K4] }]);
    expect(r.compensation).toEqual({ total: 6100, byDepartment: { 环境部: 6000, 工程部: 100 } });
    expect(r.openAtEnd).toBe(9);
    expect(r.overdueAtEnd).toBe(7);
    expect(r.trend).toHaveLength(12);
    expect(r.trend[0]).toEqual({ month: '2025-11', received: 0 });
    expect(r.trend.slice(-2)).toEqual([{ month: '2026-09', received: 1 }, { month: '2026-10', received: 12 }]);
    expect(r.computedAt).toBe(REPORT_NOW);
  });

  it('the default month is the previous one, and --format json is the same document', async () => {
    const d = await cliJson(['report', 'monthly'], at(REPORT_NOW));
    expect(d.period.label).toBe('2026-10');
    const viaFormat = await cli(['report', 'monthly', '--format', 'json'], at(REPORT_NOW));
    expect(JSON.parse(viaFormat.stdout)).toEqual(d);
  });

  it('draws every format from the same figures', async () => {
    const table = await cli(['report', 'monthly', '--month', '2026-10'], at(REPORT_NOW));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Monthly complaint report');
    expect(table.stdout).toContain('Received, last 12 months');
    expect(table.stdout).toMatch(/[╭╮╯╰─┤┼]/); // the asciichart trend line
    expect(table.stdout).toContain(T.D);
    const md = await cli(['report', 'monthly', '--month', '2026-10', '--format', 'md'], at(REPORT_NOW));
    expect(md.stdout).toMatch(/^# Monthly complaint report/);
    expect(md.stdout).toContain('| Received | 12 |');
    const csv = await cli(['report', 'monthly', '--month', '2026-10', '--format', 'csv'], at(REPORT_NOW));
    expect(csv.stdout.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.stdout.split('\r\n')[0]).toBe('section,key,label,value');
    expect(csv.stdout).toContain('summary,received,Received,12');
    expect(csv.stdout).toContain('summary,contactedOnTimeRate,Contacted on time,0.3636');
  });

  it('writes --out files (CSV with a byte-order mark) and says so on stderr', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oct.csv');
    const r2 = await cli(['report', 'monthly', '--month', '2026-10', '--format', 'csv', '--out', file], at(REPORT_NOW));
    expect(r2.code).toBe(0);
    expect(r2.stdout).toBe('');
    expect(r2.stderr).toContain(file);
    expect(fs.readFileSync(file, 'utf8').charCodeAt(0)).toBe(0xfeff);
  });

  it('HTML is one self-contained page with four SVG charts and nothing from the network', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oct.html');
    const r2 = await cli(['report', 'monthly', '--month', '2026-10', '--format', 'html', '--out', file, '--lang', 'zh'], at(REPORT_NOW));
    expect(r2.code).toBe(0);
    const html = fs.readFileSync(file, 'utf8');
    const doc = parseDocument(html);
    const elements: any[] = [];
    const walk = (n: any) => {
      if (n.type === 'tag' || n.type === 'script' || n.type === 'style') elements.push(n);
      for (const c of n.children ?? []) walk(c);
    };
    walk(doc);
    const named = (name: string) => elements.filter((e) => e.name === name);
    expect(named('svg').length).toBeGreaterThanOrEqual(4);
    expect(named('rect').length).toBeGreaterThan(12);
    for (const e of elements) {
      for (const attr of ['src', 'href', 'xlink:href', 'srcset', 'action', 'data']) {
        const v = e.attribs?.[attr];
        if (v !== undefined) expect(v, `${e.name} ${attr}`).not.toMatch(/^(https?:)?\/\//i);
      }
    }
    expect(named('script').filter((s) => s.attribs.src)).toEqual([]);
    expect(named('link')).toEqual([]);
    expect(named('img')).toEqual([]);
    const css = named('style').map((s) => s.children.map((c: any) => c.data).join('')).join('');
    expect(css).toContain('@media print');
    expect(css).not.toMatch(/@import|url\(/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('投诉月报');
    expect(html).toContain(T.D);
  });
});

describe('report over an empty period', () => {
  beforeAll(() => {
    db = tempDb();
    env = testEnv(db);
  });

  it('is a valid report of zeros and nulls', async () => {
    const r = await cliJson(['report', 'range', '--from', '2026-03-01', '--to', '2026-03-31'], at(REPORT_NOW));
    expect(r.period).toEqual({ kind: 'range', from: '2026-03-01', to: '2026-03-31', label: '2026-03-01..2026-03-31' });
    expect(r).toMatchObject({
      received: 0, invalid: 0, contacted: 0, contactedOnTime: 0, contactedOnTimeRate: null,
      resolved: 0, resolvedOnTime: 0, resolvedOnTimeRate: null, extended: 0,
      medianResolveWorkdays: null, meanResolveWorkdays: null, followUpsOwed: 0, followedUp: 0, followUpRate: null,
      satisfaction: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, satisfactionRate: null,
      repeats: 0, escalated: 0, major: [], groups: [], compensation: { total: 0, byDepartment: {} },
      openAtEnd: 0, overdueAtEnd: 0,
      byKind: { complaint: 0, suggestion: 0, inquiry: 0, praise: 0 },
      bySubcategory: {}, byDepartment: {}, byEstate: {},
    });
    expect(r.trend.map((m: any) => m.month)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
    expect(r.trend.every((m: any) => m.received === 0)).toBe(true);
  });

  it('renders in every format without failing', async () => {
    for (const format of ['table', 'csv', 'md', 'html']) {
      const r = await cli(['report', 'weekly', '--week', '2026-W44', '--format', format], at(REPORT_NOW));
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
    }
    const w = await cliJson(['report', 'weekly'], at(REPORT_NOW));
    expect(w.period).toEqual({ kind: 'weekly', from: '2026-11-02', to: '2026-11-08', label: '2026-W45' });
  });

  it('refuses a malformed period with exit 2', async () => {
    for (const args of [['monthly', '--month', '2026-13'], ['weekly', '--week', '2026-W54'], ['range', '--from', '2026-03-31', '--to', '2026-03-01'], ['range', '--from', '2026-03-01']]) {
      const r = await cli(['report', ...args], at(REPORT_NOW));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/error/);
    }
    const r = await cli(['report', 'monthly', '--format', 'pdf'], at(REPORT_NOW));
    expect(r.code).toBe(2);
  });
});

describe('monthly snapshots of closed months', () => {
  beforeAll(async () => {
    db = tempDb();
    env = testEnv(db);
    await october();
  });

  it.skipIf(onServer)(`keeps the first report of an ended month; --refresh recomputes it and is recorded (SQLite file only: reads or changes its tables with better-sqlite3)`, async () => {
    const first = await cliJson(['report', 'monthly', '--month', '2026-10'], at('2026-11-02T09:00:00+08:00'));
    expect(first.computedAt).toBe('2026-11-02T09:00:00+08:00');
    expect(first.resolved).toBe(3);

    // A complaint resolved in October is reopened in November.
    await step('2026-11-03T09:00:00+08:00', ['reopen', T.E, '--reason', '问题复发']);

    // The snapshot stays as it was, marked stale: the reopening took back an October resolve.
    const again = await cliJson(['report', 'monthly', '--month', '2026-10'], at('2026-11-05T09:00:00+08:00'));
    expect(again).toEqual({ ...first, snapshot: { ...first.snapshot, staleSince: '2026-11-03T09:00:00+08:00' } });

    const refreshed = await cliJson(['report', 'monthly', '--month', '2026-10', '--refresh'], at('2026-11-06T09:00:00+08:00'));
    expect(refreshed.computedAt).toBe('2026-11-06T09:00:00+08:00');
    expect(refreshed.resolved).toBe(2);
    expect(refreshed.extended).toBe(0);
    // Payments count by the date recorded: reopening E does not take back its 6,000 paid in October.
    expect(refreshed.compensation.total).toBe(6100);

    const later = await cliJson(['report', 'monthly', '--month', '2026-10'], at('2026-11-07T09:00:00+08:00'));
    expect(later).toEqual(refreshed);

    // The refresh is on the (office-wide) timeline.
    const Database = (await import('better-sqlite3')).default;
    const sqlite = new Database(db, { readonly: true });
    const events = sqlite.prepare("SELECT complaint_id, actor, action, before, after FROM events WHERE action = 'report-refresh'").all() as any[];
    sqlite.close();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ complaint_id: null, actor: 'li' });
    expect(JSON.parse(events[0].before)).toEqual({ label: '2026-10', computedAt: '2026-11-02T09:00:00+08:00' });
    expect(JSON.parse(events[0].after)).toEqual({ label: '2026-10', computedAt: '2026-11-06T09:00:00+08:00' });
  });

  it('does not keep a month that has not ended, nor weeks and ranges', async () => {
    const during = await cliJson(['report', 'monthly', '--month', '2026-11'], at('2026-11-08T09:00:00+08:00'));
    const later = await cliJson(['report', 'monthly', '--month', '2026-11'], at('2026-11-09T09:00:00+08:00'));
    expect(during.computedAt).not.toBe(later.computedAt);
    const w1 = await cliJson(['report', 'weekly', '--week', '2026-W42'], at('2026-11-08T09:00:00+08:00'));
    const w2 = await cliJson(['report', 'weekly', '--week', '2026-W42'], at('2026-11-09T09:00:00+08:00'));
    expect(w1.computedAt).not.toBe(w2.computedAt);
  });
});
