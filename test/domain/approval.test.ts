// 核决权限 as pure rules (SPEC §12): who covers which level, approver and
// reviewers, what an approval before the work still allows; the month rule
// for complaints about a person; the units a confirmed group needs.
import { describe, expect, it } from 'vitest';
import { approvalLeft, checkApprovers, splitNames, type StaffMember } from '../../src/domain/approval.js';
import { checkGroupUnits } from '../../src/domain/groups.js';
import { isLateAboutPerson } from '../../src/domain/lifecycle.js';
import { UsageError } from '../../src/domain/errors.js';
import type { Approval, Payment } from '../../src/domain/types.js';

const STAFF: StaffMember[] = [
  { name: '王经理', role: 'dept_head', department: '工程部' },
  { name: '孙经理', role: 'dept_head', department: '秩序部' },
  { name: '李总', role: 'general_manager', department: null },
  { name: '周主任', role: 'director', department: null },
  { name: '钱委员', role: 'committee', department: null },
];

function refusal(fn: () => unknown): { key: string; params: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('not refused');
}

describe('checkApprovers', () => {
  it.each([
    ['a department head, for their own department', '王经理', 'department_head', '工程部', { approvedBy: '王经理', reviewedBy: [] }],
    ['a department head, when no department is known yet', '孙经理', 'department_head', null, { approvedBy: '孙经理', reviewedBy: [] }],
    ['the general manager below their level', '李总', 'department_head', '工程部', { approvedBy: '李总', reviewedBy: [] }],
    ['a committee member at any level', '钱委员', 'compensation_committee', null, { approvedBy: '钱委员', reviewedBy: [] }],
    ['reviewers first, the approver last (002)', '周主任、王经理,李总', 'general_manager', '工程部', { approvedBy: '李总', reviewedBy: ['周主任', '王经理'] }],
    ['the highest authority wherever it is named', '钱委员，李总', 'general_manager', null, { approvedBy: '钱委员', reviewedBy: ['李总'] }],
  ] as const)('%s', (_what, names, level, dept, expected) => {
    expect(checkApprovers(names, level, 100, dept, STAFF)).toEqual(expected);
  });

  it.each([
    ['a department head of another department', '孙经理', 'department_head', '工程部'],
    ['a department head above their level', '王经理', 'general_manager', '工程部'],
    ['the general manager at the committee level', '李总', 'compensation_committee', null],
    ['the director, who approves no compensation', '周主任', 'department_head', null],
  ] as const)('refuses %s, naming who could', (_what, names, level, dept) => {
    expect(refusal(() => checkApprovers(names, level, 680000, dept, STAFF)).key).toBe('approval.noAuthority');
  });

  it('refuses a name not on the list', () => {
    expect(refusal(() => checkApprovers('李总,张三', 'department_head', 100, null, STAFF))).toMatchObject({ key: 'approval.unknownPerson', params: { name: '张三' } });
  });

  it('takes the text as written while nobody holds an approval role', () => {
    const directorOnly: StaffMember[] = [{ name: '周主任', role: 'director', department: null }];
    expect(checkApprovers(' 王经理(电话), 李总 ', 'general_manager', 100, null, directorOnly)).toEqual({ approvedBy: '王经理(电话), 李总', reviewedBy: [] });
    expect(checkApprovers('张三', 'compensation_committee', 100, null, [])).toEqual({ approvedBy: '张三', reviewedBy: [] });
  });

  it('splits names on commas, 、 and semicolons, once each', () => {
    expect(splitNames('周主任、王经理，李总;李总 ； ')).toEqual(['周主任', '王经理', '李总']);
  });
});

describe('approvalLeft', () => {
  const approval = (at: number, amountFen: number): Approval => ({ at, amountFen, approvalLevel: 'department_head', approvedBy: '王经理', reviewedBy: [], note: null });
  const paid = (at: number, amountFen: number): Payment => ({
    at, amountFen, responsible: null, responsiblePerson: null, approvalLevel: 'department_head', approvedBy: '王经理', reviewedBy: [],
  });

  it('is null with no approval', () => {
    expect(approvalLeft([], [paid(1, 100)])).toBeNull();
  });

  it('is the latest approval less what was paid since it', () => {
    const left = approvalLeft([approval(10, 1000), approval(20, 3000)], [paid(5, 700), paid(15, 900), paid(25, 1000)]);
    expect(left?.approval.amountFen).toBe(3000);
    expect(left?.leftFen).toBe(2000);
  });
});

describe('isLateAboutPerson (001#14)', () => {
  const at = (iso: string) => Date.parse(iso);
  const facts = (happened: string | null, about: string | null = '赵保安', aboutIsDepartment = false) => ({
    about, aboutIsDepartment, happenedAt: happened === null ? null : at(happened), receivedAt: at('2026-09-12T10:00:00+08:00'),
  });

  it.each([
    ['a month and a minute after', '2026-08-12T09:59:00+08:00', true],
    ['exactly a month after', '2026-08-12T10:00:00+08:00', false],
    ['within the month', '2026-08-20T10:00:00+08:00', false],
  ])('about a person, raised %s: %s', (_what, happened, late) => {
    expect(isLateAboutPerson(facts(happened), 1)).toBe(late);
  });

  it('never for a department, without a person, or without the incident time', () => {
    expect(isLateAboutPerson(facts('2026-01-01T00:00:00+08:00', '秩序部', true), 1)).toBe(false);
    expect(isLateAboutPerson(facts('2026-01-01T00:00:00+08:00', null), 1)).toBe(false);
    expect(isLateAboutPerson(facts(null), 1)).toBe(false);
  });

  it('follows the setting', () => {
    expect(isLateAboutPerson(facts('2026-07-01T00:00:00+08:00'), 3)).toBe(false);
    expect(isLateAboutPerson(facts('2026-05-01T00:00:00+08:00'), 3)).toBe(true);
  });
});

describe('checkGroupUnits', () => {
  const c = (ticket: string, unit: string | null, estate = '阳光海岸') => ({ ticket, estate, unit });

  it('counts different units, of any estate, once each', () => {
    const items = [c('1', '1-1-101'), c('2', '1-1-102'), c('3', '1-1-102'), c('4', '1-1-101', '碧水湾'), c('5', '2-1-101'), c('6', '3-1-101')];
    expect(checkGroupUnits(items, 5)).toBe(5);
  });

  it('refuses fewer than the threshold, naming those without a unit', () => {
    const e = refusal(() => checkGroupUnits([c('260912001', '1-1-101'), c('260912002', null), c('260912003', '1-1-103')], 5));
    expect(e).toMatchObject({ key: 'group.tooFew', params: { units: 2, min: 5, count: 3, noUnit: '260912002' } });
  });
});
