import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupWorld, type World } from '../complaints/fixtures.ts';
import { startTestServer } from '../test/server.ts';
import { PUBLIC_LIMITS } from './limits.ts';
import { makeComplaint, raw, textOf, type Made } from './testing.ts';

/**
 * Rate limits of the public pages, seen from the outside: requests from several loopback
 * addresses (127.x.y.z all reach this machine, and the server counts per address).
 */
let w: World;
let a: Made;
let b: Made;
let c: Made;

beforeAll(async () => {
  w = await setupWorld(await startTestServer({ services: false }));
  a = await makeComplaint(w);
  b = await makeComplaint(w);
  c = await makeComplaint(w);
});
afterAll(async () => {
  await w?.srv.close();
});

const missing = () => `CMP-${a.referenceNumber.slice(4, 8)}-9${String(Math.floor(Math.random() * 99_999)).padStart(5, '0')}`;

describe('public page rate limits', () => {
  it(`per address: after ${PUBLIC_LIMITS.addressFailures.max} answers that showed nothing, 429 for everything — the same page for every reference`, async () => {
    const from = '127.0.7.1';
    for (let i = 0; i < PUBLIC_LIMITS.addressFailures.max; i++) {
      // A few on an existing reference (fewer than its own allowance), the rest on references that do not exist.
      const ref = i % 20 === 0 ? a.referenceNumber : missing();
      expect((await raw(w.srv.url, `/complaints/track/${ref}/?s=guess${i}`, { localAddress: from })).status).toBe(200);
    }
    const existing = await raw(w.srv.url, `${a.path}?s=nope&lang=en`, { localAddress: from });
    const absent = await raw(w.srv.url, `/complaints/track/${missing()}/?s=nope&lang=en`, { localAddress: from });
    const right = await raw(w.srv.url, `${a.path}?s=${a.secret}&lang=en`, { localAddress: from });
    for (const r of [existing, absent, right]) {
      expect(r.status).toBe(429);
      expect(r.body).toBe(existing.body);
    }
    expect(textOf(existing.body)).toContain('Please wait a few minutes');
    expect(right.headers['content-security-policy']).toContain("default-src 'none'");
    // The survey and the code steps are closed to that address too.
    expect((await raw(w.srv.url, `/complaints/survey/${a.referenceNumber}/?s=${a.secret}`, { localAddress: from })).status).toBe(429);
    expect((await raw(w.srv.url, a.path, { form: { step: 'phone', phone: '0551234567' }, localAddress: from })).status).toBe(429);
    // Another address is not affected.
    expect((await raw(w.srv.url, `${a.path}?s=${a.secret}`, { localAddress: '127.0.7.2' })).body).toContain(a.referenceNumber);
  });

  it(`per reference: after ${PUBLIC_LIMITS.referenceFailures.max} failures from anywhere, 429 without the secret — but the complainant’s link still opens`, async () => {
    for (let i = 0; i < PUBLIC_LIMITS.referenceFailures.max; i++) {
      expect((await raw(w.srv.url, `${b.path}?s=guess${i}`, { localAddress: `127.0.8.${i + 1}` })).status).toBe(200);
    }
    const fresh = '127.0.8.200';
    expect((await raw(w.srv.url, `${b.path}?s=guess`, { localAddress: fresh })).status).toBe(429);
    expect((await raw(w.srv.url, b.path, { localAddress: fresh })).status).toBe(429);
    expect((await raw(w.srv.url, b.path, { form: { step: 'code', code: '123456' }, localAddress: fresh })).status).toBe(429);
    const opened = await raw(w.srv.url, `${b.path}?s=${b.secret}`, { localAddress: fresh });
    expect(opened.status).toBe(200);
    expect(opened.body).toContain(b.referenceNumber);
    // Other references are not affected.
    expect((await raw(w.srv.url, `${c.path}?s=guess`, { localAddress: fresh })).status).toBe(200);
  });

  it(`per address: at most ${PUBLIC_LIMITS.addressCodeRequests.max} requests for a code`, async () => {
    const from = '127.0.9.1';
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_LIMITS.addressCodeRequests.max; i++) {
      statuses.push((await raw(w.srv.url, `/complaints/track/${missing()}/`, { form: { step: 'phone', phone: '0551234567' }, localAddress: from })).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
