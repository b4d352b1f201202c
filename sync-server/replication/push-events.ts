import type { TimelineEventDoc } from '../../shared/documents.ts';
import { sameValue } from '../../shared/merge.ts';
import type { PushRequest, PushResponse, WireDoc } from '../../shared/replication.ts';
import type { Tx } from '../db/pool.ts';
import { nextSeq } from '../db/replicated.ts';
import { forbidden } from '../http.ts';
import { readComplaints, readEvents, writeEvent, type EventRow } from '../complaints/store.ts';
import { requestRecheck } from '../sla/due.ts';
import { queueNotificationsForEvents } from '../notifications/enqueue.ts';
import { queueStatusChanges, type StatusChange } from '../notifications/status-changes.ts';

/**
 * Push of timeline events. Events are immutable: a new id is inserted once, a replay is a no-op,
 * and a different document under an existing id is answered with the stored one (a conflict).
 *
 * An event may arrive before its complaint (the two collections replicate independently), so a
 * missing complaint is accepted; a complaint of another hospital refuses the whole request (403).
 */
function strip(doc: WireDoc<'events'>): TimelineEventDoc {
  const { _deleted: _ignored, ...rest } = doc;
  return rest;
}

const wireOf = (row: EventRow): WireDoc<'events'> => ({ ...row.doc, _deleted: row.deleted });

export async function pushEvents(
  tx: Tx,
  hospitalId: string,
  request: PushRequest<'events'>,
  now: number,
): Promise<PushResponse<'events'>> {
  const incoming = request.rows.map((r) => r.newDocumentState);
  if (incoming.some((e) => e.hospitalId !== hospitalId)) throw forbidden();
  const ids = [...new Set(incoming.map((e) => e.id))];
  const existing = await readEvents(tx, ids);
  for (const row of existing.values()) if (row.hospitalId !== hospitalId) throw forbidden();
  const complaints = await readComplaints(tx, [...new Set(incoming.map((e) => e.complaintId))]);
  for (const row of complaints.values()) if (row.hospitalId !== hospitalId) throw forbidden();

  const fresh = incoming.filter((e) => !existing.has(e.id) && !e._deleted);
  if (fresh.length > 0) {
    // Under the seq lock no one else can insert: re-read so a concurrent push of the same event
    // is found rather than overwritten.
    await nextSeq(tx);
    const late = await readEvents(tx, fresh.map((e) => e.id));
    for (const [id, row] of late) {
      if (row.hospitalId !== hospitalId) throw forbidden();
      existing.set(id, row);
    }
  }

  const conflicts: WireDoc<'events'>[] = [];
  const inserted: TimelineEventDoc[] = [];
  for (const wire of incoming) {
    const stored = existing.get(wire.id);
    if (stored) {
      const answer = wireOf(stored);
      if (!sameValue(answer, wire)) conflicts.push(answer);
      continue;
    }
    if (wire._deleted) continue; // deleting an event the server never had
    const doc = strip(wire);
    await writeEvent(tx, doc);
    existing.set(doc.id, { hospitalId, doc, deleted: false });
    inserted.push(doc);
  }
  // Only what this push inserted: a replay or an echo queues nothing. New events are known only
  // under the seq lock (re-read above), so this runs after it; events whose complaint has not
  // arrived yet are planned when it does (push-complaints.ts). A status event tells the
  // complainant only if the stored complaint took that path (a lost edit's events do not).
  await queueNotificationsForEvents(tx, inserted, new Map(), now);
  await queueStatusChanges(tx, arrivedStatusChanges(inserted), now);
  await requestRecheck(tx, fresh.map((e) => e.complaintId));
  return { conflicts };
}

function arrivedStatusChanges(inserted: readonly TimelineEventDoc[]): StatusChange[] {
  const arrived = new Map<string, Set<string>>();
  for (const e of inserted) {
    if (e.type !== 'status_changed') continue;
    arrived.set(e.complaintId, (arrived.get(e.complaintId) ?? new Set()).add(e.id));
  }
  return [...arrived].map(([complaintId, ids]) => ({ complaintId, since: { arrived: ids } }));
}
