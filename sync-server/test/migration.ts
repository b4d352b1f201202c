import { migrate } from '../db/migrate.ts';
import type { Queryable } from '../db/pool.ts';
import { migrations } from '../migrations/index.ts';
import type { TestDatabase } from './db.ts';

/** Every table ('r:'), index ('i:') and sequence ('S:') of the public schema, sorted. */
export async function schemaObjects(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ name: string }>(
    `SELECT c.relkind::text || ':' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i', 'S') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

export type RoundTrip = {
  /** The schema with every migration before `id` applied. */
  before: string[];
  /** What `id` added to it. */
  added: string[];
  /** The schema after `id` was reverted (should equal `before`). */
  afterDown: string[];
  /** The schema after `id` was applied again (should equal `before` + `added`). */
  again: string[];
};

/** Applies the migrations up to the one before `id`, then `id` up, down and up again, noting the schema each time. */
export async function migrationRoundTrip(db: TestDatabase, id: string): Promise<RoundTrip> {
  const index = migrations.findIndex((m) => m.id === id);
  const previous = migrations[index - 1]?.id;
  if (index < 1 || !previous) throw new Error(`${id} is not in the list after another migration`);
  await migrate(db.pool, migrations, { to: previous });
  const before = await schemaObjects(db.pool);
  await migrate(db.pool, migrations, { to: id });
  const added = (await schemaObjects(db.pool)).filter((o) => !before.includes(o));
  await migrate(db.pool, migrations, { direction: 'down', to: previous });
  const afterDown = await schemaObjects(db.pool);
  await migrate(db.pool, migrations, { to: id });
  return { before, added, afterDown, again: await schemaObjects(db.pool) };
}
