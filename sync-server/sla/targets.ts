import type { ComplaintDoc } from '../../shared/documents.ts';
import type { ActionTarget } from '../../shared/sla/types.ts';
import type { HospitalDirectory, StaffEntry } from './context.ts';

/**
 * Who an escalation goes to, from the staff directory (pure). A role is looked for in the
 * complaint's hospital first, then among group-level staff; among several, the first by username,
 * so every instance picks the same person. Null when nobody fits: the escalation is still
 * recorded (target unresolved) and the assignee stays.
 */
export function resolveTarget(target: ActionTarget, doc: ComplaintDoc, dir: HospitalDirectory): string | null {
  const active = (id: string | null): string | null => (id !== null && dir.staff.some((s) => s.id === id) ? id : null);
  const byRole = (match: (s: StaffEntry) => boolean): string | null =>
    (dir.staff.find((s) => match(s) && s.hospitalId === doc.hospitalId) ?? dir.staff.find((s) => match(s) && s.hospitalId === null))?.id ??
    null;
  switch (target.role) {
    case 'named_user':
      return active(target.userId);
    case 'department_manager': {
      if (doc.departmentId === null) return null;
      const named = active(dir.managers.get(doc.departmentId) ?? null);
      return named ?? byRole((s) => s.role === 'department_manager' && s.departmentId === doc.departmentId);
    }
    case 'hospital_admin':
      return byRole((s) => s.role === 'hospital_admin');
    case 'px_admin':
      return byRole((s) => s.role === 'px_admin');
    case 'ceo':
      return byRole((s) => s.role === 'ceo');
  }
}
