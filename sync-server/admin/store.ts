import { pick } from '../complaints/store.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { TABLES, writeReplicated } from '../db/replicated.ts';
import type { AdminDoc, AdminResourceDef } from './resources.ts';

/**
 * Reads and writes of administered rows. Every write is a replicated write (desks receive it)
 * and a row in `admin_changes`: who, when, which row, before and after.
 */
export async function readAdminDoc<D extends AdminDoc>(q: Queryable, r: AdminResourceDef<D>, id: string, forUpdate = false): Promise<D | null> {
  const { rows } = await q.query<{ doc: unknown }>(
    `SELECT doc FROM ${TABLES[r.collection]} WHERE id = $1 AND NOT deleted${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  return row ? pick<D>(row.doc, Object.keys(r.schema.shape) as (keyof D)[]) : null;
}

/** The live rows of a hospital (or every row of a group-wide resource when `hospitalId` is null). */
export async function listAdminDocs<D extends AdminDoc>(q: Queryable, r: AdminResourceDef<D>, hospitalId: string | null): Promise<D[]> {
  const table = TABLES[r.collection];
  const { rows } =
    hospitalId === null
      ? await q.query<{ doc: unknown }>(`SELECT doc FROM ${table} WHERE NOT deleted ORDER BY doc->>'code', id`)
      : await q.query<{ doc: unknown }>(`SELECT doc FROM ${table} WHERE hospital_id = $1 AND NOT deleted ORDER BY id`, [hospitalId]);
  return rows.map((row) => pick<D>(row.doc, Object.keys(r.schema.shape) as (keyof D)[]));
}

export type AdminChange = { action: 'create' | 'update' | 'password'; actorId: string; now: number };

export async function recordAdminChange(
  tx: Tx,
  c: AdminChange & { hospitalId: string | null; collection: string; docId: string; before: object | null; after: object | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO admin_changes (at, actor_id, hospital_id, collection, doc_id, action, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.now, c.actorId, c.hospitalId, c.collection, c.docId, c.action, c.before && JSON.stringify(c.before), c.after && JSON.stringify(c.after)],
  );
}

export async function saveAdminDoc<D extends AdminDoc>(
  tx: Tx,
  r: AdminResourceDef<D>,
  before: D | null,
  after: D,
  change: AdminChange,
  extraColumns: Record<string, unknown> = {},
): Promise<void> {
  await recordAdminChange(tx, { ...change, hospitalId: r.rowHospitalId(after), collection: r.collection, docId: after.id, before, after });
  await writeReplicated(tx, {
    collection: r.collection,
    id: after.id,
    hospitalId: r.rowHospitalId(after),
    doc: after,
    columns: { ...r.columns?.(after), ...extraColumns },
  });
}
