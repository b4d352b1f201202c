import { createHash } from 'node:crypto';
import type { StaffNotificationDoc } from '../../shared/documents.ts';
import { staffNotificationDocSchema } from '../../shared/documents.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { writeReplicated, writeReplicatedMany } from '../db/replicated.ts';
import { pick } from '../complaints/store.ts';
import type { NewStaffNotification } from './recipients.ts';

/**
 * Staff in-app notifications: the replicated collection `notifications` (table
 * `staff_notifications`), each row for one user. Written in the transaction of the change that
 * causes it, after the complaint locks (the seq lock is taken by the write, as for every
 * replicated row). Ids derive from the cause and the user, and an existing row is kept as it is,
 * so writing the same notification twice — a retried transaction, a replayed push, two callers —
 * leaves one row and never resets its `readAt`.
 */
export function staffNotificationId(causeId: string, userId: string): string {
  return `n_${createHash('sha256').update(`${causeId}\u0000${userId}`).digest('base64url').slice(0, 32)}`;
}

const KEYS = Object.keys(staffNotificationDocSchema.shape) as (keyof StaffNotificationDoc)[];

export const columnsOf = (doc: StaffNotificationDoc) => ({ user_id: doc.userId, complaint_id: doc.complaintId, created_at: doc.createdAt });

/** Writes new notifications (one per cause and user; repeats are no-ops). */
export async function notifyUsers(tx: Tx, rows: readonly NewStaffNotification[]): Promise<void> {
  const docs = new Map<string, StaffNotificationDoc>();
  for (const row of rows) {
    const doc: StaffNotificationDoc = { ...row, id: staffNotificationId(row.causeId, row.userId), readAt: null };
    docs.set(doc.id, staffNotificationDocSchema.parse(doc));
  }
  await writeReplicatedMany(
    tx,
    'notifications',
    [...docs.values()].map((doc) => ({ id: doc.id, hospitalId: doc.hospitalId, doc, columns: columnsOf(doc) })),
    { onConflict: 'nothing' },
  );
}

export type StoredNotification = { hospitalId: string; doc: StaffNotificationDoc; deleted: boolean };

export async function readNotifications(q: Queryable, ids: readonly string[]): Promise<Map<string, StoredNotification>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; hospital_id: string; doc: unknown; deleted: boolean }>(
    `SELECT id, hospital_id, doc, deleted FROM staff_notifications WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { hospitalId: r.hospital_id, doc: pick<StaffNotificationDoc>(r.doc, KEYS), deleted: r.deleted }]));
}

export async function writeNotification(tx: Tx, doc: StaffNotificationDoc): Promise<void> {
  await writeReplicated(tx, { collection: 'notifications', id: doc.id, hospitalId: doc.hospitalId, doc, columns: columnsOf(doc) });
}
