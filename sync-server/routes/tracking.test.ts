import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupWorld, type World } from '../complaints/fixtures.ts';
import type { ComplaintView } from '../complaints/view.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let srv: TestServer;
let w: World;
let complaint: ComplaintView;
let secret: string;
let path: string;

beforeAll(async () => {
  srv = await startTestServer();
  w = await setupWorld(srv);
  const res = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
    token: w.tokens.mainDesk,
    body: {
      hospitalId: w.main.id,
      sourceCode: 'MOH',
      title: 'Medication <script>alert(1)</script> error',
      description: 'Private details about the patient that must never be public',
      complainant: { name: 'Huda Al-Shehri', phone: '0551234567' },
    },
  });
  complaint = res.body;
  const url = new URL(complaint.trackingUrl);
  secret = url.searchParams.get('s') ?? '';
  path = url.pathname;
});
afterAll(async () => {
  await srv?.close();
});

const get = async (p: string) => {
  const res = await fetch(`${srv.url}${p}`);
  return { status: res.status, headers: res.headers, body: await res.text() };
};

describe('GET /complaints/track/:reference/', () => {
  it('with the secret shows the status in Arabic by default, and nothing private', async () => {
    const res = await get(`${path}?s=${secret}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(res.body).toContain(complaint.referenceNumber);
    expect(res.body).toContain('المستشفى الرئيسي');
    expect(res.body).toContain('تم استلام شكواك');
    expect(res.body).toContain('نسعى للرد عليك قبل');
    for (const hidden of ['Huda', '0551234567', '551234567', 'Private details', 'Main Desk', '<script>']) {
      expect(res.body).not.toContain(hidden);
    }
  });

  it('in English on request, with a language switch that keeps the secret', async () => {
    const res = await get(`${path}?s=${secret}&lang=en`);
    expect(res.body).toContain('<html lang="en" dir="ltr">');
    expect(res.body).toContain('We received your complaint');
    expect(res.body).toContain('Main Hospital');
    expect(res.body).toContain(`href="?s=${secret}&#38;lang=ar"`);
  });

  it('shows the resolution and the status history once resolved', async () => {
    const move = (body: object) =>
      srv.call('POST', `/api/v1/complaints/${complaint.id}/transitions`, { token: w.tokens.mainDesk, body });
    await move({ to: 'ASSIGNED', comment: 'Internal: given to Dr. Faisal' });
    await move({ to: 'IN_PROGRESS' });
    await move({ to: 'RESOLVED', resolution: 'The pharmacy corrected the dose and apologised.' });
    const res = await get(`${path}?s=${secret}&lang=en`);
    expect(res.body).toContain('Your complaint has been resolved');
    expect(res.body).toContain('The pharmacy corrected the dose and apologised.');
    expect(res.body).toContain('Status changed: Your complaint is with the team responsible');
    expect(res.body).not.toContain('Dr. Faisal');
    expect(res.body).not.toContain('We aim to respond');
  });

  it('without the right secret shows the same form for every reference, revealing nothing', async () => {
    const pages = await Promise.all([
      get(path),
      get(`${path}?s=wrong-secret-wrong-secret`),
      get(`${path}?s=${secret.slice(0, -1)}`),
      get('/complaints/track/CMP-2026-999999/'),
      get(`/complaints/track/CMP-2026-999999/?s=${secret}`),
      get('/complaints/track/not-a-reference/'),
    ]);
    for (const p of pages) {
      expect(p.status).toBe(200);
      expect(p.body).toBe(pages[0]?.body);
    }
    const form = pages[0]?.body ?? '';
    expect(form).toContain('name="s"');
    expect(form).not.toContain(complaint.referenceNumber);
    expect(form).not.toContain('CMP-');
    expect(form).not.toContain('المستشفى');
  });

  it('sends headers that keep the page private and locked down', async () => {
    for (const p of [path, `${path}?s=${secret}`]) {
      const { headers } = await get(p);
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      const csp = headers.get('content-security-policy') ?? '';
      for (const d of ["default-src 'none'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'", "style-src 'sha256-"]) {
        expect(csp).toContain(d);
      }
    }
  });

  it('answers without the trailing slash too', async () => {
    const res = await get(`${path.replace(/\/$/, '')}?s=${secret}`);
    expect(res.body).toContain(complaint.referenceNumber);
  });
});
