import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { migrations } from './index.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function complaintIndexes(): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'complaints' ORDER BY 1`);
  return rows.map((r) => r.name);
}

describe('migration 011_complaints_seq_index', () => {
  it('drops the unread seq-only complaint index, keeps the per-hospital one, and brings it back going down', async () => {
    await migrate(db.pool, migrations, { to: '010_attachments' });
    const before = await complaintIndexes();
    expect(before).toContain('complaints_seq');
    await migrate(db.pool, migrations);
    const after = await complaintIndexes();
    expect(after).not.toContain('complaints_seq');
    expect(after).toContain('complaints_hospital_seq');
    expect(after).toEqual(before.filter((n) => n !== 'complaints_seq'));
    await migrate(db.pool, migrations, { direction: 'down', to: '010_attachments' });
    expect(await complaintIndexes()).toEqual(before);
  });
});
