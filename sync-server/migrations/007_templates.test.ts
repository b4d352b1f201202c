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
  const { rows } = await db.pool.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  return rows.map((r) => r.name);
}

const ID = '007_templates';
const previous = () => {
  const i = migrations.findIndex((m) => m.id === ID);
  const prev = migrations[i - 1];
  if (i < 1 || !prev) throw new Error(`${ID} is not in the list after another migration`);
  return prev.id;
};

describe('migration 007_templates', () => {
  it('adds message_templates and staff_notifications on top of the previous one, and removes exactly them going down', async () => {
    await migrate(db.pool, migrations, { to: previous() });
    const before = await tables();
    expect(before).not.toContain('message_templates');
    await migrate(db.pool, migrations, { to: ID });
    expect(await tables()).toEqual([...before, 'message_templates', 'staff_notifications'].sort());
    await migrate(db.pool, migrations, { direction: 'down', to: previous() });
    expect(await tables()).toEqual(before);
    await migrate(db.pool, migrations, { to: ID });
    expect(await tables()).toContain('staff_notifications');
  });

  it('keeps one override per hospital, template, channel and language, and a subject exactly on e-mails', async () => {
    const insert = (channel: string, subject: string | null) =>
      db.pool.query(
        `INSERT INTO message_templates (hospital_id, template, channel, language, subject, body, updated_by, updated_at)
         VALUES ('h', 'complaint_received', $1, 'ar', $2, 'b', 'u', 0)`,
        [channel, subject],
      );
    await insert('sms', null);
    await expect(insert('sms', null)).rejects.toThrow(/duplicate key/);
    await expect(insert('email', null)).rejects.toThrow(/check constraint/);
    await insert('email', 'subject');
  });

  it('indexes the per-user pull', async () => {
    const { rows } = await db.pool.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'staff_notifications'`);
    expect(rows.map((r) => r.indexdef).join('\n')).toMatch(/USING btree \(hospital_id, user_id, seq\)/);
  });
});
