import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiComplaint } from './harness/api.ts';
import { waitFor } from './harness/ports.ts';
import { startWorld, type LoggedInDesk, type World } from './harness/world.ts';
import { ComplaintList } from './pages/ComplaintList.ts';
import { DetailPage } from './pages/DetailPage.ts';
import { ListPage } from './pages/ListPage.ts';

/**
 * A bulk action taken offline on three complaints, one of which the workflow refuses: that row
 * is reported (in the reader's language), the others are closed, each with its own timeline
 * event, and everything reaches the server when the network returns.
 */
describe('bulk actions', () => {
  let world: World;
  let desk: LoggedInDesk;
  const resolved: ApiComplaint[] = [];
  let pending: ApiComplaint;

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('bulk_px', 'px_admin', world.main.id);
    const create = (title: string) =>
      world.admin.createComplaint({
        hospitalId: world.main.id,
        sourceCode: 'PATIENT',
        title,
        description: 'Filed for the bulk test.',
        complainant: { name: 'Bulk Complainant' },
      });
    for (const title of ['Bulk one: noise at night', 'Bulk two: cold food']) {
      const c = await create(title);
      for (const to of ['ASSIGNED', 'IN_PROGRESS', 'RESOLVED']) {
        await world.admin.ok('POST', `/api/v1/complaints/${c.id}/transitions`, { to, resolution: 'Apologised and fixed.' });
      }
      resolved.push(c);
    }
    pending = await create('Bulk three: still waiting');
    desk = await world.desk('bulk', 'bulk_px');
    await desk.shell.waitOnline();
    await desk.shell.gotoList();
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('closes the rows the workflow allows, reports the one it refuses, and syncs the rest', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const list = new ComplaintList(desk.page);
    await list.filter('status', '');
    const refs = [...resolved, pending].map((c) => c.referenceNumber);
    expect((await list.waitForReferences(refs, 60_000)).sort()).toEqual([...refs].sort());
    await desk.shell.waitPending(0);

    await desk.setOffline(true);
    await desk.shell.waitOffline();
    for (const r of refs) await list.select(r);
    expect(await desk.page.getByTestId('bulk-count').innerText()).not.toBe('');
    await list.bulk('close', { comment: 'Closed in bulk after follow-up calls' });

    const refusals = await list.bulkRefusals();
    expect(refusals.map((r) => [r.reference, r.error])).toEqual([[pending.referenceNumber, 'not_allowed']]);
    // Translated: the Arabic desk names the allowed statuses in Arabic, and again in English.
    expect(refusals[0]!.text).toContain('مُسندة');
    await desk.page.getByTestId('lang-toggle').click();
    await desk.page.waitForFunction(
      (ref) => document.querySelector(`[data-testid="bulk-result"][data-reference="${ref}"]`)?.textContent?.includes('Allowed: Assigned, Cancelled'),
      pending.referenceNumber,
    );
    // The refused row stays selected, ready for another action.
    expect(await desk.page.getByTestId('row-select').evaluateAll((boxes) => boxes.filter((b) => (b as HTMLInputElement).checked).length)).toBe(1);

    // Offline: the changes wait in the outbox (two complaints and two events).
    expect(await desk.shell.pending()).toBeGreaterThanOrEqual(4);
    await new ListPage(desk.page).open(resolved[0]!.referenceNumber);
    const detail = new DetailPage(desk.page);
    expect(await detail.status()).toBe('CLOSED');
    await expect.poll(() => detail.timelineItems('status_changed').count()).toBeGreaterThanOrEqual(1);

    await desk.setOffline(false);
    await desk.shell.waitOnline();
    await desk.shell.waitPending(0);
    for (const c of resolved) {
      const server = await waitFor(`${c.referenceNumber} closed on the server`, async () => {
        const r = await world.admin.getComplaint(c.referenceNumber);
        return r.status === 200 && r.body.status === 'CLOSED' ? r.body : null;
      });
      const closing = (server.events ?? []).filter((e) => e.type === 'status_changed' && e.to === 'CLOSED');
      expect(closing).toHaveLength(1);
      expect(closing[0]!.comment).toBe('Closed in bulk after follow-up calls');
    }
    const untouched = await world.admin.getComplaint(pending.referenceNumber);
    expect(untouched.body.status).toBe('PENDING');
  });
});
