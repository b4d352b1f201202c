import type { SessionUser } from '../../shared/api.ts';
import type { ComplaintActor } from '../../shared/complaint-access.ts';
import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { sameValue } from '../../shared/merge.ts';
import type { PushRequest, PushResponse, WireDoc } from '../../shared/replication.ts';
import type { Tx } from '../db/pool.ts';
import { nextSeq } from '../db/replicated.ts';
import { HttpError, forbidden } from '../http.ts';
import { isLeasedTo } from '../complaints/references.ts';
import { complaintActorOf } from '../complaints/access.ts';
import { dueAtOf, slaContext } from '../complaints/sla.ts';
import { lockComplaints, readComplaints, writeComplaint, writeNewEvents, type ComplaintRow } from '../complaints/store.ts';
import { acceptNewComplaint, applyDeskEdit } from './complaint-merge.ts';
import { refreshSchedules } from '../sla/due.ts';
import { queueNotificationsForEvents } from '../notifications/enqueue.ts';
import { queueStatusChanges, type StatusChange } from '../notifications/status-changes.ts';
import { autoAssign, lockDepartments } from '../assignment/auto.ts';

/**
 * Push of complaints from a desk of `hospitalId` (protocol in shared/replication.ts).
 *
 * Order of locks, so that pushes, API writes and the scheduler never deadlock: the rows that
 * exist are locked first (FOR UPDATE, id order), then the seq lock is taken (by the first write,
 * or explicitly when the push inserts). Under the seq lock nothing replicated can change, so rows
 * that appeared since the first read (a concurrent insert of the same complaint) are read again
 * and merged like any existing row.
 *
 * Anything touching another hospital refuses the whole request (403) before anything is written,
 * so the answer never carries another hospital's document. A change of an existing complaint
 * that the pushing user's role may not make (shared/complaint-access.ts) is a lost edit, like a
 * clash: the server's value stays, a `conflict_resolved` event records it, the answer carries
 * the server's state. A new complaint already moved on offline (assigned, resolved) is judged
 * the same way, as a change of the complaint as it was taken (complaint-merge.ts).
 */
type Incoming = { assumed: ComplaintDoc | null; incoming: ComplaintDoc; deleted: boolean; wire: WireDoc<'complaints'> };

function strip(doc: WireDoc<'complaints'>): ComplaintDoc {
  const { _deleted: _ignored, ...rest } = doc;
  return rest;
}

const wireOf = (row: ComplaintRow): WireDoc<'complaints'> => ({ ...row.doc, _deleted: row.deleted });

async function checkNewRow(tx: Tx, hospitalId: string, doc: ComplaintDoc): Promise<void> {
  if (doc.hospitalId !== hospitalId) throw forbidden();
  if (!(await isLeasedTo(tx, doc.referenceNumber, hospitalId))) {
    throw new HttpError(403, { error: 'reference_not_leased', referenceNumber: doc.referenceNumber });
  }
}

async function checkReferenceFree(tx: Tx, doc: ComplaintDoc): Promise<void> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM complaints WHERE reference_number = $1 AND id <> $2', [
    doc.referenceNumber,
    doc.id,
  ]);
  // Only possible when a desk reuses a number (a cloned install): refuse rather than overwrite.
  if (rows.length > 0) throw new HttpError(409, { error: 'reference_taken', referenceNumber: doc.referenceNumber });
}

export async function pushComplaints(
  tx: Tx,
  hospitalId: string,
  request: PushRequest<'complaints'>,
  now: number,
  user: Pick<SessionUser, 'id' | 'role'>,
): Promise<PushResponse<'complaints'>> {
  const rows: Incoming[] = request.rows.map((r) => ({
    assumed: r.assumedMasterState ? strip(r.assumedMasterState) : null,
    incoming: strip(r.newDocumentState),
    deleted: r.newDocumentState._deleted,
    wire: r.newDocumentState,
  }));
  const ids = [...new Set(rows.map((r) => r.incoming.id))];
  const state = await lockComplaints(tx, ids);
  for (const row of state.values()) if (row.hospitalId !== hospitalId) throw forbidden();

  const fresh = rows.filter((r) => !state.has(r.incoming.id) && !r.deleted);
  for (const r of fresh) await checkNewRow(tx, hospitalId, r.incoming);
  // Automatic assignment's department locks: after the complaint rows, before the seq lock.
  const assigner = await lockDepartments(tx, hospitalId, fresh.map((r) => r.incoming));
  if (fresh.length > 0) {
    await nextSeq(tx); // the seq lock: from here on no other writer can insert these ids
    const late = await readComplaints(tx, fresh.map((r) => r.incoming.id));
    for (const [id, row] of late) {
      if (row.hospitalId !== hospitalId) throw forbidden();
      state.set(id, row);
    }
    for (const r of fresh) if (!state.has(r.incoming.id)) await checkReferenceFree(tx, r.incoming);
  }

  const sla = await slaContext(tx, hospitalId);
  const dueAt = (doc: ComplaintDoc) => dueAtOf(doc, sla);
  const conflicts: WireDoc<'complaints'>[] = [];
  const events: TimelineEventDoc[] = [];
  const inserted = new Map<string, ComplaintDoc>();
  let actor: ComplaintActor | null = null;
  const statusChanges: StatusChange[] = [];
  for (const r of rows) {
    const current = state.get(r.incoming.id);
    let result: ComplaintRow;
    if (!current) {
      if (r.deleted) continue; // a desk deleting what the server never had: nothing to do
      actor ??= await complaintActorOf(tx, user);
      const accepted = acceptNewComplaint(r.incoming, { deskId: request.deskId, now, dueAt, actor });
      const auto = await autoAssign(tx, assigner, accepted.doc, now);
      const doc = auto.doc;
      events.push(...accepted.conflictEvents, ...auto.events);
      const seq = await writeComplaint(tx, doc);
      inserted.set(doc.id, doc);
      statusChanges.push({ complaintId: doc.id, since: { from: null } });
      result = { hospitalId, doc, deleted: false, seq };
    } else if (current.deleted || r.deleted) {
      // Complaints are never deleted from a desk; a tombstone stays a tombstone.
      result = current;
    } else {
      actor ??= await complaintActorOf(tx, user);
      const edit = applyDeskEdit(current.doc, r.assumed, r.incoming, { deskId: request.deskId, now, dueAt, actor });
      events.push(...edit.conflictEvents);
      result = edit.changed ? { ...current, doc: edit.next, seq: await writeComplaint(tx, edit.next) } : current;
      if (edit.next.status !== current.doc.status) statusChanges.push({ complaintId: current.doc.id, since: { from: current.doc.status } });
    }
    state.set(r.incoming.id, result);
    const answer = wireOf(result);
    if (!sameValue(answer, r.wire)) conflicts.push(answer);
  }
  await writeNewEvents(tx, events);
  await queueForArrivedComplaints(tx, inserted, now);
  // The stored status moved (or a complaint arrived): the status events already in that took it
  // there tell the complainant; events still to come are planned when they arrive (push-events.ts).
  await queueStatusChanges(tx, statusChanges, now, new Map([...state].map(([id, row]) => [id, row.doc])));
  await refreshSchedules(tx, [...state.values()].filter((r) => !r.deleted).map((r) => r.doc));
  return { conflicts };
}

/**
 * A desk pushes a complaint and its events separately, in either order. Events that arrived
 * first could not be addressed then (push-events.ts); they are planned now, with the complaint
 * (status events by queueStatusChanges). Planning is keyed by event, so events already planned
 * queue nothing again.
 */
async function queueForArrivedComplaints(tx: Tx, inserted: ReadonlyMap<string, ComplaintDoc>, now: number): Promise<void> {
  if (inserted.size === 0) return;
  const { rows } = await tx.query<{ doc: TimelineEventDoc }>(
    `SELECT doc FROM events WHERE complaint_id = ANY($1::text[]) AND NOT deleted AND type IN ('created', 'assigned') ORDER BY at, seq`,
    [[...inserted.keys()]],
  );
  await queueNotificationsForEvents(tx, rows.map((r) => r.doc), inserted, now);
}
