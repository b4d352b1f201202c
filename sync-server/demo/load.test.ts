import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { loadDemo } from './load.ts';
import { verifyPassword } from '../auth/passwords.ts';

describe('npm run demo', () => {
  let db: TestDatabase;
  const now = Date.UTC(2026, 10, 1, 9);
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: true });
    await bootstrap(db.pool, { now, adminPassword: 'admin-password-1' });
  });
  afterAll(async () => db?.drop());

  it('loads hospitals, staff who can log in, and complaints in every state with their timelines', async () => {
    const result = await loadDemo(db.pool, { complaints: 120, password: 'demo-pass-1', now, seed: 1, log: () => undefined });
    expect(result).toMatchObject({ loaded: true, hospitals: 5, complaints: 120 });
    const { rows: hospitals } = await db.pool.query(`SELECT count(*)::int AS n FROM hospitals`);
    expect(hospitals[0].n).toBe(5);
    const { rows: statuses } = await db.pool.query<{ status: string }>(`SELECT DISTINCT status FROM complaints`);
    expect(statuses.length).toBeGreaterThanOrEqual(6);
    const { rows: orphans } = await db.pool.query(
      `SELECT c.id FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.complaint_id = c.id AND e.type = 'created')`,
    );
    expect(orphans).toEqual([]);
    const { rows: closed } = await db.pool.query(
      `SELECT c.id FROM complaints c WHERE c.status = 'CLOSED'
         AND NOT EXISTS (SELECT 1 FROM events e WHERE e.complaint_id = c.id AND e.type = 'status_changed' AND e.doc->>'to' = 'RESOLVED')`,
    );
    expect(closed).toEqual([]);
    const { rows: users } = await db.pool.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'kfh_desk1'`);
    expect(await verifyPassword(users[0]!.password_hash, 'demo-pass-1')).toBe(true);
  });

  it('does nothing the second time', async () => {
    const before = await db.pool.query(`SELECT max(seq) AS s FROM complaints`);
    const again = await loadDemo(db.pool, { complaints: 120, password: 'demo-pass-1', now, seed: 1, log: () => undefined });
    expect(again.loaded).toBe(false);
    const after = await db.pool.query(`SELECT max(seq) AS s FROM complaints`);
    expect(after.rows[0].s).toBe(before.rows[0].s);
  });
});
