import { createHash, randomBytes } from 'node:crypto';
import type { TimelineEventDoc } from '../../shared/documents.ts';
import type { EventType } from '../../shared/enums.ts';
import {
  DEFAULT_EXPLANATION_MAX_LEVEL,
  DEFAULT_EXPLANATION_REMINDER_HOURS_BEFORE,
  DEFAULT_EXPLANATION_RESPONSE_HOURS,
  explanationKey,
} from '../../shared/sla/explanation.ts';
import type { ExplanationActionKind } from '../../shared/sla/types.ts';
import { writeReplicatedMany } from '../db/replicated.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { slaEventId } from '../sla/event-ids.ts';

/**
 * Rows of `explanation_requests` (migration 004) and the timeline events they write. Lock order
 * as everywhere: the complaint row (FOR UPDATE) first, then the request row, then the seq lock
 * (taken by the event write, last). Event ids derive from `${requestId}:${kind}:${level}` and are
 * inserted with ON CONFLICT DO NOTHING, so an action can never be recorded twice.
 */
export const HOUR_MS = 3_600_000;
export const RESPONSE_MS = DEFAULT_EXPLANATION_RESPONSE_HOURS * HOUR_MS;
export const REMINDER_BEFORE_MS = DEFAULT_EXPLANATION_REMINDER_HOURS_BEFORE * HOUR_MS;
export const MAX_LEVEL = DEFAULT_EXPLANATION_MAX_LEVEL;

export type ExplanationStatus = 'pending' | 'answered' | 'expired' | 'escalated';

export type ExplanationRow = {
  id: string;
  complaintId: string;
  hospitalId: string;
  staffId: string;
  requestedBy: string;
  requestedAt: number;
  dueAt: number;
  reminderAt: number | null;
  reminded: boolean;
  expiresAt: number;
  status: ExplanationStatus;
  level: number;
  parentId: string | null;
};

/** 256 random bits for the link; only their SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A token-shaped string (43 base64url characters); anything else is not looked up at all. */
export function isTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type EventKind = ExplanationActionKind | 'explanation_requested' | 'explanation_received';

export function eventIdFor(requestId: string, kind: EventKind, level: number, at: number): string {
  return slaEventId(`${requestId}:${kind}:${level}`, 'event', at);
}

/** The id of the row an escalation creates: the same however often the escalation is attempted. */
export function escalatedRequestId(parentId: string, level: number, at: number): string {
  return slaEventId(explanationKey(parentId, 'explanation_escalation', level), 'status', at);
}

export function timesFor(requestedAt: number): { dueAt: number; reminderAt: number | null } {
  const dueAt = requestedAt + RESPONSE_MS;
  const reminderAt = dueAt - REMINDER_BEFORE_MS;
  return { dueAt, reminderAt: reminderAt > requestedAt ? reminderAt : null };
}

type RawRow = {
  id: string;
  complaint_id: string;
  hospital_id: string;
  staff_id: string;
  requested_by: string;
  requested_at: string;
  due_at: string;
  reminder_at: string | null;
  reminded: boolean;
  expires_at: string;
  status: ExplanationStatus;
  level: number;
  parent_id: string | null;
};

export const ROW_COLUMNS =
  'r.id, r.complaint_id, r.hospital_id, r.staff_id, r.requested_by, r.requested_at, r.due_at, r.reminder_at, r.reminded, r.expires_at, r.status, r.level, r.parent_id';

export function toRow(r: RawRow): ExplanationRow {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    hospitalId: r.hospital_id,
    staffId: r.staff_id,
    requestedBy: r.requested_by,
    requestedAt: Number(r.requested_at),
    dueAt: Number(r.due_at),
    reminderAt: r.reminder_at === null ? null : Number(r.reminder_at),
    reminded: r.reminded,
    expiresAt: Number(r.expires_at),
    status: r.status,
    level: r.level,
    parentId: r.parent_id,
  };
}

export type NewRequest = {
  id: string;
  complaintId: string;
  hospitalId: string;
  staffId: string;
  requestedBy: string;
  requestedAt: number;
  level: number;
  parentId: string | null;
  message: string | null;
  token: string;
};

/** Inserts the row (once: a replayed escalation finds its row there and does nothing). */
export async function insertRequest(tx: Tx, r: NewRequest): Promise<boolean> {
  const { dueAt, reminderAt } = timesFor(r.requestedAt);
  const { rowCount } = await tx.query(
    `INSERT INTO explanation_requests (id, complaint_id, hospital_id, staff_id, requested_by, requested_at, due_at,
       reminder_at, next_at, token_hash, expires_at, status, level, parent_id, message)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $7, 'pending', $11, $12, $13)
     ON CONFLICT DO NOTHING`,
    [r.id, r.complaintId, r.hospitalId, r.staffId, r.requestedBy, r.requestedAt, dueAt, reminderAt, reminderAt ?? dueAt,
      tokenHash(r.token), r.level, r.parentId, r.message],
  );
  if ((rowCount ?? 0) > 0) await tx.query(`SELECT pg_notify($1, '')`, [EXPLANATION_CHANNEL]);
  return (rowCount ?? 0) > 0;
}

/** Woken at commit when a request (and so possibly an earlier due time) appears. */
export const EXPLANATION_CHANNEL = 'explanation_due_changed';

export async function findByToken(q: Queryable, token: string, forUpdate = false): Promise<ExplanationRow | null> {
  if (!isTokenShaped(token)) return null;
  const { rows } = await q.query<RawRow>(
    `SELECT ${ROW_COLUMNS} FROM explanation_requests r WHERE r.token_hash = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [tokenHash(token)],
  );
  const row = rows[0];
  return row ? toRow(row) : null;
}

export async function lockRequest(tx: Tx, id: string): Promise<ExplanationRow | null> {
  const { rows } = await tx.query<RawRow>(`SELECT ${ROW_COLUMNS} FROM explanation_requests r WHERE r.id = $1 FOR UPDATE`, [id]);
  const row = rows[0];
  return row ? toRow(row) : null;
}

export type EventSpec = {
  id: string;
  complaintId: string;
  hospitalId: string;
  type: EventType;
  at: number;
  actorId: string | null;
  actorName: string | null;
  comment: string | null;
  data: Record<string, unknown>;
};

/** Internal timeline events, each written once by id (a replay is a no-op). */
export async function writeInternalEvents(tx: Tx, specs: readonly EventSpec[]): Promise<void> {
  const docs: TimelineEventDoc[] = specs.map((s) => ({ ...s, field: null, from: null, to: null, visibility: 'internal' }));
  await writeReplicatedMany(
    tx,
    'events',
    docs.map((e) => ({
      id: e.id,
      hospitalId: e.hospitalId,
      doc: e,
      columns: { complaint_id: e.complaintId, type: e.type, at: e.at, visibility: e.visibility },
    })),
    { onConflict: 'nothing' },
  );
}

export async function earliestNext(q: Queryable): Promise<number | null> {
  // Only requests the claim query can reach (a request without its complaint row would otherwise
  // look due forever).
  const { rows } = await q.query<{ at: string | null }>(
    `SELECT min(r.next_at) AS at FROM explanation_requests r JOIN complaints c ON c.id = r.complaint_id WHERE r.status = 'pending'`,
  );
  const at = rows[0]?.at ?? null;
  return at === null ? null : Number(at);
}

export function explanationKeyOf(requestId: string, kind: ExplanationActionKind, level: number): string {
  return explanationKey(requestId, kind, level);
}
