import type { ComplaintDoc } from '../../../shared/documents.ts';
import type { Role } from '../../../shared/enums.ts';

/**
 * Who may change which complaint from a bulk action (issue 6: "validated per complaint against
 * the workflow and the user's role"). Decided here because the task left it open:
 * - admins, PX admins and hospital admins: every complaint of the hospital;
 * - a department manager: complaints of their department, and those assigned to them;
 * - a desk agent: complaints assigned to them or to nobody, and may assign only to themselves
 *   (they take complaints; routing to others is a manager's);
 * - the CEO's office watches: no changes.
 * The desk refuses what this refuses; the server does not check roles on pushed complaint edits
 * yet (reported), so this is the desk's rule, not a security boundary.
 */
export type Actor = { id: string; role: Role; departmentId: string | null };
export type PolicyError = 'read_only_role' | 'not_your_department' | 'not_your_complaint' | 'assign_others_not_allowed';

const HOSPITAL_WIDE: readonly Role[] = ['admin', 'px_admin', 'hospital_admin'];

export function mayChange(actor: Actor, c: Pick<ComplaintDoc, 'departmentId' | 'assigneeId'>): PolicyError | null {
  if (HOSPITAL_WIDE.includes(actor.role)) return null;
  if (actor.role === 'ceo') return 'read_only_role';
  if (c.assigneeId === actor.id) return null;
  if (actor.role === 'department_manager') {
    return actor.departmentId !== null && c.departmentId === actor.departmentId ? null : 'not_your_department';
  }
  return c.assigneeId === null ? null : 'not_your_complaint';
}

export function mayAssignTo(actor: Actor, assigneeId: string | null): PolicyError | null {
  if (actor.role === 'desk_agent' && assigneeId !== actor.id) return 'assign_others_not_allowed';
  return null;
}
