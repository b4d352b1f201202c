import type { StaffNotificationDoc } from '../../shared/documents.ts';
import { sameValue } from '../../shared/merge.ts';
import type { PushRequest, PushResponse, WireDoc } from '../../shared/replication.ts';
import type { Tx } from '../db/pool.ts';
import { nextSeq } from '../db/replicated.ts';
import { readNotifications, writeNotification, type StoredNotification } from './store.ts';

/**
 * A desk's push of its user's notifications: only `readAt` is taken, only on the user's own
 * notifications, and only from unread to read (the first time it was opened wins; a row stays
 * read). Everything else is the server's. A row that is not the caller's — another user's, of
 * another hospital, or unknown — is neither written nor answered: nothing about it leaves the
 * server, and a desk shared by several users does not stall on rows it pulled for someone else.
 * Rows it did not take as sent come back with the server's state (RxDB adopts it).
 */
const wireOf = (doc: StaffNotificationDoc, deleted: boolean): WireDoc<'notifications'> => ({ ...doc, _deleted: deleted });

function mine(stored: StoredNotification | undefined, hospitalId: string, userId: string): stored is StoredNotification {
  return stored !== undefined && stored.hospitalId === hospitalId && stored.doc.userId === userId;
}

function merged(stored: StaffNotificationDoc, incoming: WireDoc<'notifications'>): StaffNotificationDoc {
  return stored.readAt === null && incoming.readAt !== null ? { ...stored, readAt: incoming.readAt } : stored;
}

export async function pushNotifications(
  tx: Tx,
  hospitalId: string,
  userId: string,
  request: PushRequest<'notifications'>,
): Promise<PushResponse<'notifications'>> {
  const incoming = request.rows.map((r) => r.newDocumentState);
  const ids = [...new Set(incoming.map((d) => d.id))];
  let stored = await readNotifications(tx, ids);
  const needsWrite = incoming.some((d) => {
    const s = stored.get(d.id);
    return mine(s, hospitalId, userId) && merged(s.doc, d) !== s.doc;
  });
  if (needsWrite) {
    // Every writer of this table holds the seq lock: read again under it so two desks of the same
    // user marking the same row agree on the first.
    await nextSeq(tx);
    stored = await readNotifications(tx, ids);
  }
  const conflicts: WireDoc<'notifications'>[] = [];
  for (const wire of incoming) {
    const s = stored.get(wire.id);
    if (!mine(s, hospitalId, userId)) continue;
    const next = merged(s.doc, wire);
    if (next !== s.doc) {
      await writeNotification(tx, next);
      stored.set(next.id, { ...s, doc: next });
    }
    const answer = wireOf(next, s.deleted);
    if (!sameValue(answer, wire)) conflicts.push(answer);
  }
  return { conflicts };
}
