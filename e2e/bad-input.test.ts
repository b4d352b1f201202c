import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FieldErrors } from '../shared/api.ts';
import { Api } from './harness/api.ts';
import { ProtocolDesk } from './harness/protocol-desk.ts';
import { ADMIN_PASSWORD, startServer, type ServerHandle } from './harness/server.ts';

/**
 * Bad input from the outside (an integration client, a broken or tampered desk) is answered with
 * a 4xx naming the fields, and changes nothing. The server's own tests cover each rule in detail;
 * this checks the contract end to end on the real process: status, field keys, nothing written.
 */
describe('bad input', () => {
  let server: ServerHandle;
  let admin: Api;
  let hospitalId: string;

  beforeAll(async () => {
    server = await startServer({ dbUrl: inject('pgAdminUrl') });
    admin = (await Api.login(server.url, 'admin', ADMIN_PASSWORD)).api;
    hospitalId = (await admin.hospitalByCode('MAIN')).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function snapshot() {
    const complaints = await admin.pullAll('complaints', hospitalId);
    const events = await admin.pullAll('events', hospitalId);
    return { complaints: complaints.length, events: events.length };
  }

  it('answers 422 with field errors to a bad integration request and writes nothing', async () => {
    const before = await snapshot();
    const r = await admin.request<FieldErrors>('POST', '/api/v1/complaints', {
      hospitalId,
      sourceCode: 'PATIENT',
      title: 'x',
      description: '',
      severity: 'apocalyptic',
      complainant: { name: '', phone: 'call me maybe', email: 'not-an-email' },
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('validation_failed');
    for (const field of ['title', 'description', 'severity', 'complainant.name', 'complainant.email']) {
      expect(Object.keys(r.body.fields)).toContain(field);
    }
    const phone = await admin.request<FieldErrors>('POST', '/api/v1/complaints', {
      hospitalId,
      sourceCode: 'PATIENT',
      title: 'A valid title',
      description: 'A valid description',
      complainant: { name: 'Valid Name', phone: 'call me maybe' },
    });
    expect(phone.status).toBe(422);
    expect(Object.keys(phone.body.fields)).toContain('complainant.phone');
    const notJson = await admin.request('POST', '/api/v1/complaints', '{"hospitalId": ');
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses malformed pushes with 4xx and writes nothing', async () => {
    const { api, session } = await Api.login(server.url, 'admin', ADMIN_PASSWORD);
    const desk = new ProtocolDesk(api, session, hospitalId);
    const year = new Date().getUTCFullYear();
    await desk.ensureNumbers(year, 5);
    const before = await snapshot();

    const good = desk.makeComplaint(Date.now(), 'A complaint pushed with a broken twin');
    const broken = desk.makeComplaint(Date.now(), 'Broken complaint');
    const brokenDoc = { ...broken.complaint, status: 'MAYBE', complainant: { ...broken.complaint.complainant, phone: '12' } };
    // One bad row refuses the whole push, including the good row beside it.
    const mixed = await api.push('complaints', hospitalId, {
      deskId: desk.deskId,
      rows: [
        { assumedMasterState: null, newDocumentState: good.complaint },
        { assumedMasterState: null, newDocumentState: brokenDoc as unknown as typeof good.complaint },
      ],
    });
    expect(mixed.status).toBe(422);
    const fields = Object.keys((mixed.body as unknown as FieldErrors).fields ?? {});
    expect(fields.some((f) => f.includes('status'))).toBe(true);
    expect(fields.some((f) => f.includes('complainant.phone'))).toBe(true);

    for (const body of ['{"deskId":', JSON.stringify({ deskId: desk.deskId, rows: 'all of them' }), JSON.stringify({ rows: [] })]) {
      const r = await api.push('complaints', hospitalId, body);
      expect(r.status, body).toBeGreaterThanOrEqual(400);
      expect(r.status, body).toBeLessThan(500);
    }
    const badEvent = { ...good.event, type: 'teleported', at: -5 };
    const ev = await api.push('events', hospitalId, {
      deskId: desk.deskId,
      rows: [{ assumedMasterState: null, newDocumentState: badEvent as unknown as typeof good.event }],
    });
    expect(ev.status).toBe(422);

    // A reference number the desk never leased: refused, so no duplicate can be minted offline.
    const unleased = desk.makeComplaint(Date.now(), 'Complaint with an invented number');
    unleased.complaint.referenceNumber = `CMP-${year}-999999`;
    const r = await api.push('complaints', hospitalId, {
      deskId: desk.deskId,
      rows: [{ assumedMasterState: null, newDocumentState: unleased.complaint }],
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);

    expect(await snapshot()).toEqual(before);
    expect((await admin.getComplaint(good.complaint.id)).status).toBe(404);
  });

  it('refuses a transition the workflow does not allow with 409 and keeps the status', async () => {
    const c = await admin.createComplaint({
      hospitalId,
      sourceCode: 'MOH',
      title: 'Workflow check complaint',
      description: 'Ministry referral.',
      complainant: { name: 'Referral' },
    });
    const r = await admin.request('POST', `/api/v1/complaints/${c.referenceNumber}/transitions`, { to: 'CLOSED' });
    expect(r.status).toBe(409);
    const after = await admin.getComplaint(c.id);
    expect(after.body.status).toBe('PENDING');
    expect((after.body.events ?? []).filter((e) => e.type === 'status_changed')).toHaveLength(0);
  });
});
