import type { CalendarDoc, EscalationRuleDoc, SlaConfigDoc } from '../../shared/documents.ts';
import { calendarDocSchema, escalationRuleDocSchema, slaConfigDocSchema } from '../../shared/documents.ts';
import type { CollectionName } from '../../shared/replication.ts';
import { ACTIVE_STATUSES } from '../../shared/workflow.ts';
import { sourceExists, staffForHospital } from '../complaints/lookups.ts';
import { pick } from '../complaints/store.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { TABLES, writeReplicated } from '../db/replicated.ts';
import { DUE_CHANNEL } from './due.ts';

/**
 * Changing the SLA configuration of a hospital (used by routes/sla-admin.ts): the replicated write
 * (desks receive it), a row in `sla_changes` (who, when, what), and every open complaint of the
 * hospital handed to the scheduler to recompute with the new configuration.
 */
export type SlaDoc = SlaConfigDoc | EscalationRuleDoc | CalendarDoc;
export type SlaResource<D extends SlaDoc> = {
  collection: CollectionName;
  /** Validates a whole document; unknown keys are refused. */
  parse(value: unknown): D;
  keys: readonly (keyof D)[];
  /** Field errors the schema cannot see (references to other rows). */
  check(q: Queryable, doc: D): Promise<Record<string, string>>;
};


export const slaConfigResource: SlaResource<SlaConfigDoc> = {
  collection: 'slaConfigs',
  parse: (v) => slaConfigDocSchema.strict().parse(v),
  keys: Object.keys(slaConfigDocSchema.shape) as (keyof SlaConfigDoc)[],
  async check(q, doc) {
    const fields: Record<string, string> = {};
    if (doc.sourceCode !== null && !(await sourceExists(q, doc.sourceCode))) fields.sourceCode = 'unknown';
    return fields;
  },
};

export const escalationRuleResource: SlaResource<EscalationRuleDoc> = {
  collection: 'escalationRules',
  parse: (v) => escalationRuleDocSchema.strict().parse(v),
  keys: Object.keys(escalationRuleDocSchema.shape) as (keyof EscalationRuleDoc)[],
  async check(q, doc) {
    const fields: Record<string, string> = {};
    if (doc.level > doc.maxLevel) fields.level = 'above_max_level';
    if (doc.targetRole === 'named_user') {
      if (doc.targetUserId === null) fields.targetUserId = 'required';
      else if (!(await staffForHospital(q, doc.targetUserId, doc.hospitalId))) fields.targetUserId = 'unknown';
    }
    return fields;
  },
};

export const calendarResource: SlaResource<CalendarDoc> = {
  collection: 'calendars',
  parse: (v) => calendarDocSchema.strict().parse(v),
  keys: Object.keys(calendarDocSchema.shape) as (keyof CalendarDoc)[],
  async check(_q, doc) {
    const fields: Record<string, string> = {};
    try {
      new Intl.DateTimeFormat('en', { timeZone: doc.timezone });
    } catch {
      fields.timezone = 'unknown';
    }
    return fields;
  },
};

export type StoredSlaDoc<D extends SlaDoc> = { doc: D; deleted: boolean };

export async function readSlaDoc<D extends SlaDoc>(q: Queryable, r: SlaResource<D>, id: string, forUpdate = false): Promise<StoredSlaDoc<D> | null> {
  const { rows } = await q.query<{ doc: unknown; deleted: boolean }>(
    `SELECT doc, deleted FROM ${TABLES[r.collection]} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  return row ? { doc: pick<D>(row.doc, r.keys), deleted: row.deleted } : null;
}

export async function listSlaDocs<D extends SlaDoc>(q: Queryable, r: SlaResource<D>, hospitalId: string): Promise<D[]> {
  const { rows } = await q.query<{ doc: unknown }>(
    `SELECT doc FROM ${TABLES[r.collection]} WHERE hospital_id = $1 AND NOT deleted ORDER BY id`,
    [hospitalId],
  );
  return rows.map((row) => pick<D>(row.doc, r.keys));
}

export async function saveSlaDoc<D extends SlaDoc>(
  tx: Tx,
  r: SlaResource<D>,
  doc: D,
  change: { action: 'create' | 'update' | 'delete'; actorId: string; now: number },
): Promise<void> {
  await recheckHospital(tx, doc.hospitalId, change.now);
  await tx.query(
    `INSERT INTO sla_changes (at, actor_id, hospital_id, collection, doc_id, action, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [change.now, change.actorId, doc.hospitalId, r.collection, doc.id, change.action, JSON.stringify(doc)],
  );
  await writeReplicated(tx, { collection: r.collection, id: doc.id, hospitalId: doc.hospitalId, doc, deleted: change.action === 'delete' });
}

/**
 * Makes every open complaint of the hospital due now, so the scheduler (whichever instance claims
 * each) recomputes it with the new configuration and stores its real next due time — firing what
 * the change made due. Like every writer of `sla_due`, it holds the complaints' row locks first
 * (id order, before the seq lock): the rule that keeps the scheduler, the write paths and this
 * free of deadlocks.
 */
export async function recheckHospital(tx: Tx, hospitalId: string, now: number): Promise<void> {
  await tx.query(
    `WITH locked AS (
       SELECT id, hospital_id FROM complaints
       WHERE hospital_id = $1 AND NOT deleted AND status = ANY($3::text[]) ORDER BY id FOR UPDATE)
     INSERT INTO sla_due (complaint_id, hospital_id, due_at, action_key)
     SELECT id, hospital_id, $2, 'recheck' FROM locked
     ON CONFLICT (complaint_id) DO UPDATE SET due_at = LEAST(sla_due.due_at, EXCLUDED.due_at)`,
    [hospitalId, now, ACTIVE_STATUSES],
  );
  await tx.query('SELECT pg_notify($1, $2)', [DUE_CHANNEL, '']);
}
