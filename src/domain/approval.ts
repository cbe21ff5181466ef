// Who may approve a compensation (核决权限, SPEC §12): the office's people
// and their roles, which approval levels each role covers, and which of the
// people named on a payment or an approval is the approver (审批) and which
// are reviewers (审核). Pure: the command hands in the staff list.
import type { Approval, ApprovalLevel, Payment } from './types.js';
import { APPROVAL_LEVELS } from './types.js';
import { UsageError } from './errors.js';
import { formatYuan } from './money.js';

export const STAFF_ROLES = ['director', 'dept_head', 'general_manager', 'committee'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffMember {
  name: string;
  role: StaffRole;
  /** The department a department head heads; null for the other roles. */
  department: string | null;
}

/**
 * The levels each role may approve. The seeds give compensation under 5,000
 * to the head of the function at fault, up to 20,000 to the general manager,
 * above that to the committee (002 "由各职能模块的职能负责人审批(5000元以下)…
 * 集团赔付委员会审批(20000元以上)"); a higher authority covers a lower amount.
 * The service-centre director checks the handling (抽查) but approves no
 * compensation: named on a payment, a director is a reviewer.
 */
const COVERS: Record<StaffRole, readonly ApprovalLevel[]> = {
  director: [],
  dept_head: ['department_head'],
  general_manager: ['department_head', 'general_manager'],
  committee: APPROVAL_LEVELS,
};

/** Once anyone holds a role that approves, approvers must be people of the list (a small office without one writes names freely). */
export function approvalRolesHeld(staff: readonly StaffMember[]): boolean {
  return staff.some((p) => COVERS[p.role].length > 0);
}

/** Names as typed: separated by commas (also full-width ，), 、 or semicolons; each once, in order. */
export function splitNames(text: string): string[] {
  return [...new Set(text.split(/[,，、;；]/).map((n) => n.trim()).filter(Boolean))];
}

export interface Approvers {
  /** The one who approves (审批). */
  approvedBy: string;
  /** The others named, who review (审核), in the order named. */
  reviewedBy: string[];
}

/**
 * Checks the people named for a compensation of `level` charged to `dept`
 * (a department head covers only the department they head; null when no
 * department is known yet). Without an approval role on the list the names
 * are recorded as typed. Otherwise every name must be on the list, and the
 * approver is the one with the highest authority that covers the level (the
 * last named of equals: 002 names the reviewers first, "报财务总监、项目总监审核,
 * 公司总经理审批"); nobody covering it is refused.
 */
export function checkApprovers(text: string, level: ApprovalLevel, amountFen: number, dept: string | null, staff: readonly StaffMember[]): Approvers {
  const names = splitNames(text);
  if (!names.length) throw new UsageError('resolve.approvalRequired', { level, cost: amountFen });
  if (!approvalRolesHeld(staff)) return { approvedBy: text.trim(), reviewedBy: [] };
  const people = names.map((name) => {
    const p = staff.find((x) => x.name === name);
    if (!p) throw new UsageError('approval.unknownPerson', { name, known: staff.map((x) => x.name).join(', ') });
    return p;
  });
  const covering = people.filter((p) => covers(p, level, dept));
  if (!covering.length) {
    throw new UsageError('approval.noAuthority', {
      names: names.join(', '), level, amount: formatYuan(amountFen), who: whoCovers(level, dept, staff),
    });
  }
  const rank = (p: StaffMember) => STAFF_ROLES.indexOf(p.role);
  const approver = covering.reduce((best, p) => (rank(p) >= rank(best) ? p : best));
  return { approvedBy: approver.name, reviewedBy: names.filter((n) => n !== approver.name) };
}

function covers(p: StaffMember, level: ApprovalLevel, dept: string | null): boolean {
  if (!COVERS[p.role].includes(level)) return false;
  return p.role !== 'dept_head' || dept === null || p.department === dept;
}

/** The people of the list who could approve it, for the refusal's hint. */
function whoCovers(level: ApprovalLevel, dept: string | null, staff: readonly StaffMember[]): string {
  return staff.filter((p) => covers(p, level, dept)).map((p) => p.name).join(', ') || '—';
}

/**
 * What the latest approval before the work still allows: its amount less the
 * payments recorded since it (a new approval replaces the one before), or
 * null when nothing was approved.
 */
export function approvalLeft(approvals: readonly Approval[], payments: readonly Payment[]): { approval: Approval; leftFen: number } | null {
  const approval = approvals.at(-1);
  if (!approval) return null;
  const spent = payments.filter((p) => p.at >= approval.at).reduce((sum, p) => sum + p.amountFen, 0);
  return { approval, leftFen: approval.amountFen - spent };
}
