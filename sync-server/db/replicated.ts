import type { CollectionName } from '../../shared/replication.ts';
import type { Tx } from './pool.ts';

/**
 * Every write to a replicated table goes through here. It stamps the row with the next value of
 * `repl_seq` taken under a transaction-scoped advisory lock, so that seq order is commit order:
 * no transaction can take a seq until the previous holder has committed or rolled back. Pulls use
 * seq as their cursor, so a desk can never skip a row that commits "late".
 * Take seqs at the end of a transaction, after the slow work, to keep the lock short.
 */
const SEQ_LOCK_KEY = 0x5e9_10c; // any constant, shared by every instance on this database

export const TABLES: Record<CollectionName, string> = {
  complaints: 'complaints',
  events: 'events',
  hospitals: 'hospitals',
  departments: 'departments',
  staff: 'users',
  sources: 'sources',
  slaConfigs: 'sla_configs',
  escalationRules: 'escalation_rules',
  calendars: 'calendars',
  notifications: 'staff_notifications',
  categories: 'categories',
};

export async function nextSeq(tx: Tx): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQ_LOCK_KEY]);
  const { rows } = await tx.query<{ seq: number }>(`SELECT nextval('repl_seq') AS seq`);
  const row = rows[0];
  if (!row) throw new Error('repl_seq returned nothing');
  return row.seq;
}

export type ReplicatedWrite = {
  collection: CollectionName;
  id: string;
  /** Scope of the row; null for group-wide rows (sources, group staff). */
  hospitalId: string | null;
  /** The wire document without `_deleted`. */
  doc: object;
  deleted?: boolean;
  /** Extra columns of the table, by column name (already snake_case). */
  columns?: Record<string, unknown>;
};

/** Inserts or updates the row, stamps its seq and notifies desks at commit. Returns the seq. */
export async function writeReplicated(tx: Tx, w: ReplicatedWrite): Promise<number> {
  const seq = await nextSeq(tx);
  const table = TABLES[w.collection];
  const extra = Object.entries(w.columns ?? {});
  const names = ['id', 'hospital_id', 'doc', 'deleted', 'seq', ...extra.map(([k]) => k)];
  const values: unknown[] = [w.id, w.hospitalId, JSON.stringify(w.doc), w.deleted ?? false, seq, ...extra.map(([, v]) => v)];
  const placeholders = names.map((_, i) => `$${i + 1}`);
  const updates = names.filter((n) => n !== 'id').map((n) => `${n} = EXCLUDED.${n}`);
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${placeholders.join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
    values,
  );
  await notifyChange(tx, w.collection, w.hospitalId);
  return seq;
}

export const CHANGE_CHANNEL = 'repl_changes';
export type ChangeNotice = { collection: CollectionName; hospitalId: string | null };

export async function notifyChange(tx: Tx, collection: CollectionName, hospitalId: string | null): Promise<void> {
  const notice: ChangeNotice = { collection, hospitalId };
  // PostgreSQL folds identical notifications within one transaction, so bulk writes send one.
  await tx.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify(notice)]);
}

/**
 * Many rows of one collection in one statement (the SLA scheduler fires thousands of actions a
 * second): the same rows `writeReplicated` would write, each with its own seq taken under the
 * same lock, and one notice per hospital. `json_populate_recordset` types every column as the
 * table declares it. `onConflict: 'nothing'` keeps the stored row (an immutable event written
 * once by id); the seq drawn for a skipped row is simply a gap.
 */
export async function writeReplicatedMany(
  tx: Tx,
  collection: CollectionName,
  writes: readonly Omit<ReplicatedWrite, 'collection'>[],
  options: { onConflict?: 'update' | 'nothing' } = {},
): Promise<void> {
  if (writes.length === 0) return;
  const table = TABLES[collection];
  const rows = writes.map((w) => ({ ...w.columns, id: w.id, hospital_id: w.hospitalId, doc: w.doc, deleted: w.deleted ?? false }));
  const names = Object.keys(rows[0] ?? {});
  const updates = [...names.filter((n) => n !== 'id'), 'seq'].map((n) => `${n} = EXCLUDED.${n}`);
  const action = options.onConflict === 'nothing' ? 'DO NOTHING' : `DO UPDATE SET ${updates.join(', ')}`;
  const json = JSON.stringify(rows); // before the seq lock: nothing slow while holding it
  await nextSeq(tx); // the seq lock, held to commit
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}, seq)
     SELECT ${names.map((n) => `r.${n}`).join(', ')}, nextval('repl_seq')
     FROM json_populate_recordset(NULL::${table}, $1::json) AS r
     ON CONFLICT (id) ${action}`,
    [json],
  );
  for (const hospitalId of new Set(writes.map((w) => w.hospitalId))) await notifyChange(tx, collection, hospitalId);
}

export type ReplicatedPatch = {
  id: string;
  hospitalId: string | null;
  /** The top-level fields of the document that change (merged into the stored `doc` with `||`). */
  patch: Record<string, unknown>;
  /** The extra columns as they are after the change (by column name, snake_case). */
  columns: Record<string, unknown>;
};

/**
 * Changes some top-level fields of many existing rows of one collection: the stored document
 * merged with the patch (so `doc` is again the full new document), the columns set, each row
 * stamped with its own seq under the same lock, one notice per hospital. The caller must hold
 * the rows' locks and patch every field that differs from the stored document. Half the work of
 * rewriting whole documents, which is what lets the SLA scheduler keep up with a burst.
 */
export async function patchReplicatedMany(tx: Tx, collection: CollectionName, patches: readonly ReplicatedPatch[]): Promise<void> {
  if (patches.length === 0) return;
  const table = TABLES[collection];
  const names = Object.keys(patches[0]?.columns ?? {});
  const json = JSON.stringify(patches.map((p) => ({ ...p.columns, id: p.id, doc: p.patch })));
  await nextSeq(tx); // the seq lock, held to commit
  await tx.query(
    `UPDATE ${table} AS t SET doc = t.doc || r.doc, seq = nextval('repl_seq')${names.map((n) => `, ${n} = r.${n}`).join('')}
     FROM json_populate_recordset(NULL::${table}, $1::json) AS r
     WHERE t.id = r.id`,
    [json],
  );
  for (const hospitalId of new Set(patches.map((p) => p.hospitalId))) await notifyChange(tx, collection, hospitalId);
}
