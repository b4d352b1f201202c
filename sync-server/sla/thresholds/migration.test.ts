import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.ts';
import { migrations } from '../../migrations/index.ts';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';

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

describe('migration 005_thresholds', () => {
  it('adds sla_thresholds on top of 004 and removes exactly it going down', async () => {
    await migrate(db.pool, migrations, { to: '004_explanations' });
    const before = await tables();
    expect(before).not.toContain('sla_thresholds');
    await migrate(db.pool, migrations, { to: '005_thresholds' });
    expect(await tables()).toEqual([...before, 'sla_thresholds'].sort());
    await migrate(db.pool, migrations, { direction: 'down', to: '004_explanations' });
    expect(await tables()).toEqual(before);
    await migrate(db.pool, migrations, { to: '005_thresholds' });
    expect(await tables()).toContain('sla_thresholds');
  });
});
