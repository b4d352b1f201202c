import { COLLECTIONS, type CollectionName, type PullResponse, type WireDoc } from '../../shared/replication.ts';
import type { Queryable } from '../db/pool.ts';
import { TABLES } from '../db/replicated.ts';
import { pick } from '../complaints/store.ts';

/**
 * What a desk of hospital `$1`, signed in as user `$4`, receives of each collection. Group-wide
 * rows (sources, group-level staff) go to every hospital; everything else only to its own; a
 * staff notification only to its own user — never to another user of the same hospital.
 */
const SCOPES: Record<CollectionName, string> = {
  complaints: 'hospital_id = $1',
  events: 'hospital_id = $1',
  departments: 'hospital_id = $1',
  slaConfigs: 'hospital_id = $1',
  escalationRules: 'hospital_id = $1',
  calendars: 'hospital_id = $1',
  hospitals: 'id = $1',
  staff: '(hospital_id = $1 OR hospital_id IS NULL)',
  sources: '$1::text IS NOT NULL',
  notifications: 'hospital_id = $1 AND user_id = $4',
  categories: 'hospital_id = $1',
};

// Only the schema's keys go on the wire: whatever else a table keeps in `doc` (never a password
// hash, but a future column might be careless) stays on the server.
const KEYS = Object.fromEntries(
  Object.entries(COLLECTIONS).map(([name, schema]) => [name, Object.keys(schema.shape)]),
) as Record<CollectionName, string[]>;

/** The user pulling is part of every scope, so a user-scoped collection cannot be pulled without one. */
export async function pull<C extends CollectionName>(
  db: Queryable,
  collection: C,
  query: { hospitalId: string; seq: number; limit: number },
  userId: string,
): Promise<PullResponse<C>> {
  const usesUser = SCOPES[collection].includes('$4');
  const { rows } = await db.query<{ doc: unknown; deleted: boolean; seq: number }>(
    `SELECT doc, deleted, seq FROM ${TABLES[collection]}
     WHERE ${SCOPES[collection]} AND seq > $2
     ORDER BY seq LIMIT $3`,
    usesUser ? [query.hospitalId, query.seq, query.limit, userId] : [query.hospitalId, query.seq, query.limit],
  );
  const documents = rows.map(
    (r) => ({ ...pick<Record<string, unknown>>(r.doc, KEYS[collection]), _deleted: r.deleted }) as WireDoc<C>,
  );
  const last = rows[rows.length - 1];
  return { documents, checkpoint: { seq: last ? last.seq : query.seq } };
}
