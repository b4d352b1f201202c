import type { ComplaintDoc } from '../../shared/documents.ts';
import { complaintDocSchema } from '../../shared/documents.ts';
import { ACTIVE_STATUSES } from '../../shared/workflow.ts';
import { pick } from '../complaints/store.ts';
import { withTxRetry } from '../complaints/tx.ts';
import type { Pool } from '../db/pool.ts';
import { refreshSchedules } from './due.ts';

/**
 * Recomputes the stored next due action of every open complaint (and clears it for the others),
 * a page of complaints per transaction. For data that arrived without passing through the write
 * paths (a bulk import, the demo loader, a database from before the SLA engine): `npm run
 * setup:sla` runs it. What is already due is then fired, late, by the scheduler.
 */
const KEYS = Object.keys(complaintDocSchema.shape) as (keyof ComplaintDoc)[];

export async function rebuildSchedules(pool: Pool, options: { pageSize?: number; hospitalId?: string } = {}): Promise<number> {
  const pageSize = options.pageSize ?? 1_000;
  let after = '';
  let total = 0;
  for (;;) {
    const page = await withTxRetry(pool, async (tx) => {
      const { rows } = await tx.query<{ id: string; doc: unknown }>(
        `SELECT c.id, c.doc FROM complaints c
         WHERE c.id > $1 AND NOT c.deleted AND ($3::text IS NULL OR c.hospital_id = $3)
           AND (c.status = ANY($4::text[]) OR EXISTS (SELECT 1 FROM sla_due d WHERE d.complaint_id = c.id))
         ORDER BY c.id LIMIT $2 FOR UPDATE OF c`,
        [after, pageSize, options.hospitalId ?? null, ACTIVE_STATUSES],
      );
      await refreshSchedules(tx, rows.map((r) => pick<ComplaintDoc>(r.doc, KEYS)));
      return rows.map((r) => r.id);
    });
    total += page.length;
    const last = page[page.length - 1];
    if (last === undefined || page.length < pageSize) return total;
    after = last;
  }
}
