import { managerChain } from '../../shared/sla/explanation.ts';
import { staffDocSchema, type StaffDoc } from '../../shared/documents.ts';
import type { Pool, Queryable, Tx } from '../db/pool.ts';
import { withTxRetry } from '../complaints/tx.ts';
import { queueNotifications } from '../notifications/enqueue.ts';
import {
  escalatedRequestId,
  eventIdFor,
  explanationKeyOf,
  insertRequest,
  MAX_LEVEL,
  newToken,
  ROW_COLUMNS,
  timesFor,
  toRow,
  writeInternalEvents,
  type EventSpec,
  type ExplanationRow,
} from './store.ts';

/**
 * One claim-and-fire transaction of the explanation service. Claims due pending requests by
 * locking their complaints `FOR UPDATE OF c SKIP LOCKED` (the complaint lock is the claim, taken
 * first as every writer takes it), then locks the request rows and re-reads them: a request
 * answered or fired by someone else meanwhile is no longer due and is left alone.
 *
 *   reminder (at dueAt − 12 h, once):  sla_reminder event (internal, data.key `${id}:explanation_reminder:${level}`)
 *   expiry (at dueAt, no answer):      the row becomes `escalated` and the holder's nearest active
 *                                      manager gets a new request (level + 1, new token, parent_id),
 *                                      with an explanation_requested event {escalatedFrom, level};
 *                                      at the maximum level, or with no manager, the row becomes `expired`
 *                                      and an sla_overdue event records it.
 */
export type IssuedLink = { requestId: string; complaintId: string; staffId: string; level: number; token: string; dueAt: number };

export type FireResult = { claimed: number; issued: IssuedLink[] };

async function staffOf(q: Queryable, hospitalId: string): Promise<StaffDoc[]> {
  const { rows } = await q.query<{ doc: unknown }>(
    'SELECT doc FROM users WHERE (hospital_id = $1 OR hospital_id IS NULL) AND NOT deleted',
    [hospitalId],
  );
  return rows.flatMap((r) => {
    const parsed = staffDocSchema.safeParse(r.doc);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function fireDue(pool: Pool, now: number, limit: number): Promise<FireResult> {
  return withTxRetry(pool, async (tx) => {
    const { rows: claimed } = await tx.query<{ id: string }>(
      `SELECT r.id FROM explanation_requests r JOIN complaints c ON c.id = r.complaint_id
       WHERE r.status = 'pending' AND r.next_at <= $1
       ORDER BY c.id, r.id LIMIT $2 FOR UPDATE OF c SKIP LOCKED`,
      [now, limit],
    );
    if (claimed.length === 0) return { claimed: 0, issued: [] };
    const { rows } = await tx.query<Parameters<typeof toRow>[0]>(
      `SELECT ${ROW_COLUMNS} FROM explanation_requests r WHERE r.id = ANY($1::text[]) ORDER BY r.id FOR UPDATE`,
      [claimed.map((c) => c.id)],
    );
    const events: EventSpec[] = [];
    const issued: IssuedLink[] = [];
    const staffByHospital = new Map<string, StaffDoc[]>();
    for (const row of rows.map(toRow)) {
      if (row.status !== 'pending') continue;
      if (!row.reminded && row.reminderAt !== null && row.reminderAt <= now) {
        events.push(reminderEvent(row, now));
        await tx.query('UPDATE explanation_requests SET reminded = true, next_at = due_at WHERE id = $1', [row.id]);
      }
      if (row.dueAt > now) continue;
      let staff = staffByHospital.get(row.hospitalId);
      if (!staff) {
        staff = await staffOf(tx, row.hospitalId);
        staffByHospital.set(row.hospitalId, staff);
      }
      const manager = row.level < MAX_LEVEL ? (managerChain(row.staffId, staff, 1)[0] ?? null) : null;
      if (manager === null) {
        await tx.query(`UPDATE explanation_requests SET status = 'expired', next_at = NULL WHERE id = $1`, [row.id]);
        events.push(expiredEvent(row, now));
        continue;
      }
      const link = await escalate(tx, row, manager);
      if (link) {
        issued.push(link);
        events.push(escalationEvent(row, link, now));
      }
    }
    // The manager's e-mail with the new link, in this transaction and before the seq lock.
    await queueNotifications(
      tx,
      issued.map((l) => ({ kind: 'explanation', causeId: l.requestId, complaintId: l.complaintId, staffId: l.staffId, token: l.token, dueAt: l.dueAt, message: null })),
      new Map(),
      now,
    );
    // The seq lock last, after every read and row update.
    await writeInternalEvents(tx, events);
    return { claimed: claimed.length, issued };
  });
}

async function escalate(tx: Tx, row: ExplanationRow, managerId: string): Promise<IssuedLink | null> {
  const level = row.level + 1;
  const id = escalatedRequestId(row.id, level, row.dueAt);
  const token = newToken();
  // The new level starts when the previous one expired (not when the service got round to it),
  // so a late firing after downtime does not lengthen the chain.
  const inserted = await insertRequest(tx, {
    id,
    complaintId: row.complaintId,
    hospitalId: row.hospitalId,
    staffId: managerId,
    requestedBy: row.requestedBy,
    requestedAt: row.dueAt,
    level,
    parentId: row.id,
    message: null,
    token,
  });
  await tx.query(`UPDATE explanation_requests SET status = 'escalated', next_at = NULL WHERE id = $1`, [row.id]);
  return inserted ? { requestId: id, complaintId: row.complaintId, staffId: managerId, level, token, dueAt: timesFor(row.dueAt).dueAt } : null;
}

function base(row: ExplanationRow, at: number): Pick<EventSpec, 'complaintId' | 'hospitalId' | 'at' | 'actorId' | 'actorName'> {
  return { complaintId: row.complaintId, hospitalId: row.hospitalId, at, actorId: null, actorName: null };
}

function reminderEvent(row: ExplanationRow, now: number): EventSpec {
  const at = row.reminderAt ?? now;
  return {
    ...base(row, now),
    id: eventIdFor(row.id, 'explanation_reminder', row.level, at),
    type: 'sla_reminder',
    comment: null,
    data: { key: explanationKeyOf(row.id, 'explanation_reminder', row.level), explanationId: row.id, staffId: row.staffId, level: row.level, scheduledAt: at, dueAt: row.dueAt },
  };
}

function expiredEvent(row: ExplanationRow, now: number): EventSpec {
  return {
    ...base(row, now),
    id: eventIdFor(row.id, 'explanation_overdue', row.level, row.dueAt),
    type: 'sla_overdue',
    comment: null,
    data: { key: explanationKeyOf(row.id, 'explanation_overdue', row.level), explanationId: row.id, staffId: row.staffId, level: row.level, scheduledAt: row.dueAt },
  };
}

function escalationEvent(row: ExplanationRow, link: IssuedLink, now: number): EventSpec {
  return {
    ...base(row, now),
    id: eventIdFor(row.id, 'explanation_escalation', link.level, row.dueAt),
    type: 'explanation_requested',
    comment: null,
    data: {
      key: explanationKeyOf(row.id, 'explanation_escalation', link.level),
      explanationId: link.requestId,
      escalatedFrom: row.id,
      staffId: link.staffId,
      level: link.level,
      dueAt: link.dueAt,
    },
  };
}
