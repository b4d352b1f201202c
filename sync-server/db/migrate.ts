import type { Migration } from '../migrations/types.ts';
import type { Pool, Queryable } from './pool.ts';

/**
 * Numbered migrations (`migrations/index.ts` holds them in order) recorded in `schema_migrations`.
 * Each runs in its own transaction. A session-level advisory lock serialises whole runs, so
 * several instances starting at once do not race: the first applies, the others wait and then
 * find nothing to do.
 *
 *   migrate(pool, migrations)                               apply everything pending
 *   migrate(pool, migrations, { to: '001_core' })           apply up to and including 001_core
 *   migrate(pool, migrations, { direction: 'down' })        revert everything
 *   migrate(pool, migrations, { direction: 'down', to: 'x'})revert everything after x (x stays)
 */
const MIGRATION_LOCK_KEY = 0x4d16_7a7e; // any constant, shared by every instance

export type MigrateOptions = { direction?: 'up' | 'down'; to?: string };
export type MigrateResult = { applied: string[]; reverted: string[] };

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function appliedIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
  return rows.map((r) => r.id);
}

/** Ids of known migrations not applied yet (throws if the table is missing: not migrated). */
export async function pendingMigrations(db: Queryable, list: readonly Migration[]): Promise<string[]> {
  const applied = new Set(await appliedIds(db));
  return list.filter((m) => !applied.has(m.id)).map((m) => m.id);
}

function checkList(list: readonly Migration[]): void {
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1];
    const cur = list[i];
    if (prev && cur && prev.id >= cur.id) throw new Error(`migrations out of order: ${prev.id} before ${cur.id}`);
  }
}

export async function migrate(
  pool: Pool,
  list: readonly Migration[],
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  checkList(list);
  const direction = options.direction ?? 'up';
  if (options.to !== undefined && !list.some((m) => m.id === options.to)) {
    throw new Error(`unknown migration ${options.to}`);
  }
  const client = await pool.connect();
  const result: MigrateResult = { applied: [], reverted: [] };
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const applied = new Set(await appliedIds(client));
      const unknown = [...applied].filter((id) => !list.some((m) => m.id === id));
      if (unknown.length > 0) {
        throw new Error(`the database has migrations this server does not know (${unknown.join(', ')}): is it older?`);
      }
      const runOne = async (m: Migration, dir: 'up' | 'down') => {
        await client.query('BEGIN');
        try {
          await m[dir](client);
          if (dir === 'up') await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
          else await client.query('DELETE FROM schema_migrations WHERE id = $1', [m.id]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${m.id} ${dir} failed: ${(err as Error).message}`, { cause: err });
        }
      };
      if (direction === 'up') {
        for (const m of list) {
          if (!applied.has(m.id)) {
            await runOne(m, 'up');
            result.applied.push(m.id);
          }
          if (m.id === options.to) break;
        }
      } else {
        for (const m of [...list].reverse()) {
          if (m.id === options.to) break;
          if (applied.has(m.id)) {
            await runOne(m, 'down');
            result.reverted.push(m.id);
          }
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
  return result;
}
