import { map, type Observable } from 'rxjs';
import type { StaffNotificationDoc } from '../../../shared/documents.ts';
import type { DeskSession } from '../../app/session.ts';
import type { DeskDatabase } from '../../db/database.ts';
import type { Outbox } from '../../sync/outbox.ts';
import { useObservable } from '../../ui/hooks.ts';

/** How many the bell's list shows; older ones stay in the database. */
export const LIST_LIMIT = 50;

/**
 * A user's notifications, newest first, live. The server sends a desk only its user's rows, but
 * a workstation shared by several people keeps what it pulled for each of them: the user filter
 * here is what keeps one person's notifications off the next one's screen.
 */
export function watchNotifications(db: DeskDatabase, userId: string): Observable<StaffNotificationDoc[]> {
  return db.notifications
    .find({ selector: { userId }, sort: [{ userId: 'asc' }, { createdAt: 'asc' }] })
    .$.pipe(map((docs) => docs.map((d) => d.toJSON() as StaffNotificationDoc).reverse()));
}

export function useMyNotifications(desk: DeskSession): StaffNotificationDoc[] {
  return useObservable(() => watchNotifications(desk.db, desk.user.id), [desk], []);
}

export const unreadCount = (docs: readonly StaffNotificationDoc[]) => docs.filter((d) => d.readAt === null).length;

/**
 * Marks one of the user's notifications read on this desk; replication pushes `readAt` (the one
 * field a desk may write; the server keeps the first time). Counted as unsynced work until pushed.
 */
export async function markRead(target: { db: DeskDatabase; outbox: Outbox; userId: string }, id: string, now: number): Promise<boolean> {
  const doc = await target.db.notifications.findOne(id).exec();
  if (!doc || doc.readAt !== null || doc.userId !== target.userId) return false;
  const updated = await doc.incrementalPatch({ readAt: now });
  target.outbox.record('notifications', updated.toJSON() as StaffNotificationDoc);
  return true;
}

export const targetOf = (desk: DeskSession) => ({ db: desk.db, outbox: desk.outbox, userId: desk.user.id });

export async function markAllRead(desk: DeskSession, docs: readonly StaffNotificationDoc[], now: number): Promise<void> {
  for (const d of docs) if (d.readAt === null) await markRead(targetOf(desk), d.id, now);
}
