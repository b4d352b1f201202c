import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { migrationRoundTrip } from '../../test/migration.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('migration 005_thresholds', () => {
  it('adds sla_thresholds on top of 004 and removes exactly it going down', async () => {
    const r = await migrationRoundTrip(db, '005_thresholds');
    expect(r.before).not.toContain('r:sla_thresholds');
    expect(r.added.filter((o) => o.startsWith('r:'))).toEqual(['r:sla_thresholds']);
    expect(r.afterDown).toEqual(r.before);
    expect([...r.again].sort()).toEqual([...r.before, ...r.added].sort());
  });
});
