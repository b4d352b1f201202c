import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { complaintDocSchema, timelineEventDocSchema } from '../../shared/documents.ts';
import type { NotificationCause } from '../../shared/notifications/plan.ts';
import { pick } from '../complaints/store.ts';
import type { Tx } from '../db/pool.ts';
import { queueNotifications } from './enqueue.ts';
import { newSteps, statusCause, statusPath, type StatusChangeSince } from './status-path.ts';

/**
 * Queues the messages of the status changes a write made real (status-path.ts says which). Every
 * writer that changes a stored status or inserts status events calls it after its writes, or with
 * the events it is about to write as `unsaved`:
 * - a complaint push that changed a stored status or inserted a complaint (`{ from }`),
 * - an event push that inserted status events into an existing complaint (`{ arrived }`),
 * - an API transition (`{ from }`, its new event unsaved).
 * Complaint pushes and event pushes of one complaint are serialized by the seq lock (both hold
 * it when they get here), so whichever comes second sees the other's rows: a change is planned
 * once both its complaint and its events are in, whatever their order.
 */
export type StatusChange = { complaintId: string; since: StatusChangeSince };

const COMPLAINT_KEYS = Object.keys(complaintDocSchema.shape) as (keyof ComplaintDoc)[];
const EVENT_KEYS = Object.keys(timelineEventDocSchema.shape) as (keyof TimelineEventDoc)[];

export async function queueStatusChanges(
  tx: Tx,
  changes: readonly StatusChange[],
  now: number,
  known: ReadonlyMap<string, ComplaintDoc> = new Map(),
  unsaved: readonly TimelineEventDoc[] = [],
): Promise<void> {
  if (changes.length === 0) return;
  const ids = [...new Set(changes.map((c) => c.complaintId))];
  const { rows } = await tx.query<{ kind: 'complaint' | 'event'; id: string; doc: unknown }>(
    `SELECT 'complaint' AS kind, id, doc FROM complaints WHERE id = ANY($1::text[]) AND NOT deleted
     UNION ALL
     SELECT 'event', complaint_id, doc FROM events WHERE complaint_id = ANY($2::text[]) AND type = 'status_changed' AND NOT deleted`,
    [ids.filter((id) => !known.has(id)), ids],
  );
  const docs = new Map(known);
  const events = new Map<string, Map<string, TimelineEventDoc>>();
  const addEvent = (e: TimelineEventDoc) => {
    const of = events.get(e.complaintId) ?? new Map<string, TimelineEventDoc>();
    of.set(e.id, e);
    events.set(e.complaintId, of);
  };
  for (const r of rows) {
    if (r.kind === 'complaint') docs.set(r.id, pick<ComplaintDoc>(r.doc, COMPLAINT_KEYS));
    else addEvent(pick<TimelineEventDoc>(r.doc, EVENT_KEYS));
  }
  for (const e of unsaved) if (e.type === 'status_changed') addEvent(e);

  const causes: NotificationCause[] = [];
  for (const change of changes) {
    const doc = docs.get(change.complaintId);
    if (!doc) continue; // not arrived yet: planned when it does
    const path = statusPath(doc.status, [...(events.get(doc.id)?.values() ?? [])]);
    for (const step of newSteps(path, change.since)) causes.push(statusCause(doc.id, step));
  }
  await queueNotifications(tx, causes, docs, now);
}
