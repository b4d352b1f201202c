import pg from 'pg';

export type Pool = pg.Pool;
/** A client inside a transaction. Functions that write take one explicitly; there is no global db. */
export type Tx = pg.PoolClient;
/** Anything that can run a query: a pool or a transaction's client. */
export type Queryable = Pick<pg.Pool, 'query'>;

// bigint columns (seq, counters) come back as numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function createPool(connectionString: string, max = 10): Pool {
  return new pg.Pool({ connectionString, max, application_name: 'complaint-desk' });
}

export async function withTx<T>(pool: Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    const result = await fn(tx);
    await tx.query('COMMIT');
    return result;
  } catch (err) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    tx.release();
  }
}
