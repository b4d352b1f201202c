import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HospitalSummary } from '../../shared/api.ts';
import type { Role } from '../../shared/enums.ts';
import { renderMessage } from '../../shared/notifications/texts.ts';
import { withTx } from '../db/pool.ts';
import { createHospital, createUser } from '../directory.ts';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../test/server.ts';
import type { TemplateEntry } from '../../shared/notifications/templates.ts';
import { templateFor } from './store.ts';

const PASSWORD = 'templates-password-1';
let srv: TestServer;
let main: HospitalSummary;
let northId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  srv = await startTestServer({ services: false });
  const admin = await srv.login('admin', TEST_ADMIN_PASSWORD);
  tokens.admin = admin.accessToken;
  const hospitals = await srv.call<HospitalSummary[]>('GET', '/api/v1/hospitals', { token: admin.accessToken });
  main = hospitals.body.find((h) => h.code === 'MAIN')!;
  const now = srv.deps.clock.now();
  northId = await withTx(srv.db.pool, async (tx) => {
    const north = await createHospital(tx, { code: 'NORTH', nameEn: 'North', nameAr: 'الشمال', now });
    const users: [string, Role, string][] = [
      ['t_desk', 'desk_agent', main.id],
      ['t_manager', 'department_manager', main.id],
      ['t_hadmin', 'hospital_admin', main.id],
      ['t_px', 'px_admin', main.id],
      ['t_north', 'hospital_admin', north.id],
    ];
    for (const [username, role, hospitalId] of users) await createUser(tx, { username, displayName: username, role, hospitalId, password: PASSWORD, now });
    return north.id;
  });
  for (const name of ['desk', 'manager', 'hadmin', 'px', 'north']) tokens[name] = (await srv.login(`t_${name}`, PASSWORD)).accessToken;
});
afterAll(async () => {
  await srv?.close();
});

const path = (channel: string, template: string, language: string, hospitalId = main.id) =>
  `/api/v1/templates/${channel}/${template}/${language}?hospitalId=${hospitalId}`;
const list = (token: string, hospitalId = main.id) => srv.call<{ data: TemplateEntry[] }>('GET', `/api/v1/templates?hospitalId=${hospitalId}`, { token });
const save = (token: string, url: string, body: unknown) => srv.call<TemplateEntry & { fields?: Record<string, string>; problems?: unknown; message?: string }>('PATCH', url, { token, body });

describe('templates API', () => {
  it('is for admins, PX admins and hospital admins of their own hospital only', async () => {
    expect((await list(tokens.desk!)).status).toBe(403);
    expect((await list(tokens.manager!)).status).toBe(403);
    expect((await list(tokens.north!)).status).toBe(403);
    expect((await save(tokens.desk!, path('sms', 'complaint_received', 'ar'), { body: 'x {ref}' })).status).toBe(403);
    expect((await save(tokens.north!, path('sms', 'complaint_received', 'ar'), { body: 'x {ref}' })).status).toBe(403);
    expect((await srv.call('DELETE', path('sms', 'complaint_received', 'ar'), { token: tokens.north! })).status).toBe(403);
    for (const who of ['admin', 'px', 'hadmin']) expect((await list(tokens[who]!)).status).toBe(200);
    expect((await list(tokens.north!, northId)).status).toBe(200);
    expect((await srv.call('GET', `/api/v1/templates?hospitalId=${main.id}`)).status).toBe(401);
  });

  it('lists every template in both languages with its default, variables and no override', async () => {
    const { body } = await list(tokens.hadmin!);
    const received = body.data.filter((e) => e.template === 'complaint_received');
    expect(received.map((e) => e.language).sort()).toEqual(['ar', 'en']);
    const ar = received.find((e) => e.language === 'ar')!;
    expect(ar).toMatchObject({ channel: 'sms', override: null, variables: ['org', 'ref', 'link', 'support'] });
    expect(ar.default.body.split('\n')[0]).toBe('استلام شكوى {org}');
    expect(body.data.find((e) => e.template === 'staff_assigned' && e.language === 'en')?.default.subject).toMatch(/assigned to you/);
  });

  it('saves an override that the outbox’s lookup finds, for that hospital and language only', async () => {
    const res = await save(tokens.hadmin!, path('sms', 'complaint_received', 'ar'), { body: 'وصلت شكواكم {ref}\n{link}' });
    expect(res.status).toBe(200);
    expect(res.body.override).toMatchObject({ subject: null, body: 'وصلت شكواكم {ref}\n{link}', updatedAt: srv.deps.clock.now() });
    const found = await templateFor(srv.db.pool, main.id, 'complaint_received', 'sms', 'ar');
    expect(found).toEqual({ subject: null, body: 'وصلت شكواكم {ref}\n{link}' });
    expect(renderMessage('complaint_received', 'ar', { ref: 'CMP-2026-000001', link: 'L' }, found).body).toBe('وصلت شكواكم CMP-2026-000001\nL');
    expect(await templateFor(srv.db.pool, main.id, 'complaint_received', 'sms', 'en')).toBeNull();
    expect(await templateFor(srv.db.pool, northId, 'complaint_received', 'sms', 'ar')).toBeNull();
    const listed = (await list(tokens.admin!)).body.data.find((e) => e.template === 'complaint_received' && e.language === 'ar');
    expect(listed?.override?.body).toBe('وصلت شكواكم {ref}\n{link}');
  });

  it('refuses an unknown variable with a 422 naming it at its field, and saves nothing', async () => {
    const res = await save(tokens.px!, path('sms', 'complaint_received', 'en'), { body: 'Received {ref}, call {phone}' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: 'validation_failed',
      fields: { body: 'unknown_variable' },
      problems: { body: { code: 'unknown_variable', variable: 'phone', index: 21 } },
    });
    expect(res.body.message).toContain('{phone}');
    expect(await templateFor(srv.db.pool, main.id, 'complaint_received', 'sms', 'en')).toBeNull();
  });

  it('refuses unbalanced braces, and an e-mail without a subject, field by field', async () => {
    const braces = await save(tokens.px!, path('sms', 'complaint_closed', 'en'), { body: 'Closed {ref' });
    expect(braces.status).toBe(422);
    expect(braces.body.fields).toEqual({ body: 'unclosed_brace' });
    const mail = await save(tokens.px!, path('email', 'staff_assigned', 'en'), { subject: 'For {who}', body: '' });
    expect(mail.status).toBe(422);
    expect(mail.body.fields).toEqual({ subject: 'unknown_variable', body: 'required' });
    const ok = await save(tokens.px!, path('email', 'staff_assigned', 'en'), { subject: 'Yours: {ref}', body: 'Hello {name}, {ref} is yours.' });
    expect(ok.status).toBe(200);
    expect(await templateFor(srv.db.pool, main.id, 'staff_assigned', 'email', 'en')).toEqual({ subject: 'Yours: {ref}', body: 'Hello {name}, {ref} is yours.' });
  });

  it('answers 404 for a template, channel or language that does not exist, 422 for an unknown hospital', async () => {
    expect((await save(tokens.admin!, path('sms', 'nope', 'ar'), { body: 'x' })).status).toBe(404);
    expect((await save(tokens.admin!, path('email', 'complaint_received', 'ar'), { body: 'x' })).status).toBe(404);
    expect((await save(tokens.admin!, path('sms', 'complaint_received', 'fr'), { body: 'x' })).status).toBe(404);
    expect((await list(tokens.admin!, 'no-such-hospital')).status).toBe(422);
  });

  it('resets a template to its default', async () => {
    await save(tokens.hadmin!, path('sms', 'complaint_closed', 'ar'), { body: 'أُغلقت {ref}' });
    const res = await srv.call<TemplateEntry>('DELETE', path('sms', 'complaint_closed', 'ar'), { token: tokens.hadmin! });
    expect(res.status).toBe(200);
    expect(res.body.override).toBeNull();
    expect(await templateFor(srv.db.pool, main.id, 'complaint_closed', 'sms', 'ar')).toBeNull();
    expect((await srv.call('DELETE', path('sms', 'complaint_closed', 'ar'), { token: tokens.hadmin! })).status).toBe(200);
  });
});
