import { chooseAssignee, ASSIGNABLE_ROLES, type AssignmentCandidate } from '../../shared/assignment.ts';
import type { ComplaintDoc, StaffDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { ACTIVE_STATUSES } from '../../shared/workflow.ts';
import type { Queryable, Tx } from '../db/pool.ts';

/**
 * Automatic assignment of new complaints, when the hospital has it on (off by default): the
 * choice is shared/assignment.ts; this reads its inputs and keeps the department's round-robin
 * cursor.
 *
 * Several server instances may create complaints of one department at once: each would read the
 * same loads and pick the same "least loaded" agent. So the reading and choosing happen under a
 * per-department advisory lock held to commit (the load includes every earlier creation). Lock
 * order (docs/architecture.md): complaint rows, then these department locks (in id order), then
 * the seq lock — so `lockDepartments` must run before the transaction's first replicated write.
 */
const DEPARTMENT_LOCK_CLASS = 0x0a55_16; // the advisory-lock namespace of departments

export async function autoAssignEnabled(q: Queryable, hospitalId: string): Promise<boolean> {
  const { rows } = await q.query<{ auto_assign: boolean }>('SELECT auto_assign FROM assignment_settings WHERE hospital_id = $1', [hospitalId]);
  return rows[0]?.auto_assign ?? false;
}

export type Assigner = { hospitalId: string; departments: ReadonlySet<string> };

/**
 * Takes the locks of the departments the new complaints will be assigned in, when the hospital
 * assigns automatically; null when it does not (nothing is locked). Complaints already assigned
 * or without a department are left alone.
 */
export async function lockDepartments(tx: Tx, hospitalId: string, newComplaints: readonly ComplaintDoc[]): Promise<Assigner | null> {
  const ids = [...new Set(newComplaints.filter((c) => c.assigneeId === null && c.departmentId !== null).map((c) => c.departmentId ?? ''))].sort();
  if (ids.length === 0 || !(await autoAssignEnabled(tx, hospitalId))) return null;
  for (const id of ids) await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DEPARTMENT_LOCK_CLASS, id]);
  return { hospitalId, departments: new Set(ids) };
}

async function candidates(q: Queryable, hospitalId: string, departmentId: string): Promise<AssignmentCandidate[]> {
  const { rows } = await q.query<{ doc: StaffDoc }>(
    `SELECT doc FROM users WHERE hospital_id = $1 AND NOT deleted AND active AND role = ANY($2::text[]) AND doc->>'departmentId' = $3`,
    [hospitalId, ASSIGNABLE_ROLES, departmentId],
  );
  return rows.map(({ doc }) => ({ id: doc.id, role: doc.role, active: doc.active, departmentId: doc.departmentId }));
}

async function loads(q: Queryable, agentIds: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await q.query<{ assignee_id: string; n: number }>(
    `SELECT assignee_id, count(*)::int AS n FROM complaints
     WHERE assignee_id = ANY($1::text[]) AND NOT deleted AND status = ANY($2::text[]) GROUP BY assignee_id`,
    [agentIds, ACTIVE_STATUSES],
  );
  return new Map(rows.map((r) => [r.assignee_id, r.n]));
}

async function specialists(q: Queryable, hospitalId: string, category: string | null): Promise<string[]> {
  if (category === null) return [];
  const { rows } = await q.query<{ ids: string[] }>(
    `SELECT doc->'specialistIds' AS ids FROM categories
     WHERE hospital_id = $1 AND doc->>'code' = $2 AND NOT deleted AND (doc->>'active')::boolean`,
    [hospitalId, category],
  );
  return rows[0]?.ids ?? [];
}

/**
 * The complaint assigned to the chosen agent, with its `assigned` event (by the system, data.auto
 * true); unchanged and no event when it is not for automatic assignment or nobody is eligible.
 */
export async function autoAssign(
  tx: Tx,
  assigner: Assigner | null,
  doc: ComplaintDoc,
  now: number,
): Promise<{ doc: ComplaintDoc; events: TimelineEventDoc[] }> {
  const departmentId = doc.departmentId;
  if (!assigner || doc.assigneeId !== null || departmentId === null || !assigner.departments.has(departmentId)) return { doc, events: [] };
  const staff = await candidates(tx, doc.hospitalId, departmentId);
  const { rows } = await tx.query<{ last_agent_id: string }>('SELECT last_agent_id FROM assignment_cursors WHERE department_id = $1', [departmentId]);
  const agentId = chooseAssignee({
    departmentId,
    staff,
    load: await loads(tx, staff.map((s) => s.id)),
    specialistIds: await specialists(tx, doc.hospitalId, doc.category),
    cursor: rows[0]?.last_agent_id ?? null,
  });
  if (agentId === null) return { doc, events: [] };
  await tx.query(
    `INSERT INTO assignment_cursors (department_id, last_agent_id) VALUES ($1, $2)
     ON CONFLICT (department_id) DO UPDATE SET last_agent_id = EXCLUDED.last_agent_id`,
    [departmentId, agentId],
  );
  const event: TimelineEventDoc = {
    id: uuidv7(now),
    complaintId: doc.id,
    hospitalId: doc.hospitalId,
    type: 'assigned',
    at: Math.max(now, doc.createdAt),
    actorId: null,
    actorName: null,
    field: 'assigneeId',
    from: null,
    to: agentId,
    comment: null,
    visibility: 'internal',
    data: { auto: true },
  };
  return { doc: { ...doc, assigneeId: agentId }, events: [event] };
}
