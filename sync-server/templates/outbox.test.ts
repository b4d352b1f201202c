import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HospitalSummary } from '../../shared/api.ts';
import type { ComplaintDoc } from '../../shared/documents.ts';
import { gatewayEnv, startFakeGateway, waitFor, type FakeGateway } from '../notifications/testing.ts';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../test/server.ts';

/**
 * An admin's template reaches the complainant's phone: the outbox renders a hospital's override
 * (templates/store.ts `overrideLookup`) and the default everywhere else.
 */
let srv: TestServer;
let gw: FakeGateway;
let token: string;
let main: HospitalSummary;

beforeAll(async () => {
  gw = await startFakeGateway();
  srv = await startTestServer({ env: { ...gatewayEnv(gw), BASE_URL: 'http://127.0.0.1:1/', ORG_NAME: 'SHCT', SUPPORT_PHONE: '8001234567' } });
  token = (await srv.login('admin', TEST_ADMIN_PASSWORD)).accessToken;
  main = (await srv.call<HospitalSummary[]>('GET', '/api/v1/hospitals', { token })).body.find((h) => h.code === 'MAIN')!;
});
afterAll(async () => {
  await srv?.close();
  await gw?.close();
});

async function create(language: 'ar' | 'en'): Promise<ComplaintDoc> {
  const res = await srv.call<ComplaintDoc>('POST', '/api/v1/complaints', {
    token,
    body: { hospitalId: main.id, sourceCode: 'PATIENT', title: 'Lost referral', description: 'Lost twice.', complainant: { name: 'Noura', phone: '0501234567', language } },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const received = (ref: string) => waitFor(() => gw.requests.find((r) => r.text.includes(ref))?.text, `the SMS of ${ref}`);

describe('templates in the outbox', () => {
  it('sends the hospital’s Arabic text once an admin saved one, and the default in English', async () => {
    const saved = await srv.call('PATCH', `/api/v1/templates/sms/complaint_received/ar?hospitalId=${main.id}`, {
      token,
      body: { body: 'وصلتنا شكواكم رقم {ref}\nللمتابعة: {link}\nهاتف: {support}' },
    });
    expect(saved.status).toBe(200);
    const ar = await create('ar');
    const arText = await received(ar.referenceNumber);
    expect(arText.split('\n')).toEqual([`وصلتنا شكواكم رقم ${ar.referenceNumber}`, expect.stringMatching(/^للمتابعة: http:\/\/127\.0\.0\.1:1\/complaints\/track\//), 'هاتف: 8001234567']);

    const en = await create('en');
    expect((await received(en.referenceNumber)).split('\n')[0]).toBe('SHCT Complaint Received');
  });

  it('goes back to the default after a reset', async () => {
    await srv.call('DELETE', `/api/v1/templates/sms/complaint_received/ar?hospitalId=${main.id}`, { token });
    const ar = await create('ar');
    expect((await received(ar.referenceNumber)).split('\n')[0]).toBe('استلام شكوى SHCT');
  });
});
