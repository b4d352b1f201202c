import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { migrate, pendingMigrations } from './migrate.ts';
import type { Queryable } from './pool.ts';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

/** Every relation (table, sequence, view, …) and routine in the public schema, by kind. */
async function schemaObjects(q: Queryable): Promise<string[]> {
  const rel = await q.query<{ name: string }>(
    `SELECT c.relkind::text || ':' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v', 'm', 'p', 'i', 'c') ORDER BY 1`,
  );
  const fn = await q.query<{ name: string }>(
    `SELECT 'f:' || p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' ORDER BY 1`,
  );
  const ty = await q.query<{ name: string }>(
    `SELECT 't:' || t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') ORDER BY 1`,
  );
  return [...rel.rows, ...fn.rows, ...ty.rows].map((r) => r.name);
}

const BOOKKEEPING = ['i:schema_migrations_pkey', 'r:schema_migrations'];

describe('migrate', () => {
  it('applies every migration up, reverts them all without leftovers, and applies them again', async () => {
    db = await createTestDatabase();
    const up = await migrate(db.pool, migrations);
    expect(up.applied).toEqual(migrations.map((m) => m.id));
    expect(await pendingMigrations(db.pool, migrations)).toEqual([]);
    const afterUp = await schemaObjects(db.pool);
    for (const t of ['hospitals', 'departments', 'users', 'sources', 'sla_configs', 'refresh_tokens', 'settings']) {
      expect(afterUp).toContain(`r:${t}`);
    }
    expect(afterUp).toContain('S:repl_seq');

    const down = await migrate(db.pool, migrations, { direction: 'down' });
    expect(down.reverted).toEqual(migrations.map((m) => m.id).reverse());
    expect(await schemaObjects(db.pool)).toEqual(BOOKKEEPING);

    const again = await migrate(db.pool, migrations);
    expect(again.applied).toEqual(migrations.map((m) => m.id));
    expect(await schemaObjects(db.pool)).toEqual(afterUp);
  });

  it('does nothing when run again', async () => {
    db = await createTestDatabase({ migrate: true });
    expect(await migrate(db.pool, migrations)).toEqual({ applied: [], reverted: [] });
  });

  it('stops at `to` in both directions', async () => {
    db = await createTestDatabase();
    const first = migrations[0];
    if (!first) throw new Error('no migrations');
    expect((await migrate(db.pool, migrations, { to: first.id })).applied).toEqual([first.id]);
    await migrate(db.pool, migrations);
    const down = await migrate(db.pool, migrations, { direction: 'down', to: first.id });
    expect(down.reverted).toEqual(migrations.slice(1).map((m) => m.id).reverse());
    expect(await pendingMigrations(db.pool, migrations)).toEqual(migrations.slice(1).map((m) => m.id));
  });

  it('lets several instances start at once: each migration is applied exactly once', async () => {
    db = await createTestDatabase();
    const pool = db.pool;
    const results = await Promise.all([1, 2, 3].map(() => migrate(pool, migrations)));
    expect(results.flatMap((r) => r.applied).sort()).toEqual(migrations.map((m) => m.id).sort());
    expect(await pendingMigrations(pool, migrations)).toEqual([]);
  });

  it('rolls back a failing migration and leaves it pending', async () => {
    db = await createTestDatabase();
    const broken = [
      ...migrations,
      {
        id: '999_broken',
        up: async (tx: Queryable) => {
          await tx.query('CREATE TABLE half_done (id int)');
          await tx.query('SELECT no_such_function()');
        },
        down: async () => undefined,
      },
    ];
    await expect(migrate(db.pool, broken)).rejects.toThrow(/999_broken up failed/);
    expect(await pendingMigrations(db.pool, broken)).toEqual(['999_broken']);
    expect(await schemaObjects(db.pool)).not.toContain('r:half_done');
  });

  it('refuses a database migrated by a newer server', async () => {
    db = await createTestDatabase({ migrate: true });
    await db.pool.query(`INSERT INTO schema_migrations (id) VALUES ('999_future')`);
    await expect(migrate(db.pool, migrations)).rejects.toThrow(/999_future/);
  });
});
