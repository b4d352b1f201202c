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

async function tables(): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

const OURS = ['complaints', 'events', 'reference_blocks', 'reference_counters'];

describe('migration 002_complaints', () => {
  it('creates the complaint tables on top of the core, and removes exactly them going down', async () => {
    await migrate(db.pool, migrations, { to: '001_core' });
    const core = await tables();
    expect(core).not.toContain('complaints');

    await migrate(db.pool, migrations, { to: '002_complaints' });
    expect(await tables()).toEqual([...core, ...OURS].sort());

    await migrate(db.pool, migrations, { direction: 'down', to: '001_core' });
    expect(await tables()).toEqual(core);
    await migrate(db.pool, migrations, { to: '002_complaints' });
  });

  it('refuses a second complaint with the same reference number', async () => {
    const insert = (id: string) =>
      db.pool.query(
        `INSERT INTO complaints (id, hospital_id, reference_number, status, priority, severity, source_code,
           created_at, updated_at, title, complainant_name, tracking_secret, seq, doc)
         VALUES ($1, 'h', 'CMP-2026-000001', 'PENDING', 'low', 'low', 'MOH', 0, 0, 't', 'n', 's', 1, '{}')`,
        [id],
      );
    await insert('a');
    await expect(insert('b')).rejects.toThrow(/duplicate key/);
  });

  it('indexes scoped pulls and timelines', async () => {
    const { rows } = await db.pool.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename IN ('complaints', 'events') ORDER BY 1`,
    );
    const defs = rows.map((r) => r.indexdef).join('\n');
    expect(defs).toMatch(/complaints USING btree \(hospital_id, seq\)/);
    expect(defs).toMatch(/events USING btree \(hospital_id, seq\)/);
    expect(defs).toMatch(/events USING btree \(complaint_id, at\)/);
  });
});
