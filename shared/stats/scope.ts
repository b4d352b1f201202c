import type { Role } from '../enums.ts';
import type { StatsComplaint } from './types.ts';

/**
 * What a dashboard covers. The desk holds one hospital's data per database, so 'hospital' is the
 * hospital open on the desk; a group role picks another with the hospital switcher.
 */
export type StatsScope = { kind: 'hospital'; hospitalId: string } | { kind: 'department'; hospitalId: string; departmentId: string };

/**
 * The scopes a user may choose between, the default first: a department manager starts on their
 * own department (and may widen to the hospital); everyone else sees the hospital.
 */
export function scopeChoices(user: { role: Role; departmentId: string | null }, hospitalId: string): StatsScope[] {
  const hospital: StatsScope = { kind: 'hospital', hospitalId };
  if (user.role === 'department_manager' && user.departmentId !== null) {
    return [{ kind: 'department', hospitalId, departmentId: user.departmentId }, hospital];
  }
  return [hospital];
}

export function inScope(scope: StatsScope, c: Pick<StatsComplaint, 'hospitalId' | 'departmentId'>): boolean {
  if (c.hospitalId !== scope.hospitalId) return false;
  return scope.kind === 'hospital' || c.departmentId === scope.departmentId;
}
