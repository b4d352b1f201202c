import type { Role } from '../../shared/enums.ts';
import { createDepartment, createHospital, createSourceSlaConfigs, createUser } from '../../sync-server/bootstrap.ts';
import { createPool, withTx } from '../../sync-server/db/pool.ts';

/**
 * There is no admin API for hospitals and users yet, so tests seed them with the server's own
 * directory writers, on the server's database (the same code path the bootstrap uses, so the
 * rows replicate and log in exactly like bootstrapped ones).
 */
async function inTx<T>(dbUrl: string, fn: Parameters<typeof withTx<T>>[1]): Promise<T> {
  const pool = createPool(dbUrl, 1);
  try {
    return await withTx(pool, fn);
  } finally {
    await pool.end();
  }
}

export async function seedHospital(dbUrl: string, h: { code: string; nameEn: string; nameAr: string }): Promise<string> {
  return inTx(dbUrl, async (tx) => {
    const now = Date.now();
    const doc = await createHospital(tx, { ...h, now });
    await createDepartment(tx, { hospitalId: doc.id, code: 'ER', nameEn: 'Emergency', nameAr: 'الطوارئ', now });
    await createSourceSlaConfigs(tx, doc.id, now);
    return doc.id;
  });
}

export async function seedUser(
  dbUrl: string,
  u: { username: string; password: string; role: Role; hospitalId: string | null; displayName: string },
): Promise<string> {
  return inTx(dbUrl, async (tx) => (await createUser(tx, { ...u, now: Date.now() })).id);
}
