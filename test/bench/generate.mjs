#!/usr/bin/env node
// Generates a benchmark database of N complaints (default 1,000,000):
//   node test/bench/generate.mjs [--count N] [--out FILE] [--force]
// The schema comes from the real migrations (`complaints init`), the rows go
// in through better-sqlite3 prepared statements in large transactions, with
// the secondary indexes dropped during the load and recreated from their own
// SQL afterwards. Data: 2021-01 .. 2026-11-23 received times, Chinese names,
// estates, units and descriptions from word lists, ~2% open, deadlines,
// events, call-backs, ticket counters and the search index (via searchDoc of
// src/domain/search-terms.ts, bundled with esbuild).
// The result is cached in test/bench/.data/ keyed by count and schema hash.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = path.join(ROOT, 'test/bench/.data');
const require = createRequire(path.join(ROOT, 'package.json'));
const GENERATOR_VERSION = 6;
export const NOW = '2026-11-23T10:00:00+08:00';
const NOW_MS = Date.parse(NOW);
/**
 * Two shapes of register. `spread`: six years, about 14,000 a month, the
 * optional columns filled now and then. `office`: three years, about 28,000
 * a month at a million, every column filled as a busy office fills it
 * (demands, extensions, costs with who is responsible and who approved,
 * claims, households, flags), the shape a group's monthly report, a year-end
 * report and an office's first import meet.
 */
export const SHAPES = {
  spread: { start: Date.parse('2021-01-01T00:00:00+08:00'), fill: null },
  office: { start: Date.parse('2023-11-23T00:00:00+08:00'), fill: { extend: 0.06, cost: 0.12, claim: 0.1, flag: 0.03, households: 0.3 } },
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TZ_OFFSET = 8 * HOUR; // Asia/Shanghai, no DST

/** A hash of the SQLite schema's migrations: a changed or added migration makes a new cache entry. */
/** The key of the schema made by the first `upTo` migrations (all of them by default). */
export function schemaKey(upTo = Infinity) {
  const dir = path.join(ROOT, 'schema', 'sqlite');
  const h = crypto.createHash('sha256').update(`gen${GENERATOR_VERSION}`);
  const files = fs.readdirSync(dir).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort().slice(0, upTo);
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  const version = files.length ? Number(files.at(-1).slice(0, 4)) : 0;
  return `s${version}-${h.digest('hex').slice(0, 8)}`;
}

export function dbFileFor(count, shape = 'spread', key = schemaKey()) {
  return path.join(DATA, `complaints-${shape === 'spread' ? '' : `${shape}-`}${count}-${key}.db`);
}

/**
 * A register this generator made under fewer migrations, brought up to date
 * by the program's own migrations (as an office's file is when it upgrades):
 * a new index need not cost a quarter of an hour of generating again.
 */
function upgradeOlder(count, shape, file) {
  const dir = path.join(ROOT, 'schema', 'sqlite');
  const n = fs.readdirSync(dir).filter((f) => /^\d{4}_.+\.sql$/.test(f)).length;
  for (let k = n - 1; k > 0; k--) {
    const older = dbFileFor(count, shape, schemaKey(k));
    if (!fs.existsSync(older)) continue;
    const tmp = `${file}.tmp`;
    fs.copyFileSync(older, tmp);
    const up = spawnSync(process.execPath, [path.join(ROOT, 'bin/complaints.js'), 'list', '--limit', '1', '--json', '--db', tmp], {
      env: { ...process.env, COMPLAINTS_NOW: NOW, COMPLAINTS_LANG: 'en' }, encoding: 'utf8',
    });
    if (up.status !== 0) { fs.rmSync(tmp, { force: true }); return false; }
    fs.renameSync(tmp, file);
    return true;
  }
  return false;
}

/** searchDoc from the source, bundled once per run into .data/. */
export async function loadSearchTerms() {
  fs.mkdirSync(DATA, { recursive: true });
  const out = path.join(DATA, 'search-terms.mjs');
  const esbuild = require('esbuild');
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'src/domain/search-terms.ts')],
    bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'warning',
  });
  return import(pathToFileURL(out).href + `?t=${fs.statSync(out).mtimeMs}`);
}

// ── deterministic randomness ──────────────────────────────────────────────
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rnd = mulberry32(20261123);
const int = (n) => Math.floor(rnd() * n);
const pick = (arr) => arr[int(arr.length)];
/** Weighted pick from [[value, weight], ...]. */
function weighted(pairs) {
  const total = pairs.reduce((s, p) => s + p[1], 0);
  return () => {
    let r = rnd() * total;
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
}

// ── word lists ────────────────────────────────────────────────────────────
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国建华志强海燕桂兰晓东'.split('');
const ESTATES = ['阳光海岸', '锦绣花园', '翠湖天地', '御景华府', '金色家园', '滨江一号', '紫荆苑', '碧水云天', '天润城', '万科城市花园',
  '绿地新都会', '保利香槟', '东方名苑', '星河湾', '香樟园', '和平里小区', '幸福家园', '龙湖春江郦城', '华润二十四城', '中海国际社区',
  '融创玖樘府', '金地格林小镇', '招商雍景湾', '世茂滨江', '恒大绿洲', '碧桂园凤凰城', '旭辉公元', '远洋万和', '龙湾新苑', '青年汇',
  '书香门第', '学府雅居', '南山别墅', '清水湾', '月亮湾', '富力城', '嘉和园', '玉兰苑', '梧桐里', '桃源居'];
const PLACES = ['卫生间', '厨房', '客厅', '主卧', '次卧', '阳台', '地下车库', '小区门口', '电梯厅', '楼道', '消防通道', '屋顶', '外墙', '儿童游乐区', '健身区', '垃圾站', '大堂', '单元门'];
/** [problem text, subcategory, category, weight] */
const PROBLEMS = [
  ['天花板漏水，墙面发霉', 'leak', 'construction_quality', 4],
  ['楼上漏水，天花板有水渍', 'leak', 'property_service', 3],
  ['水管漏水，地面积水', 'leak', 'property_service', 3],
  ['外墙渗水，墙皮脱落', 'leak', 'construction_quality', 2],
  ['电梯故障，困人二十分钟', 'facilities', 'property_service', 2],
  ['电梯经常停运，老人上下楼不便', 'facilities', 'property_service', 3],
  ['电梯故障频繁，维修不及时', 'facilities', 'property_service', 2],
  ['楼上装修噪音，晚上十点后仍在施工', 'noise', 'property_service', 5],
  ['广场舞音响太吵，影响休息', 'noise', 'property_service', 3],
  ['垃圾清运不及时，异味严重', 'cleaning', 'property_service', 5],
  ['保洁不到位，楼道有杂物', 'cleaning', 'property_service', 4],
  ['车位被占用，保安不处理', 'parking', 'property_service', 5],
  ['停车费收费不合理', 'fees', 'property_service', 3],
  ['物业费上涨未公示', 'fees', 'property_service', 3],
  ['门禁损坏，陌生人随意进出', 'security', 'property_service', 3],
  ['夜间巡逻不到位，电动车被盗', 'security', 'property_service', 2],
  ['绿化带长期无人修剪', 'landscaping', 'property_service', 3],
  ['树木遮挡采光，要求修剪', 'landscaping', 'property_service', 2],
  ['客服态度恶劣，挂断电话', 'attitude', 'property_service', 3],
  ['维修人员不守时，多次爽约', 'attitude', 'property_service', 2],
  ['墙面开裂，地板空鼓', 'repair', 'construction_quality', 3],
  ['窗户密封不严，下雨进水', 'repair', 'construction_quality', 2],
  ['交房面积与合同不符', null, 'sales_promise', 1],
  ['承诺的学校配套未兑现', null, 'sales_promise', 1],
  ['户型设计与样板间不一致', null, 'planning_design', 1],
  ['采光不足，楼间距过小', null, 'planning_design', 1],
  ['水压不足，高层用水困难', 'facilities', 'property_service', 2],
  ['路灯不亮，夜间出行不安全', 'facilities', 'property_service', 2],
  ['宠物粪便无人清理', 'cleaning', 'property_service', 2],
  ['快递柜故障，取件困难', 'facilities', 'other', 1],
];
const pickProblem = weighted(PROBLEMS.map((p) => [p, p[3]]));
const EXTRAS = ['已多次反映未解决', '请尽快处理', '影响正常生活', '家中有老人小孩', '希望物业给个说法', '已拍照留存', '邻居也有同样问题', '上周已报修', ''];
const DEMANDS = ['尽快维修', '赔偿损失', '给予书面答复', '减免物业费', '加强管理', '更换设备', null, null];
const RESOLUTIONS = ['已安排维修人员上门处理完毕', '已更换损坏部件，业主确认', '已协调邻里，问题解决', '已清理完毕并加强巡查', '已向业主解释说明，业主表示理解', '已退还多收费用'];
const ASSIGNEES = ['张工', '李工', '王主管', '赵经理', '刘师傅', '陈师傅', '周主管', '吴工', '孙经理', '郑师傅', '钱工', '冯主管'];
const RECEIVERS = ['小王', '小李', '小张', '前台', '客服01', '客服02', '客服03'];
const CHANNEL = weighted([['phone', 60], ['visit', 15], ['online', 10], ['sms', 3], ['email', 3], ['letter', 2], ['transfer', 5], ['fax', 1], ['other', 1]]);
const KIND = weighted([['complaint', 80], ['suggestion', 8], ['inquiry', 10], ['praise', 2]]);
const SEVERITY = weighted([['general', 90], ['important', 8], ['major', 2]]);
/** department ids by category (ids from the departments table, looked up by name). */
const DEPT_FOR = {
  leak: '工程部', facilities: '工程部', repair: '工程部', noise: '秩序部', security: '秩序部', parking: '秩序部',
  cleaning: '环境部', landscaping: '环境部', fees: '财务部', attitude: '客服中心',
};

function localDate(ms) {
  return new Date(ms + TZ_OFFSET).toISOString().slice(0, 10);
}

function phone() {
  return `1${pick(['3', '5', '7', '8', '9'])}${String(int(1e9)).padStart(9, '0')}`;
}

function parseArgs(argv) {
  const o = { count: 1_000_000, out: null, force: false, quiet: false, shape: 'spread' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--count') o.count = Number(argv[++i]);
    else if (argv[i] === '--shape') o.shape = argv[++i];
    else if (argv[i] === '--out') o.out = path.resolve(argv[++i]);
    else if (argv[i] === '--force') o.force = true;
    else if (argv[i] === '--quiet') o.quiet = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isInteger(o.count) || o.count < 1) throw new Error('--count must be a positive integer');
  return o;
}

/**
 * Ensures the database of `count` complaints exists; returns its path and
 * whether it was generated now (with the seconds it took).
 */
export async function ensureDatabase(count, { out = null, force = false, log = console.error, shape = 'spread' } = {}) {
  const file = out ?? dbFileFor(count, shape);
  const { start: START_MS, fill } = SHAPES[shape];
  if (!force && fs.existsSync(file)) return { file, generated: false, seconds: 0 };
  if (!force && out === null && upgradeOlder(count, shape, file)) return { file, generated: false, seconds: 0, upgraded: true };
  const t0 = process.hrtime.bigint();
  const { searchDoc } = await loadSearchTerms();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });

  // 1. The real schema, from the real migrations.
  const init = spawnSync(process.execPath, [path.join(ROOT, 'bin/complaints.js'), 'init', '--db', tmp], {
    env: { ...process.env, COMPLAINTS_NOW: NOW, COMPLAINTS_LANG: 'en' }, encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`complaints init failed: ${init.stderr || init.stdout}`);

  const Database = require('better-sqlite3');
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MB
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');

  const depts = new Map(db.prepare('SELECT name, id FROM departments').all().map((r) => [r.name, r.id]));
  const deptIds = [...depts.values()];

  // Secondary indexes are rebuilt after the load, from their own SQL.
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('complaints', 'events', 'follow_ups', 'complaint_steps')").all();
  for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);

  // 2. Received times: uniform over the span, sorted, so rowid order is time order.
  rnd = mulberry32(20261123 + count);
  const times = new Float64Array(count);
  const span = NOW_MS - START_MS - HOUR;
  for (let i = 0; i < count; i++) times[i] = START_MS + Math.floor(rnd() * span);
  times.sort();

  // Callers: a pool about a third the size of the file, so repeats happen.
  const callers = Math.max(100, Math.floor(count / 3));

  const insC = db.prepare(`INSERT INTO complaints (
    id, ticket, year, seq, received_at, channel, kind, category, subcategory, severity, validity, validity_reason, status,
    name, phone, estate, unit, subject, description, demand, receiver, department_id, assignee, households, claim_fen,
    safety, media, contact_due, resolve_due, follow_up_due, resolve_from, extended_until, contacted_at, last_contact_at,
    resolved_at, resolution, cost_fen, responsible_dept_id, responsible_person, approved_by, approval_level,
    follow_up_id, closed_at, close_reason, repeat_of_id, flagged, assigned_at
  ) VALUES (${new Array(47).fill('?').join(', ')})`);
  const insF = db.prepare('INSERT INTO follow_ups (id, complaint_id, at, method, satisfaction, outcome, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insP = db.prepare('INSERT INTO payments (complaint_id, at, amount_fen, responsible_dept_id, responsible_person, approval_level, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insE = db.prepare('INSERT INTO events (complaint_id, at, actor, action, before, after, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insS = db.prepare('INSERT INTO complaint_search (rowid, uni, bi, words) VALUES (?, ?, ?, ?)');
  // The steps in force under the built-in procedure, as `register` writes them
  // (none due: dispatch, site_check, plan and feedback are off until an office
  // sets them); `assign` marks dispatch done at the first assignment.
  const insStep = db.prepare('INSERT INTO complaint_steps (complaint_id, step, due, done_at, note) VALUES (?, ?, NULL, ?, NULL)');
  const STEP_ROWS = ['dispatch', 'feedback', 'plan', 'site_check'];

  const counters = new Map();
  const lastByCaller = new Map(); // caller index -> [id, receivedAt, category]
  let fuId = 0;
  let open = 0;
  const BATCH = 50_000;
  // 1 = very satisfied … 5 = very unsatisfied (SPEC §6); closed complaints were mostly satisfied.
  const satisfaction = weighted([[1, 55], [2, 25], [3, 12], [4, 5], [5, 3]]);

  const insertRange = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const id = i + 1;
      const at = times[i];
      const date = localDate(at);
      const year = Number(date.slice(0, 4));
      const seq = (counters.get(year) ?? 0) + 1;
      counters.set(year, seq);
      const ticket = date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10) + String(seq).padStart(3, '0');

      const callerIx = int(callers);
      const crnd = mulberry32(callerIx * 7919 + 17); // the caller's fixed identity
      const cname = SURNAMES[Math.floor(crnd() * SURNAMES.length)] + (crnd() < 0.5 ? (crnd() < 0.5 ? '先生' : '女士') : GIVEN[Math.floor(crnd() * GIVEN.length)]);
      const cphone = crnd() < 0.9 ? `1${'35789'[Math.floor(crnd() * 5)]}${String(Math.floor(crnd() * 1e9)).padStart(9, '0')}` : null;
      const estate = ESTATES[Math.floor(crnd() * ESTATES.length)];
      const unit = crnd() < 0.95 ? `${1 + Math.floor(crnd() * 30)}-${1 + Math.floor(crnd() * 4)}-${1 + Math.floor(crnd() * 33)}0${1 + Math.floor(crnd() * 4)}` : null;

      const [problem, sub, category] = pickProblem();
      const place = pick(PLACES);
      const extra = pick(EXTRAS);
      const description = `${place}${problem}${extra ? `，${extra}` : ''}。`;
      const subject = Array.from(description).slice(0, 30).join('');
      const demand = fill ? DEMANDS[int(DEMANDS.length - 2)] : pick(DEMANDS);
      const channel = CHANNEL();
      const kind = KIND();
      const severity = SEVERITY();
      const receiver = pick(RECEIVERS);

      // Open: mostly recent ones; overall about 2%.
      const age = (NOW_MS - at) / DAY;
      const pOpen = age < 7 ? 0.9 : age < 30 ? 0.4 : age < 90 ? 0.1 : 0.01;
      const isOpen = rnd() < pOpen;
      let status = 'closed';
      if (isOpen) {
        open++;
        const r = rnd();
        status = r < 0.35 ? 'registered' : r < 0.85 ? 'assigned' : 'resolved';
      }
      const contactHours = severity === 'major' ? 2 : 24;
      const resolveDays = severity === 'general' ? 3 : 7;
      const contactDue = at + contactHours * HOUR;
      // Working days, roughly: calendar days plus a weekend's worth, end of day.
      const resolveDue = Math.floor((at + TZ_OFFSET) / DAY + resolveDays + (resolveDays > 4 ? 2 : 1)) * DAY - TZ_OFFSET + DAY - 1000;
      const assigned = status !== 'registered';
      const deptName = DEPT_FOR[sub] ?? (category === 'sales_promise' ? '营销部' : category === 'planning_design' ? '设计研发部' : '客服中心');
      const deptId = assigned ? depts.get(deptName) ?? pick(deptIds) : null;
      const assignee = assigned ? pick(ASSIGNEES) : null;
      // Nothing happens after now: later steps are squeezed into the time since received.
      const room = NOW_MS - HOUR / 4 - at;
      const contacted = status !== 'registered' || rnd() < 0.3 ? at + Math.min(Math.floor((0.05 + rnd() * 1.1) * contactHours * HOUR), Math.floor(room * 0.3)) : null;
      const resolved = status === 'resolved' || status === 'closed'
        ? Math.max(contacted ?? at, Math.min(at + Math.floor(room * 0.6), at + Math.floor((0.2 + rnd() * (rnd() < 0.9 ? 1 : 3)) * (resolveDue - at)))) : null;
      const followUpDue = resolved !== null ? resolved + (severity === 'major' ? 2 : 5) * DAY : null;
      const closed = status === 'closed' ? Math.min(at + Math.floor(room * 0.9), resolved + Math.floor((0.5 + rnd() * 3) * DAY)) : null;
      const resolution = resolved !== null ? pick(RESOLUTIONS) : null;
      const validity = status === 'registered' ? 'unverified' : rnd() < 0.96 ? 'valid' : 'invalid';
      const validityReason = validity === 'invalid' ? '经核实不属于物业责任' : null;
      const costFen = resolved !== null && rnd() < (fill?.cost ?? 0.03) ? (1 + int(500)) * 1000 : null;
      const claimFen = rnd() < (fill?.claim ?? 0.02) ? (1 + int(2000)) * 1000 : null;
      // An office's extensions (the deadline moved, SPEC §5), flags and households counted.
      const extendedUntil = fill && resolved !== null && rnd() < fill.extend ? resolveDue + 5 * DAY : null;
      const flagged = fill && rnd() < fill.flag ? 1 : 0;
      const households = fill && rnd() < fill.households ? 2 + int(30) : 1 + (rnd() < 0.05 ? int(8) : 0);

      // Repeat of the caller's previous complaint in the same category within 30 days.
      const prev = lastByCaller.get(callerIx);
      const repeatOf = prev && prev[2] === category && at - prev[1] <= 30 * DAY ? prev[0] : null;
      lastByCaller.set(callerIx, [id, at, category]);

      let followUpId = null;
      if (status === 'closed' && kind === 'complaint' && rnd() < 0.9) {
        if (rnd() < 0.1) insF.run(++fuId, id, resolved + Math.floor((closed - resolved) * 0.4), null, null, 'no_answer', null);
        followUpId = ++fuId;
        insF.run(followUpId, id, resolved + Math.floor((closed - resolved) * 0.8), rnd() < 0.85 ? 'phone' : 'visit', satisfaction(), null, rnd() < 0.2 ? '业主表示满意' : null);
      }
      const lastContact = closed ?? resolved ?? contacted;
      // The first assignment: when the assign event says (open ones), else with the first contact.
      const assignedAt = assigned ? contacted ?? at : null;

      insC.run(
        id, ticket, year, seq, at, channel, kind, category, sub, severity, validity, validityReason, status,
        cname, cphone, estate, unit, subject, description, demand, receiver, deptId, assignee, households, claimFen,
        rnd() < 0.03 ? 1 : 0, rnd() < 0.01 ? 1 : 0, contactDue, resolveDue, followUpDue, at, extendedUntil, contacted, lastContact,
        resolved, resolution, costFen, costFen !== null ? deptId : null, costFen !== null ? assignee : null,
        costFen !== null ? '赵经理' : null, costFen !== null ? 'department_head' : null,
        followUpId, closed, closed !== null ? '已回访，业主满意' : null, repeatOf, flagged, assignedAt,
      );
      // The office shape records each cost as the payment it was (SPEC §12), when resolved.
      if (fill && costFen !== null) insP.run(id, resolved, costFen, deptId, assignee, 'department_head', '赵经理');
      for (const step of STEP_ROWS) insStep.run(id, step, step === 'dispatch' ? assignedAt : null);

      insE.run(id, at, receiver, 'register', null, JSON.stringify({
        ticket, receivedAt: at, channel, kind, category, subcategory: sub, severity, validity: 'unverified', status: 'registered',
        complainant: { name: cname, phone: cphone, estate, unit }, subject, description, demand, receiver,
        deadlines: { contact: contactDue, resolve: resolveDue, followUp: null },
      }), null);
      if (closed !== null) {
        insE.run(id, closed, assignee ?? receiver, 'close', JSON.stringify({ status: 'resolved' }), JSON.stringify({ status: 'closed', closedAt: closed }), '已回访，业主满意');
      } else if (assigned) {
        insE.run(id, assignedAt, receiver, 'assign', JSON.stringify({ status: 'registered', department: null }), JSON.stringify({ status: 'assigned', department: deptName, assignee }), null);
      }

      const doc = searchDoc([ticket, subject, description, demand, cname, estate, unit, sub, resolution, assignee]);
      insS.run(id, doc.uni, doc.bi, doc.words);
    }
  });

  for (let from = 0; from < count; from += BATCH) {
    insertRange(from, Math.min(count, from + BATCH));
    if (process.stderr.isTTY) process.stderr.write(`\r  generated ${Math.min(count, from + BATCH).toLocaleString('en')} / ${count.toLocaleString('en')}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

  const setCounter = db.prepare('INSERT INTO ticket_counters (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last');
  db.transaction(() => { for (const [y, s] of counters) setCounter.run(y, s); })();
  for (const ix of indexes) db.exec(ix.sql);
  // No ANALYZE: the program never runs it, so plans here are the plans in the field.
  db.pragma('journal_mode = DELETE');
  db.close();
  // WAL as the program leaves it.
  const wal = new Database(tmp);
  wal.pragma('journal_mode = WAL');
  wal.close();
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, file);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  log(`  generated ${count.toLocaleString('en')} complaints (${open.toLocaleString('en')} open, ${(open / count * 100).toFixed(1)}%) in ${seconds.toFixed(1)} s → ${path.relative(process.cwd(), file)} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`);
  return { file, generated: true, seconds };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const o = parseArgs(process.argv.slice(2));
  if (!(o.shape in SHAPES)) throw new Error(`--shape must be one of ${Object.keys(SHAPES).join(', ')}`);
  const r = await ensureDatabase(o.count, { out: o.out, force: o.force, shape: o.shape });
  if (!r.generated) console.error(`  cached: ${r.file}`);
  console.log(r.file);
}
