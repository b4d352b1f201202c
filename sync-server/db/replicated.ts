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
