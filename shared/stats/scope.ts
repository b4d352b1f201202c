import type { Role } from '../enums.ts';
import type { StatsComplaint } from './types.ts';

/**
 * What a dashboard covers. The desk holds one hospital's data per database, so 'hospital' is the
 * hospital open on the desk; 'group' is every hospital of the group, which only the server holds
 * (sync-server/stats), for group-level users.
 */
export type StatsScope =
  | { kind: 'hospital'; hospitalId: string }
  | { kind: 'department'; hospitalId: string; departmentId: string }
  | { kind: 'group' };

/**
 * The scopes a user may choose between, the default first: a department manager starts on their
 * own department (and may widen to the hospital); everyone else sees the hospital. A group-level
 * user (no hospital of their own) may also widen to the whole group.
 */
export function scopeChoices(user: { role: Role; departmentId: string | null; hospitalId: string | null }, hospitalId: string): StatsScope[] {
  const hospital: StatsScope = { kind: 'hospital', hospitalId };
  const wider: StatsScope[] = user.hospitalId === null ? [{ kind: 'group' }] : [];
  if (user.role === 'department_manager' && user.departmentId !== null) {
    return [{ kind: 'department', hospitalId, departmentId: user.departmentId }, hospital, ...wider];
  }
  return [hospital, ...wider];
}

export function inScope(scope: StatsScope, c: Pick<StatsComplaint, 'hospitalId' | 'departmentId'>): boolean {
  if (scope.kind === 'group') return true;
  if (c.hospitalId !== scope.hospitalId) return false;
  return scope.kind === 'hospital' || c.departmentId === scope.departmentId;
}
