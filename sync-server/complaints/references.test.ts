import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaseResponse } from '../../shared/api.ts';
import { parseReference } from '../../shared/reference-number.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { setupWorld, type World } from './fixtures.ts';

let srv: TestServer;
let w: World;
beforeAll(async () => {
  srv = await startTestServer();
  w = await setupWorld(srv);
});
afterAll(async () => {
  await srv?.close();
});

const leaseCall = (token: string, body: unknown) => srv.call<LeaseResponse>('POST', '/api/v1/reference-blocks', { token, body });

describe('POST /api/v1/reference-blocks', () => {
  it('hands out disjoint ranges to many desks and hospitals leasing at once', async () => {
    const calls = Array.from({ length: 24 }, (_, i) =>
      i % 2
        ? leaseCall(w.tokens.mainDesk, { deskId: `desk-${i}`, hospitalId: w.main.id, year: 2031, size: 7 + i })
        : leaseCall(w.tokens.northDesk, { deskId: `desk-${i}`, hospitalId: w.north.id, year: 2031, size: 3 }),
    );
    const results = await Promise.all(calls);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const ranges = results.map((r) => r.body).sort((a, b) => a.start - b.start);
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i];
      expect(r?.year).toBe(2031);
      if (i > 0) expect(r?.start).toBeGreaterThan(ranges[i - 1]?.end ?? Infinity);
    }
    expect(ranges[0]?.start).toBe(1);
    const { rows } = await srv.db.pool.query('SELECT * FROM reference_blocks WHERE year = 2031');
    expect(rows).toHaveLength(24);
  });

  it('uses the default block of 50 and a counter of its own for each year', async () => {
    const a = await leaseCall(w.tokens.mainDesk, { deskId: 'd', hospitalId: w.main.id, year: 2040 });
    expect(a.body).toEqual({ year: 2040, start: 1, end: 50 });
    const b = await leaseCall(w.tokens.mainDesk, { deskId: 'd', hospitalId: w.main.id, year: 2040, size: 1 });
    expect(b.body).toEqual({ year: 2040, start: 51, end: 51 });
  });

  it('gives complaints created on the server numbers from the same counter', async () => {
    const year = new Date(srv.deps.clock.now()).getUTCFullYear();
    const block = await leaseCall(w.tokens.mainDesk, { deskId: 'd', hospitalId: w.main.id, year, size: 5 });
    const created = await srv.call<{ referenceNumber: string }>('POST', '/api/v1/complaints', {
      token: w.tokens.mainDesk,
      body: { hospitalId: w.main.id, sourceCode: 'PATIENT', title: 'Noise at night', description: 'Ward 3', complainant: { name: 'Ali' } },
    });
    expect(created.status).toBe(201);
    const n = parseReference(created.body.referenceNumber)?.n ?? 0;
    expect(n).toBeGreaterThan(block.body.end);
  });

  it('refuses a hospital the caller may not see (403) and a bad body (422)', async () => {
    const other = await leaseCall(w.tokens.mainDesk, { deskId: 'd', hospitalId: w.north.id, year: 2031 });
    expect(other.status).toBe(403);
    const bad = await leaseCall(w.tokens.mainDesk, { deskId: 'd', hospitalId: w.main.id, year: 1999, size: 100_000 });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.body as unknown as { fields: object }).fields).sort()).toEqual(['size', 'year']);
    const nowhere = await leaseCall(w.tokens.admin, { deskId: 'd', hospitalId: 'no-such-hospital', year: 2031 });
    expect(nowhere.status).toBe(422);
    const anonymous = await srv.call('POST', '/api/v1/reference-blocks', { body: { deskId: 'd', hospitalId: w.main.id, year: 2031 } });
    expect(anonymous.status).toBe(401);
  });
});
