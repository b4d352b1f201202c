import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

describe('GET /healthz', () => {
  it('is 200 {"status":"ok"} without a token once the database is migrated', async () => {
    const res = await srv.call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('is 503 while a migration is pending', async () => {
    const last = migrations[migrations.length - 1];
    if (!last) throw new Error('no migrations');
    await srv.deps.pool.query('DELETE FROM schema_migrations WHERE id = $1', [last.id]);
    try {
      const res = await srv.call('GET', '/healthz');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'unavailable' });
    } finally {
      await srv.deps.pool.query('INSERT INTO schema_migrations (id) VALUES ($1)', [last.id]);
    }
    expect((await srv.call('GET', '/healthz')).status).toBe(200);
  });

  it('is 503 when the database is unreachable', async () => {
    await srv.db.drop();
    const res = await srv.call('GET', '/healthz');
    expect(res.status).toBe(503);
  });
});
