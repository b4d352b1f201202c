import type { Queryable } from './pool.ts';

/**
 * Server-wide key/value settings shared by every instance on the database (e.g. the JWT secret).
 * `getOrCreateSetting` is race-free: when several instances start at once, the first insert wins
 * and everybody reads that value.
 */
export async function getSetting(db: Queryable, key: string): Promise<string | null> {
  const { rows } = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

export async function getOrCreateSetting(db: Queryable, key: string, make: () => string): Promise<string> {
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, make()]);
  const value = await getSetting(db, key);
  if (value === null) throw new Error(`setting ${key} vanished`);
  return value;
}

export async function setSetting(db: Queryable, key: string, value: string): Promise<void> {
  await db.query(
    'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
    [key, value],
  );
}
