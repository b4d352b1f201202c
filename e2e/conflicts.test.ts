import { describe, expect, it } from 'vitest';
import { openWhenOnline, twoDeskWorld } from './harness/world.ts';
import { waitFor } from './harness/ports.ts';

/**
 * Two desks edit the same complaint while both are offline. Edits of different fields must both
 * survive; edits of the same field must end with every desk and the server agreeing on one value,
 * and the losing value must stay visible on the timeline (a `conflict_resolved` item).
 */
describe('concurrent offline edits', () => {
  const world = twoDeskWorld();

  async function serverState(reference: string) {
    const r = await world().admin.getComplaint(reference);
    if (r.status !== 200) throw new Error(`GET ${reference} → ${r.status}`);
    return r.body;
  }

  it('keeps both edits of different fields, then settles a clash on one value and shows the loser', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => console.log(world().diagnostics()));
    const x = await world().admin.createComplaint({
      hospitalId: world().main.id,
      sourceCode: 'FAMILY',
      title: 'Conflicting edits complaint',
      description: 'My father was discharged without his medication list.',
      severity: 'medium',
      priority: 'medium',
      complainant: { name: 'Omar Al-Qahtani', phone: '0501234567', language: 'en' },
    });
    const ref = x.referenceNumber;
    const a = await world().desk('A', 'desk_a');
    const b = await world().desk('B', 'desk_b');
    const detailA = await openWhenOnline(a, ref);
    const detailB = await openWhenOnline(b, ref);
    await detailA.waitForStatus('PENDING');
    await detailB.waitForPriority('medium');

    // Round 1: different fields.
    await a.setOffline(true);
    await b.setOffline(true);
    await a.shell.waitOffline();
    await b.shell.waitOffline();
    await detailA.changeStatus('ASSIGNED', { comment: 'Taken by patient relations' });
    await detailA.waitForStatus('ASSIGNED');
    await detailB.setPriority('urgent');
    await detailB.waitForPriority('urgent');
    expect(await a.shell.pending()).toBeGreaterThan(0);
    expect(await b.shell.pending()).toBeGreaterThan(0);

    await a.setOffline(false);
    await b.setOffline(false);
    await a.shell.waitPending(0);
    await b.shell.waitPending(0);
    await waitFor('server to hold both edits', async () => {
      const s = await serverState(ref);
      return s.status === 'ASSIGNED' && s.priority === 'urgent';
    });
    for (const d of [detailA, detailB]) {
      await d.waitForStatus('ASSIGNED');
      await d.waitForPriority('urgent');
    }

    // Round 2: the same field, two values. A reconnects first, so A's value reaches the server first.
    await a.setOffline(true);
    await b.setOffline(true);
    await a.shell.waitOffline();
    await b.shell.waitOffline();
    await detailA.setPriority('high');
    await detailB.setPriority('low');
    await detailA.waitForPriority('high');
    await detailB.waitForPriority('low');

    await a.setOffline(false);
    await a.shell.waitPending(0);
    await waitFor('A’s priority on the server', async () => (await serverState(ref)).priority === 'high');
    await b.setOffline(false);
    await b.shell.waitPending(0);

    for (const d of [detailA, detailB]) await d.waitForPriority('high', 60_000);
    const final = await serverState(ref);
    expect(final.priority).toBe('high');
    expect(final.status).toBe('ASSIGNED');

    // The losing value is not silently dropped: it is on the timeline, on the server and both desks.
    const lost = (final.events ?? []).filter((e) => e.type === 'conflict_resolved');
    expect(lost).toHaveLength(1);
    expect(JSON.stringify(lost[0])).toContain('low');
    for (const d of [detailA, detailB]) {
      const items = d.timelineItems('conflict_resolved');
      await expect.poll(() => items.count(), { timeout: 60_000 }).toBe(1);
      // Names the value that was not applied (low) beside the one kept (high), in either language.
      const text = (await items.first().innerText()).toLowerCase();
      expect(text).toMatch(/\blow\b|منخفضة/);
      expect(text).toMatch(/\bhigh\b|عالية/);
    }
    // Round 1 produced no conflict: different fields merge silently.
    const statusEvents = (final.events ?? []).filter((e) => e.type === 'status_changed');
    expect(statusEvents).toHaveLength(1);

    // Round 3: A resolves, B cancels, offline; B reconnects first, so A's resolution is refused.
    // The complainant must not be told it was resolved (issue 4): only the kept status counts.
    await a.setOffline(true);
    await b.setOffline(true);
    await a.shell.waitOffline();
    await b.shell.waitOffline();
    await detailA.changeStatus('IN_PROGRESS');
    await detailA.waitForStatus('IN_PROGRESS');
    await detailA.changeStatus('RESOLVED', { resolution: 'Medication list sent by post' });
    await detailA.waitForStatus('RESOLVED');
    await detailB.changeStatus('CANCELLED', { comment: 'Duplicate of an earlier complaint' });
    await detailB.waitForStatus('CANCELLED');
    await b.setOffline(false);
    await b.shell.waitPending(0);
    await waitFor('B’s cancellation on the server', async () => (await serverState(ref)).status === 'CANCELLED');
    await a.setOffline(false);
    await a.shell.waitPending(0);
    for (const d of [detailA, detailB]) await d.waitForStatus('CANCELLED', 60_000);
    const settled = await serverState(ref);
    // A's desk may push its intermediate IN_PROGRESS too: each refused state is on the timeline.
    const refused = (settled.events ?? []).filter((e) => e.type === 'conflict_resolved' && e.field === 'status').map((e) => e.to);
    expect(refused).toContain('RESOLVED');
    expect((settled.notifications ?? []).map((n) => (n as { template: string }).template)).toEqual(['complaint_received']);
  });
});
