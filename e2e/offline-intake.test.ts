import { describe, expect, it } from 'vitest';
import { IntakePage } from './pages/IntakePage.ts';
import { ListPage } from './pages/ListPage.ts';
import { DetailPage } from './pages/DetailPage.ts';
import { twoDeskWorld } from './harness/world.ts';
import { waitFor } from './harness/ports.ts';

/**
 * The desk's promise to its users: with the network down, a complaint can still be taken and the
 * complainant leaves with a final reference number; when the network returns, the complaint
 * reaches the server and every other desk of the hospital, under that same number.
 */
describe('offline intake', () => {
  const world = twoDeskWorld();

  it('gives a final reference offline and delivers the complaint when back online', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world().diagnostics()));
    const a = await world().desk('A', 'desk_a');
    // Desk B is open and online the whole time: the complaint must arrive there without a reload.
    const b = await world().desk('B', 'desk_b');
    await b.shell.waitOnline();
    await b.shell.gotoList();
    await a.shell.waitOnline();
    await a.shell.waitPending(0);
    // The desk leases its reference numbers while online; give it the chance to finish.
    await a.shell.gotoNew();
    await a.setOffline(true);
    await a.shell.waitOffline();

    const intake = new IntakePage(a.page);
    const title = `Offline intake ${Date.now()}`;
    const reference = await intake.take({
      source: 'PATIENT',
      channel: 'walk_in',
      title,
      description: 'Waited four hours in the emergency department without being seen.',
      severity: 'high',
      priority: 'high',
      name: 'Fatimah Al-Harbi',
      phone: '0501234567',
      language: 'ar',
    });
    expect(reference).toMatch(/^CMP-\d{4}-\d{6,}$/);
    expect(reference.slice(4, 8)).toBe(String(new Date().getFullYear()));
    // The write is held locally: the indicator says so while the network is down.
    expect(await a.shell.pending()).toBeGreaterThan(0);
    const onServerWhileOffline = await world().admin.getComplaint(reference);
    expect(onServerWhileOffline.status).toBe(404);

    await a.setOffline(false);
    await a.shell.waitOnline();
    await a.shell.waitPending(0);

    const server = await waitFor('the complaint on the server', async () => {
      const r = await world().admin.getComplaint(reference);
      return r.status === 200 ? r.body : null;
    });
    expect(server.referenceNumber).toBe(reference);
    expect(server.title).toBe(title);
    expect(server.hospitalId).toBe(world().main.id);
    expect(server.status).toBe('PENDING');
    expect(server.complainant.phone).toBe('+966501234567');
    const created = (server.events ?? []).filter((e) => e.type === 'created');
    expect(created).toHaveLength(1);

    // The number handed to the complainant never changes, on the desk that gave it either.
    await a.shell.gotoList();
    const listA = new ListPage(a.page);
    await listA.waitFor(reference);
    await listA.open(reference);
    expect(await new DetailPage(a.page).reference()).toBe(reference);

    const listB = new ListPage(b.page);
    await listB.waitFor(reference);
    await listB.open(reference);
    const detailB = new DetailPage(b.page);
    expect(await detailB.reference()).toBe(reference);
    await expect.poll(() => detailB.timelineItems('created').count(), { timeout: 30_000 }).toBe(1);
  });
});
