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

async function objects(): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT c.relkind::text || ':' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i', 'S') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

const PREVIOUS = migrations[migrations.findIndex((m) => m.id === '006_outbox') - 1]?.id ?? '';

describe('migration 006_outbox', () => {
  it('adds the outbox tables on top of the previous migration and removes exactly them going down', async () => {
    await migrate(db.pool, migrations, { to: PREVIOUS });
    const before = await objects();
    await migrate(db.pool, migrations, { to: '006_outbox' });
    const added = (await objects()).filter((o) => !before.includes(o));
    for (const t of ['r:outbox_messages', 'r:staff_contacts', 'r:notification_settings', 'r:sms_opt_outs', 'i:complaints_complainant_phone_idx', 'i:outbox_messages_key_key']) {
      expect(added).toContain(t);
    }
    await migrate(db.pool, migrations, { direction: 'down', to: PREVIOUS });
    expect(await objects()).toEqual(before);
    await migrate(db.pool, migrations, { to: '006_outbox' });
    expect(await objects()).toContain('r:outbox_messages');
  });

  it('keeps one message per idempotency key', async () => {
    const insert = (id: string) =>
      db.pool.query(
        `INSERT INTO outbox_messages (id, key, hospital_id, complaint_id, cause_id, channel, template, language, recipient, recipient_ref,
           masked_recipient, variables, status, attempt_limit, created_at, updated_at)
         VALUES ($1, 'e1:sms:complaint_received:complainant', 'h', 'c', 'e1', 'sms', 'complaint_received', 'ar', '+966501234567',
           'complainant', '+966…567', '{}', 'queued', 9, 0, 0) ON CONFLICT (key) DO NOTHING`,
        [id],
      );
    expect((await insert('m1')).rowCount).toBe(1);
    expect((await insert('m2')).rowCount).toBe(0);
  });
});
