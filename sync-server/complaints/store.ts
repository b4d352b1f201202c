import type { ComplaintDoc, SlaConfigDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { complaintDocSchema, slaConfigDocSchema, timelineEventDocSchema } from '../../shared/documents.ts';
import { parseReference } from '../../shared/reference-number.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { writeReplicated } from '../db/replicated.ts';

/**
 * Reading and writing complaint and event rows. Writes go through `writeReplicated` so every
 * change gets a commit-ordered seq and reaches the desks of its hospital.
 */

export type ComplaintRow = { hospitalId: string; doc: ComplaintDoc; deleted: boolean; seq: number };

type RawRow = { id: string; hospital_id: string; doc: unknown; deleted: boolean; seq: number };

// Stored documents were validated on the way in; picking the schema's keys keeps stray keys
// (from an older version, or a hand edit) off the wire without re-validating every row.
const COMPLAINT_KEYS = Object.keys(complaintDocSchema.shape) as (keyof ComplaintDoc)[];
const EVENT_KEYS = Object.keys(timelineEventDocSchema.shape) as (keyof TimelineEventDoc)[];

export function pick<T>(doc: unknown, keys: readonly (keyof T)[]): T {
  const source = (doc ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k as string] = source[k as string] ?? null;
  return out as T;
}

function toRow(r: RawRow): ComplaintRow {
  return { hospitalId: r.hospital_id, doc: pick<ComplaintDoc>(r.doc, COMPLAINT_KEYS), deleted: r.deleted, seq: r.seq };
}

/** Locks the rows that exist (in id order, so two pushes never deadlock on each other). */
export async function lockComplaints(tx: Tx, ids: readonly string[]): Promise<Map<string, ComplaintRow>> {
  const { rows } = await tx.query<RawRow>(
    `SELECT id, hospital_id, doc, deleted, seq FROM complaints WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, toRow(r)]));
}

export async function readComplaints(q: Queryable, ids: readonly string[]): Promise<Map<string, ComplaintRow>> {
  const { rows } = await q.query<RawRow>(
    `SELECT id, hospital_id, doc, deleted, seq FROM complaints WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, toRow(r)]));
}

/** Finds a complaint by id or by reference number (any letter case), optionally locking it. */
export async function findComplaint(q: Queryable, idOrReference: string, forUpdate = false): Promise<ComplaintRow | null> {
  const ref = parseReference(idOrReference);
  const column = ref ? 'reference_number' : 'id';
  const value = ref ? idOrReference.trim().toUpperCase() : idOrReference;
  const { rows } = await q.query<RawRow>(
    `SELECT id, hospital_id, doc, deleted, seq FROM complaints WHERE ${column} = $1 AND NOT deleted${forUpdate ? ' FOR UPDATE' : ''}`,
    [value],
  );
  const row = rows[0];
  return row ? toRow(row) : null;
}

export function complaintColumns(doc: ComplaintDoc): Record<string, unknown> {
  return {
    reference_number: doc.referenceNumber,
    status: doc.status,
    priority: doc.priority,
    severity: doc.severity,
    source_code: doc.sourceCode,
    department_id: doc.departmentId,
    assignee_id: doc.assigneeId,
    due_at: doc.dueAt,
    overdue: doc.overdue,
    created_at: doc.createdAt,
    updated_at: doc.updatedAt,
    title: doc.title,
    complainant_name: doc.complainant.name,
    complainant_phone: doc.complainant.phone,
    tracking_secret: doc.trackingSecret,
  };
}

export function writeComplaint(tx: Tx, doc: ComplaintDoc): Promise<number> {
  return writeReplicated(tx, {
    collection: 'complaints',
    id: doc.id,
    hospitalId: doc.hospitalId,
    doc,
    columns: complaintColumns(doc),
  });
}

export function writeEvent(tx: Tx, event: TimelineEventDoc): Promise<number> {
  return writeReplicated(tx, {
    collection: 'events',
    id: event.id,
    hospitalId: event.hospitalId,
    doc: event,
    columns: { complaint_id: event.complaintId, type: event.type, at: event.at, visibility: event.visibility },
  });
}

export type EventRow = { hospitalId: string; doc: TimelineEventDoc; deleted: boolean };

export async function readEvents(q: Queryable, ids: readonly string[]): Promise<Map<string, EventRow>> {
  const { rows } = await q.query<RawRow>(
    `SELECT id, hospital_id, doc, deleted, seq FROM events WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [r.id, { hospitalId: r.hospital_id, doc: pick<TimelineEventDoc>(r.doc, EVENT_KEYS), deleted: r.deleted }]),
  );
}

/** Writes the events that do not exist yet; an event, once written, never changes. */
export async function writeNewEvents(tx: Tx, events: readonly TimelineEventDoc[]): Promise<number> {
  if (events.length === 0) return 0;
  const existing = await readEvents(tx, events.map((e) => e.id));
  let written = 0;
  for (const e of events) {
    if (existing.has(e.id)) continue;
    await writeEvent(tx, e);
    written++;
  }
  return written;
}

/** A complaint's timeline, oldest first; events of the same moment in the order they were written. */
export async function timelineOf(q: Queryable, complaintId: string, hospitalId: string): Promise<TimelineEventDoc[]> {
  const { rows } = await q.query<{ doc: unknown }>(
    `SELECT doc FROM events WHERE complaint_id = $1 AND hospital_id = $2 AND NOT deleted ORDER BY at, seq`,
    [complaintId, hospitalId],
  );
  return rows.map((r) => pick<TimelineEventDoc>(r.doc, EVENT_KEYS));
}

const SLA_KEYS = Object.keys(slaConfigDocSchema.shape) as (keyof SlaConfigDoc)[];

export async function slaConfigsOf(q: Queryable, hospitalId: string): Promise<SlaConfigDoc[]> {
  const { rows } = await q.query<{ doc: unknown }>(
    `SELECT doc FROM sla_configs WHERE hospital_id = $1 AND NOT deleted`,
    [hospitalId],
  );
  return rows.map((r) => pick<SlaConfigDoc>(r.doc, SLA_KEYS));
}
