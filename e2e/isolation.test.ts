import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HospitalSummary, LoginResponse } from '../shared/api.ts';
import { replicationPaths } from '../shared/replication.ts';
import { ListPage } from './pages/ListPage.ts';
import { Api, type ApiComplaint } from './harness/api.ts';
import { dumpIndexedDb, pageFetch } from './harness/page-tools.ts';
import { sleep, waitFor } from './harness/ports.ts';
import { ProtocolDesk } from './harness/protocol-desk.ts';
import { openSse } from './harness/sse.ts';
import { startWorld, USER_PASSWORD, type LoggedInDesk, type World } from './harness/world.ts';

/**
 * A desk belongs to one hospital and must only ever hold that hospital's data (brief §1). The
 * desk of hospital 2 must get nothing of hospital 1 by pull, by stream or in a conflict answer,
 * and a tampered desk cannot write into hospital 1.
 */
describe('hospital isolation', () => {
  let world: World;
  let h1: HospitalSummary;
  let h2: HospitalSummary;
  let agent2: { api: Api; session: LoginResponse };
  const h1Complaints: ApiComplaint[] = [];
  let h2Complaint: ApiComplaint;
  let desk2: LoggedInDesk;

  const complaintIn = (hospitalId: string, title: string) =>
    world.admin.createComplaint({
      hospitalId,
      sourceCode: 'PATIENT',
      title,
      description: `${title} — details that belong to this hospital only.`,
      complainant: { name: `Complainant of ${title}`, language: 'en' },
    });

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    h1 = world.main;
    h2 = await world.addHospital('H2', 'Second Hospital');
    await world.addUser('agent_h2', 'desk_agent', h2.id);
    agent2 = await Api.login(world.server.url, 'agent_h2', USER_PASSWORD);
    for (let i = 1; i <= 3; i++) h1Complaints.push(await complaintIn(h1.id, `Hospital one secret case ${i}`));
    h2Complaint = await complaintIn(h2.id, 'Hospital two own case');
    desk2 = await world.desk('H2', 'agent_h2');
    await desk2.shell.waitOnline();
    await desk2.shell.gotoList();
  });
  afterAll(async () => {
    await world?.dispose();
  });

  /** Strings that would betray a hospital-1 record anywhere. */
  function h1Marks(): string[] {
    return [h1.id, ...h1Complaints.flatMap((c) => [c.id, c.referenceNumber, c.title, c.trackingSecret])];
  }

  async function expectDeskHoldsNothingOfH1(): Promise<void> {
    const refs = await new ListPage(desk2.page).references();
    for (const c of h1Complaints) expect(refs).not.toContain(c.referenceNumber);
    const stores = await dumpIndexedDb(desk2.page);
    expect(stores.length).toBeGreaterThan(0);
    for (const s of stores) {
      for (const mark of h1Marks()) {
        if (s.json.includes(mark)) throw new Error(`IndexedDB ${s.db}/${s.store} holds hospital-1 data: ${mark}`);
      }
    }
  }

  it('the hospital-2 desk receives its own complaints and none of hospital 1 (pull and stream)', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const list = new ListPage(desk2.page);
    // Control: replication works for this desk, so an empty-of-H1 list means something.
    await list.waitFor(h2Complaint.referenceNumber);
    await expectDeskHoldsNothingOfH1();

    // Live: a new hospital-1 complaint while the desk is connected, then a hospital-2 one.
    h1Complaints.push(await complaintIn(h1.id, 'Hospital one live case'));
    const h2Live = await complaintIn(h2.id, 'Hospital two live case');
    await list.waitFor(h2Live.referenceNumber);
    await sleep(1000);
    await expectDeskHoldsNothingOfH1();
  });

  it('refuses hospital-1 pulls and streams to the hospital-2 user, and its own are clean', async () => {
    const token = agent2.session.accessToken;
    for (const collection of ['complaints', 'events', 'departments', 'slaConfigs'] as const) {
      const refused = await agent2.api.pull(collection, h1.id);
      expect(refused.status, `pull ${collection} of hospital 1`).toBe(403);
      const own = await agent2.api.pullAll(collection, h2.id);
      expect(JSON.stringify(own)).not.toContain(h1.id);
    }
    const ownComplaints = await agent2.api.pullAll('complaints', h2.id);
    expect(ownComplaints.map((c) => c.referenceNumber)).toContain(h2Complaint.referenceNumber);

    const foreign = await openSse(`${world.server.url}${replicationPaths.stream}?hospitalId=${h1.id}`, token);
    foreign.close();
    expect(foreign.status).toBe(403);

    const stream = await openSse(`${world.server.url}${replicationPaths.stream}?hospitalId=${h2.id}`, token);
    try {
      expect(stream.status).toBe(200);
      await waitFor('hello', () => stream.events.some((e) => e.event === 'hello'));
      const before = stream.events.length;
      h1Complaints.push(await complaintIn(h1.id, 'Hospital one streamed case'));
      await sleep(2000);
      const leaked = stream.events.slice(before);
      expect(leaked.filter((e) => e.event === 'changed')).toEqual([]);
      for (const e of leaked) for (const mark of h1Marks()) expect(e.data).not.toContain(mark);
      // Control: the same stream does tell about hospital 2.
      await complaintIn(h2.id, 'Hospital two streamed case');
      await waitFor('a changed event for hospital 2', () => stream.events.slice(before).some((e) => e.event === 'changed'));
    } finally {
      stream.close();
    }
  });

  it('refuses forged writes into hospital 1 from the hospital-2 desk and writes nothing', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const login = await pageFetch(desk2.page, `${world.server.url}/api/v1/auth/login`, {
      method: 'POST',
      body: { username: 'agent_h2', password: USER_PASSWORD },
    });
    expect(login.status).toBe(200);
    const token = (JSON.parse(login.text) as LoginResponse).accessToken;
    const forger = new ProtocolDesk(new Api(world.server.url, token), agent2.session, h2.id);
    const year = new Date().getUTCFullYear();

    // No reference numbers of hospital 1 for this user.
    const lease = await pageFetch(desk2.page, `${world.server.url}/api/v1/reference-blocks`, {
      method: 'POST',
      token,
      body: { deskId: forger.deskId, hospitalId: h1.id, year, size: 5 },
    });
    expect(lease.status).toBe(403);

    await forger.ensureNumbers(year, 5);
    const totalBefore = (await world.admin.listComplaints({ hospitalId: h1.id, limit: '1' })).pagination.total;
    const pushUrl = (c: 'complaints' | 'events', hospitalId: string) =>
      `${world.server.url}${replicationPaths.push(c)}?hospitalId=${hospitalId}`;

    // 1. Push into hospital 1's scope.
    const intoH1 = forger.makeComplaint(Date.now(), 'Forged into hospital one');
    intoH1.complaint.hospitalId = h1.id;
    intoH1.event.hospitalId = h1.id;
    const r1 = await pageFetch(desk2.page, pushUrl('complaints', h1.id), {
      method: 'POST',
      token,
      body: { deskId: forger.deskId, rows: [{ assumedMasterState: null, newDocumentState: intoH1.complaint }] },
    });
    expect(r1.status).toBe(403);
    const r1e = await pageFetch(desk2.page, pushUrl('events', h1.id), {
      method: 'POST',
      token,
      body: { deskId: forger.deskId, rows: [{ assumedMasterState: null, newDocumentState: intoH1.event }] },
    });
    expect(r1e.status).toBe(403);

    // 2. Own scope in the query, hospital 1 in the document.
    const smuggled = forger.makeComplaint(Date.now(), 'Smuggled into hospital one');
    smuggled.complaint.hospitalId = h1.id;
    const r2 = await pageFetch(desk2.page, pushUrl('complaints', h2.id), {
      method: 'POST',
      token,
      body: { deskId: forger.deskId, rows: [{ assumedMasterState: null, newDocumentState: smuggled.complaint }] },
    });
    expect(r2.status).toBe(403);

    // 3. A hospital-1 complaint's id pushed as if it were a hospital-2 complaint: the answer must
    //    not hand back hospital 1's document as a "conflict", and hospital 1's row must not change.
    const target = h1Complaints[0];
    if (!target) throw new Error('no hospital-1 complaint');
    const hijack = forger.makeComplaint(Date.now(), 'Hijacked title');
    hijack.complaint.id = target.id;
    const r3 = await pageFetch(desk2.page, pushUrl('complaints', h2.id), {
      method: 'POST',
      token,
      body: { deskId: forger.deskId, rows: [{ assumedMasterState: null, newDocumentState: hijack.complaint }] },
    });
    for (const mark of h1Marks()) {
      if (mark !== target.id) expect(r3.text).not.toContain(mark);
    }
    expect(r3.text).not.toContain(target.title);
    // An event of hospital 2 hung on hospital 1's complaint must not reach its timeline.
    const stray = forger.makeComplaint(Date.now(), 'Stray event');
    stray.event.complaintId = target.id;
    stray.event.type = 'note';
    stray.event.comment = 'forged note on a hospital-1 complaint';
    const r4 = await pageFetch(desk2.page, pushUrl('events', h2.id), {
      method: 'POST',
      token,
      body: { deskId: forger.deskId, rows: [{ assumedMasterState: null, newDocumentState: stray.event }] },
    });
    expect(r4.text).not.toContain(target.title);

    // Nothing was written into hospital 1.
    for (const forged of [intoH1, smuggled]) {
      expect((await world.admin.getComplaint(forged.complaint.id)).status).toBe(404);
      expect((await world.admin.getComplaint(forged.complaint.referenceNumber)).status).toBe(404);
    }
    const after = await world.admin.getComplaint(target.id);
    expect(after.status).toBe(200);
    expect(after.body.hospitalId).toBe(h1.id);
    expect(after.body.title).toBe(target.title);
    expect(after.body.referenceNumber).toBe(target.referenceNumber);
    expect(JSON.stringify(after.body.events)).not.toContain('forged note');
    const totalAfter = (await world.admin.listComplaints({ hospitalId: h1.id, limit: '1' })).pagination.total;
    expect(totalAfter).toBe(totalBefore);
    // And the desk still holds nothing of hospital 1 after all that.
    await expectDeskHoldsNothingOfH1();
  });
});
