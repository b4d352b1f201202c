import type { Role } from './enums.ts';

/**
 * Automatic assignment (source document 003, "assignation intelligente"): a new complaint goes to
 * the least-loaded eligible agent of its department, agents specialised in its category first,
 * and among equally loaded agents to the next one after the department's round-robin cursor (ids
 * in order, wrapping), so ties rotate instead of always favouring the same person.
 */
export const ASSIGNABLE_ROLES: readonly Role[] = ['desk_agent'];

export type AssignmentCandidate = {
  id: string;
  role: Role;
  active: boolean;
  departmentId: string | null;
};

export type AssignmentInput = {
  departmentId: string | null;
  staff: readonly AssignmentCandidate[];
  /** Open complaints (not RESOLVED, CLOSED or CANCELLED) assigned to each agent; missing = 0. */
  load: ReadonlyMap<string, number>;
  /** Specialists of the complaint's category (empty when it has none). */
  specialistIds: readonly string[];
  /** The last agent the department's round robin chose, or null. */
  cursor: string | null;
};

export function eligibleAgents(departmentId: string | null, staff: readonly AssignmentCandidate[]): AssignmentCandidate[] {
  if (departmentId === null) return [];
  return staff.filter((s) => s.active && s.departmentId === departmentId && ASSIGNABLE_ROLES.includes(s.role));
}

/** The agent to assign, or null when nobody is eligible (the complaint stays unassigned). */
export function chooseAssignee(input: AssignmentInput): string | null {
  const eligible = eligibleAgents(input.departmentId, input.staff);
  const specialists = eligible.filter((s) => input.specialistIds.includes(s.id));
  const pool = specialists.length > 0 ? specialists : eligible;
  if (pool.length === 0) return null;
  const loadOf = (id: string) => input.load.get(id) ?? 0;
  const least = Math.min(...pool.map((s) => loadOf(s.id)));
  const tied = pool.filter((s) => loadOf(s.id) === least).map((s) => s.id).sort();
  const cursor = input.cursor;
  return (cursor === null ? undefined : tied.find((id) => id > cursor)) ?? tied[0] ?? null;
}
