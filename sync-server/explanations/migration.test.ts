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

describe('migration 004_explanations', () => {
  it('adds explanation_requests on top of 003 and removes exactly it going down', async () => {
    await migrate(db.pool, migrations, { to: '003_sla' });
    const before = await tables();
    expect(before).not.toContain('explanation_requests');
    await migrate(db.pool, migrations, { to: '004_explanations' });
    expect(await tables()).toEqual([...before, 'explanation_requests'].sort());
    await migrate(db.pool, migrations, { direction: 'down', to: '003_sla' });
    expect(await tables()).toEqual(before);
    await migrate(db.pool, migrations, { to: '004_explanations' });
    expect(await tables()).toContain('explanation_requests');
  });
});
