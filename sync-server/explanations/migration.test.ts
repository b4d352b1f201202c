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

describe('migration 004_explanations', () => {
  it('adds explanation_requests on top of 003 and removes exactly it going down', async () => {
    const r = await migrationRoundTrip(db, '004_explanations');
    expect(r.before).not.toContain('r:explanation_requests');
    expect(r.added.filter((o) => o.startsWith('r:'))).toEqual(['r:explanation_requests']);
    expect(r.afterDown).toEqual(r.before);
    expect([...r.again].sort()).toEqual([...r.before, ...r.added].sort());
  });
});
