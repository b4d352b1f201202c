import type { ComplaintDoc } from './documents.ts';
import type { Role } from './enums.ts';

/**
 * Who may change a complaint's workflow — its status (with the resolution), its assignee and its
 * priority — issue 6: "validated per complaint against the workflow and the user's role". One
 * rule for the desk (which refuses before saving, single or bulk) and the server (which refuses a
 * desk push as a lost edit, an API call with 403):
 * - admins, PX admins and hospital admins: every complaint of the hospitals they see;
 * - a department manager: complaints of their department, and those assigned to them;
 * - a desk agent: complaints assigned to them or to nobody, and may assign only to themselves
 *   (they take complaints; routing to others is a manager's);
 * - the CEO's office watches: no workflow changes.
 * Other fields (title, description, complainant, severity, category, department) stay open to
 * everyone who may see the complaint, as before: correcting what was taken down is desk work.
 * Which hospital a user may see is checked before this (auth/access.ts on the server).
 */
export type ComplaintActor = { id: string; role: Role; departmentId: string | null };
export type ComplaintRefusal = 'read_only_role' | 'not_your_department' | 'not_your_complaint' | 'assign_others_not_allowed';

export const ROLE_RULED_FIELDS = ['status', 'resolution', 'assigneeId', 'priority'] as const;
export type RoleRuledField = (typeof ROLE_RULED_FIELDS)[number];

const HOSPITAL_WIDE: readonly Role[] = ['admin', 'px_admin', 'hospital_admin'];

/** Whether the actor may change the workflow of this complaint (as it stands before the change). */
export function mayChange(actor: ComplaintActor, c: Pick<ComplaintDoc, 'departmentId' | 'assigneeId'>): ComplaintRefusal | null {
  if (HOSPITAL_WIDE.includes(actor.role)) return null;
  if (actor.role === 'ceo') return 'read_only_role';
  if (c.assigneeId === actor.id) return null;
  if (actor.role === 'department_manager') {
    return actor.departmentId !== null && c.departmentId === actor.departmentId ? null : 'not_your_department';
  }
  return c.assigneeId === null ? null : 'not_your_complaint';
}

export function mayAssignTo(actor: ComplaintActor, assigneeId: string | null): ComplaintRefusal | null {
  if (actor.role === 'desk_agent' && assigneeId !== actor.id) return 'assign_others_not_allowed';
  return null;
}

/** One field's change of a complaint, as it stands before the change (`before`) to `value`. */
export function refusedChange(
  actor: ComplaintActor,
  before: Pick<ComplaintDoc, 'departmentId' | 'assigneeId'>,
  field: RoleRuledField,
  value: unknown,
): ComplaintRefusal | null {
  const refused = mayChange(actor, before);
  if (refused) return refused;
  return field === 'assigneeId' ? mayAssignTo(actor, typeof value === 'string' ? value : null) : null;
}
