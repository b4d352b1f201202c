import { withTx, type Pool, type Tx } from '../db/pool.ts';

/**
 * A transaction retried when PostgreSQL aborts it to break a deadlock or a serialization clash:
 * both are safe to retry because the whole transaction rolled back. Rare here (row locks are
 * taken in id order before the seq lock), but two writers can still cross on a brand-new row.
 */
const RETRYABLE = new Set(['40P01', '40001']);

export async function withTxRetry<T>(pool: Pool, fn: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await withTx(pool, fn);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (i >= attempts || typeof code !== 'string' || !RETRYABLE.has(code)) throw err;
    }
  }
}
