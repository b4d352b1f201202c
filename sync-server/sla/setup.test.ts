import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.ts';
import { withTx } from '../db/pool.ts';
import { createHospital } from '../directory.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { setupSla } from './setup.ts';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../..');

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: true });
});
afterAll(async () => {
  await db?.drop();
});

async function perHospital(): Promise<Record<string, { configs: number; rules: number; calendars: number }>> {
  const { rows } = await db.pool.query<{ code: string; configs: number; rules: number; calendars: number }>(
    `SELECT h.doc->>'code' AS code,
       (SELECT count(*)::int FROM sla_configs c WHERE c.hospital_id = h.id AND NOT c.deleted) AS configs,
       (SELECT count(*)::int FROM escalation_rules r WHERE r.hospital_id = h.id AND NOT r.deleted) AS rules,
       (SELECT count(*)::int FROM calendars k WHERE k.hospital_id = h.id AND NOT k.deleted) AS calendars
     FROM hospitals h ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.code, { configs: r.configs, rules: r.rules, calendars: r.calendars }]));
}

describe('SLA setup', () => {
  it('first start creates MAIN’s source configurations, default escalation rules and calendar', async () => {
    await bootstrap(db.pool, { now: Date.now(), adminPassword: 'setup-admin-password' });
    expect(await perHospital()).toEqual({ MAIN: { configs: 4, rules: 3, calendars: 1 } });
    const { rows } = await db.pool.query<{ level: number; role: string; hours: number }>(
      `SELECT (doc->>'level')::int AS level, doc->>'targetRole' AS role, (doc->>'triggerHoursOverdue')::int AS hours
       FROM escalation_rules ORDER BY 1`,
    );
    expect(rows).toEqual([
      { level: 1, role: 'department_manager', hours: 24 },
      { level: 2, role: 'hospital_admin', hours: 48 },
      { level: 3, role: 'px_admin', hours: 72 },
    ]);
  });

  it('creates what a hospital lacks, once, even when run twice at the same time', async () => {
    const now = Date.now();
    await withTx(db.pool, (tx) => createHospital(tx, { code: 'NORTH', nameEn: 'North', nameAr: 'الشمال', now }));
    const [a, b] = await Promise.all([setupSla(db.pool, now), setupSla(db.pool, now)]);
    const created = [a, b].find((r) => r.configs > 0);
    expect(created).toEqual({ hospitals: 2, sources: 0, configs: 4, rules: 3, calendars: 1 });
    expect([a, b].find((r) => r !== created)).toEqual({ hospitals: 2, sources: 0, configs: 0, rules: 0, calendars: 0 });
    expect(await perHospital()).toEqual({ MAIN: { configs: 4, rules: 3, calendars: 1 }, NORTH: { configs: 4, rules: 3, calendars: 1 } });
  });

  it('`npm run setup:sla` creates missing sources and configurations and is safe to run twice', async () => {
    await db.pool.query(`DELETE FROM sources WHERE doc->>'code' = 'FAMILY'`);
    await db.pool.query(`DELETE FROM sla_configs WHERE doc->>'sourceCode' = 'CCHI'`);
    // Not vitest's environment: it sets BASE_URL and the like for Vite.
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
    const script = path.join(REPO, 'sync-server/setup-sla.ts');
    const tsx = path.join(REPO, 'node_modules/.bin/tsx');
    const first = await run(tsx, [script], { env, cwd: REPO });
    expect(JSON.parse(first.stdout)).toEqual({ hospitals: 2, sources: 1, configs: 2, rules: 0, calendars: 0, schedulesRebuilt: 0 });
    const second = await run(tsx, [script], { env, cwd: REPO });
    expect(JSON.parse(second.stdout)).toEqual({ hospitals: 2, sources: 0, configs: 0, rules: 0, calendars: 0, schedulesRebuilt: 0 });
    const { rows } = await db.pool.query<{ code: string }>(`SELECT doc->>'code' AS code FROM sources ORDER BY 1`);
    expect(rows.map((r) => r.code)).toEqual(['CCHI', 'FAMILY', 'MOH', 'PATIENT']);
  }, 60_000);
});
