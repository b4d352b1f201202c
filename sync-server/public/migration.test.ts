import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.ts';
import { migrations } from '../migrations/index.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function tables(): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  return rows.map((r) => r.name);
}

describe('migration 008_public', () => {
  it('adds public_codes on top of the migration before it and removes exactly it going down', async () => {
    const index = migrations.findIndex((m) => m.id === '008_public');
    const previous = migrations[index - 1]?.id ?? '';
    expect(index).toBeGreaterThan(0);
    await migrate(db.pool, migrations, { to: previous });
    const before = await tables();
    expect(before).not.toContain('public_codes');
    await migrate(db.pool, migrations, { to: '008_public' });
    expect(await tables()).toEqual([...before, 'public_codes'].sort());
    await migrate(db.pool, migrations, { direction: 'down', to: previous });
    expect(await tables()).toEqual(before);
    await migrate(db.pool, migrations, { to: '008_public' });
    expect(await tables()).toContain('public_codes');
  });
});
