import type { SessionUser } from '../../shared/api.ts';
import type { ComplaintDoc } from '../../shared/documents.ts';
import type { Role } from '../../shared/enums.ts';
import { refusedChange, type ComplaintActor, type RoleRuledField } from '../../shared/complaint-access.ts';
import type { Queryable } from '../db/pool.ts';
import { HttpError } from '../http.ts';

/**
 * The role rule of complaint changes (shared/complaint-access.ts) on the server. The role and
 * department are read from the directory, not the token: a user moved or demoted since logging
 * in is held to what they are now.
 */
export async function complaintActorOf(q: Queryable, user: Pick<SessionUser, 'id' | 'role'>): Promise<ComplaintActor> {
  const { rows } = await q.query<{ role: string; department_id: string | null }>(
    `SELECT role, doc->>'departmentId' AS department_id FROM users WHERE id = $1 AND NOT deleted`,
    [user.id],
  );
  const row = rows[0];
  // The column's CHECK keeps it one of the roles.
  const role = (row?.role as Role | undefined) ?? user.role;
  return { id: user.id, role, departmentId: row?.department_id ?? null };
}

/** 403 `{error:'role_forbids', field, reason}` when the API caller may not make this change. */
function check(actor: ComplaintActor, before: ComplaintDoc, field: RoleRuledField, value: unknown): void {
  const reason = refusedChange(actor, before, field, value);
  if (reason) throw new HttpError(403, { error: 'role_forbids', field, reason });
}

/**
 * The API's requests are held to the rule before anything is written; the server's own writers
 * (SLA escalations, the demo loader replaying history) are not requests and are not.
 */
export async function checkPatchAllowed(q: Queryable, user: SessionUser, doc: ComplaintDoc, patch: Partial<Pick<ComplaintDoc, 'priority' | 'assigneeId'>>): Promise<void> {
  const fields = (['priority', 'assigneeId'] as const).filter((f) => patch[f] !== undefined && patch[f] !== doc[f]);
  if (fields.length === 0) return;
  const actor = await complaintActorOf(q, user);
  for (const f of fields) check(actor, doc, f, patch[f]);
}

export async function checkTransitionAllowed(q: Queryable, user: SessionUser, doc: ComplaintDoc, to: ComplaintDoc['status']): Promise<void> {
  if (to !== doc.status) check(await complaintActorOf(q, user), doc, 'status', to);
}
