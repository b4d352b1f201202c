import { thresholdDocSchema, type ThresholdDoc, type ThresholdMetric } from '../../../shared/documents.ts';
import { thresholdFieldErrors } from '../../../shared/sla/thresholds.ts';
import { staffForHospital } from '../../complaints/lookups.ts';
import { pick } from '../../complaints/store.ts';
import type { Queryable, Tx } from '../../db/pool.ts';

/**
 * Rows of `sla_thresholds` (migration 005). Not replicated: plain writes, no seq. Every change is
 * also recorded in `sla_changes` (collection 'thresholds') beside the other SLA settings' changes.
 */
const KEYS = Object.keys(thresholdDocSchema.shape) as (keyof ThresholdDoc)[];

/** Validates a whole document (unknown keys refused); throws the ZodError the app turns into a 422. */
export function parseThreshold(value: unknown): ThresholdDoc {
  return thresholdDocSchema.strict().parse(value);
}

/** Field errors beyond the schema: the value's scale, the notify target, and whether that user exists. */
export async function checkThreshold(q: Queryable, doc: ThresholdDoc): Promise<Record<string, string>> {
  const fields: Record<string, string> = thresholdFieldErrors(doc);
  if (doc.action === 'notify' && doc.notifyRole === 'named_user' && doc.notifyUserId !== null) {
    if (!(await staffForHospital(q, doc.notifyUserId, doc.hospitalId))) fields.notifyUserId = 'unknown';
  }
  return fields;
}

export async function listThresholds(q: Queryable, hospitalId: string): Promise<ThresholdDoc[]> {
  const { rows } = await q.query<{ doc: unknown }>('SELECT doc FROM sla_thresholds WHERE hospital_id = $1 ORDER BY id', [hospitalId]);
  return rows.map((r) => pick<ThresholdDoc>(r.doc, KEYS));
}

/** The hospital's active thresholds on `metric`, by id. */
export async function activeThresholds(q: Queryable, hospitalId: string, metric: ThresholdMetric): Promise<ThresholdDoc[]> {
  const { rows } = await q.query<{ doc: unknown }>(
    'SELECT doc FROM sla_thresholds WHERE hospital_id = $1 AND metric = $2 AND active ORDER BY id',
    [hospitalId, metric],
  );
  return rows.map((r) => pick<ThresholdDoc>(r.doc, KEYS));
}

export async function readThreshold(q: Queryable, id: string, forUpdate = false): Promise<ThresholdDoc | null> {
  const { rows } = await q.query<{ doc: unknown }>(`SELECT doc FROM sla_thresholds WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  const row = rows[0];
  return row ? pick<ThresholdDoc>(row.doc, KEYS) : null;
}

export type ThresholdChange = { action: 'create' | 'update' | 'delete'; actorId: string; now: number };

export async function saveThreshold(tx: Tx, doc: ThresholdDoc, change: ThresholdChange): Promise<void> {
  await tx.query(
    `INSERT INTO sla_changes (at, actor_id, hospital_id, collection, doc_id, action, doc) VALUES ($1, $2, $3, 'thresholds', $4, $5, $6)`,
    [change.now, change.actorId, doc.hospitalId, doc.id, change.action, JSON.stringify(doc)],
  );
  if (change.action === 'delete') {
    await tx.query('DELETE FROM sla_thresholds WHERE id = $1', [doc.id]);
    return;
  }
  await tx.query(
    `INSERT INTO sla_thresholds (id, hospital_id, metric, active, doc, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (id) DO UPDATE SET metric = EXCLUDED.metric, active = EXCLUDED.active, doc = EXCLUDED.doc, updated_at = EXCLUDED.updated_at`,
    [doc.id, doc.hospitalId, doc.metric, doc.active, JSON.stringify(doc), change.now],
  );
}
