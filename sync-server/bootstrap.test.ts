import { afterEach, describe, expect, it } from 'vitest';
import {
  departmentDocSchema,
  hospitalDocSchema,
  slaConfigDocSchema,
  sourceDocSchema,
  staffDocSchema,
} from '../shared/documents.ts';
import { verifyPassword } from './auth/passwords.ts';
import { bootstrap } from './bootstrap.ts';
import type { Queryable } from './db/pool.ts';
import { createTestDatabase, type TestDatabase } from './test/db.ts';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

const NOW = Date.UTC(2026, 0, 5, 8, 0, 0);

async function snapshot(q: Queryable) {
  const all: Record<string, unknown[]> = {};
  for (const t of ['hospitals', 'departments', 'users', 'sources', 'sla_configs']) {
    all[t] = (await q.query(`SELECT * FROM ${t} ORDER BY id`)).rows;
  }
  return all;
}

describe('bootstrap', () => {
  it('creates the sources, MAIN with departments and SLA configs, and admin; a second run changes nothing', async () => {
    db = await createTestDatabase({ migrate: true });
    const first = await bootstrap(db.pool, { now: NOW, adminPassword: null });
    expect(first.created).toBe(true);
    const password = first.generatedAdminPassword;
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const before = await snapshot(db.pool);

    const second = await bootstrap(db.pool, { now: NOW + 1000, adminPassword: 'something-else-1' });
    expect(second).toEqual({ created: false, generatedAdminPassword: null });
    expect(await snapshot(db.pool)).toEqual(before);

    const sources = (await db.pool.query<{ doc: unknown; hospital_id: string | null }>('SELECT doc, hospital_id FROM sources')).rows;
    expect(sources.map((r) => r.hospital_id)).toEqual([null, null, null, null]);
    const byCode = Object.fromEntries(sources.map((r) => sourceDocSchema.parse(r.doc)).map((s) => [s.code, s]));
    expect(Object.keys(byCode).sort()).toEqual(['CCHI', 'FAMILY', 'MOH', 'PATIENT']);
    expect(byCode.MOH).toMatchObject({ nameAr: 'وزارة الصحة', kind: 'external' });
    expect(byCode.CCHI).toMatchObject({ nameAr: 'مجلس الضمان الصحي التعاوني', kind: 'external' });
    expect(byCode.PATIENT).toMatchObject({ kind: 'internal' });
    expect(byCode.FAMILY).toMatchObject({ kind: 'internal' });

    const hospitals = (await db.pool.query<{ id: string; hospital_id: string; doc: unknown }>('SELECT * FROM hospitals')).rows;
    expect(hospitals).toHaveLength(1);
    const main = hospitalDocSchema.parse(hospitals[0]?.doc);
    expect(main.code).toBe('MAIN');
    expect(main.nameAr).not.toBe('');
    expect(hospitals[0]?.hospital_id).toBe(main.id);

    const departments = (await db.pool.query<{ doc: unknown }>('SELECT doc FROM departments')).rows.map((r) =>
      departmentDocSchema.parse(r.doc),
    );
    expect(departments.length).toBeGreaterThanOrEqual(3);
    expect(departments.every((d) => d.hospitalId === main.id && d.nameAr !== '')).toBe(true);

    const slas = (await db.pool.query<{ doc: unknown }>('SELECT doc FROM sla_configs')).rows.map((r) => slaConfigDocSchema.parse(r.doc));
    const sla = Object.fromEntries(slas.map((s) => [s.sourceCode, s]));
    expect(sla.MOH).toMatchObject({
      hospitalId: main.id,
      slaHours: 24,
      firstReminderHoursAfter: 12,
      secondReminderHoursAfter: 30,
      escalationHoursAfter: 24,
      reminderHoursBefore: 24,
      secondReminderEnabled: true,
      secondReminderHoursBefore: 6,
      thankYouEnabled: false,
    });
    expect(sla.CCHI).toMatchObject({ slaHours: 48, firstReminderHoursAfter: 24, secondReminderHoursAfter: 60, escalationHoursAfter: 48 });
    for (const code of ['PATIENT', 'FAMILY']) {
      expect(sla[code]).toMatchObject({ slaHours: 72, firstReminderHoursAfter: 24, secondReminderHoursAfter: 72, escalationHoursAfter: 72 });
    }

    const users = (await db.pool.query<{ doc: unknown; password_hash: string; role: string; hospital_id: string | null }>('SELECT * FROM users')).rows;
    expect(users).toHaveLength(1);
    const admin = staffDocSchema.parse(users[0]?.doc);
    expect(admin).toMatchObject({ username: 'admin', role: 'admin', hospitalId: null, active: true });
    expect(users[0]?.hospital_id).toBeNull();
    expect(users[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(users[0]?.password_hash ?? '', password ?? '')).toBe(true);
    // The doc replicates to desks: it must never carry the hash.
    expect(JSON.stringify(users[0]?.doc)).not.toContain('argon2');
  });

  it('uses ADMIN_PASSWORD when given and prints nothing to show', async () => {
    db = await createTestDatabase({ migrate: true });
    const result = await bootstrap(db.pool, { now: NOW, adminPassword: 'given-password-1' });
    expect(result).toEqual({ created: true, generatedAdminPassword: null });
    const { rows } = await db.pool.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(await verifyPassword(rows[0]?.password_hash ?? '', 'given-password-1')).toBe(true);
  });

  it('is safe when two instances bootstrap the same empty database at once', async () => {
    db = await createTestDatabase({ migrate: true });
    const pool = db.pool;
    const results = await Promise.all([1, 2].map(() => bootstrap(pool, { now: NOW, adminPassword: null })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const counts = await pool.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM hospitals) + (SELECT count(*) FROM users) AS n`,
    );
    expect(counts.rows[0]?.n).toBe(4 + 1 + 1);
  });

  it('stamps every row with a distinct seq from repl_seq', async () => {
    db = await createTestDatabase({ migrate: true });
    await bootstrap(db.pool, { now: NOW, adminPassword: null });
    const { rows } = await db.pool.query<{ seq: number }>(
      `SELECT seq FROM hospitals UNION ALL SELECT seq FROM departments UNION ALL SELECT seq FROM users
       UNION ALL SELECT seq FROM sources UNION ALL SELECT seq FROM sla_configs`,
    );
    const seqs = rows.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.every((s) => s > 0)).toBe(true);
  });
});
