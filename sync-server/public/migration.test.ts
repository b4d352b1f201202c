import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { migrationRoundTrip } from '../test/migration.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('migration 008_public', () => {
  it('adds public_codes on top of the migration before it and removes exactly it going down', async () => {
    const r = await migrationRoundTrip(db, '008_public');
    expect(r.before).not.toContain('r:public_codes');
    expect(r.added.filter((o) => o.startsWith('r:'))).toEqual(['r:public_codes']);
    expect(r.afterDown).toEqual(r.before);
    expect([...r.again].sort()).toEqual([...r.before, ...r.added].sort());
  });
});
