import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IntakePage } from './pages/IntakePage.ts';
import { SlaPanel } from './pages/SlaPanel.ts';
import { startWorld, type World } from './harness/world.ts';
import { waitFor } from './harness/ports.ts';

const H = 3_600_000;

/**
 * Issue 3's "done means", seen from the desk: an MOH complaint taken offline shows at once when
 * the server will remind (12 h), escalate to the department manager (24 h) and remind again
 * (30 h); once the server's (manual) clock reaches 12 h, the panel shows the first reminder as
 * confirmed by the server, at the time it projected.
 */
describe('SLA projection on the desk', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('sla_desk', 'desk_agent', world.main.id);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('shows an MOH complaint’s reminders and escalation offline, then the server’s confirmation', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const desk = await world.desk('SLA', 'sla_desk');
    await desk.shell.waitOnline();
    await desk.shell.waitPending(0);
    // The hospital's SLA settings must be on the desk before it goes offline: the first sync ends.
    await desk.page.getByTestId('sync-progress').waitFor({ state: 'detached', timeout: 60_000 });
    await desk.shell.gotoNew();
    await desk.setOffline(true);
    await desk.shell.waitOffline();

    const reference = await new IntakePage(desk.page).take({
      source: 'MOH',
      channel: 'letter',
      title: `MOH referral ${Date.now()}`,
      description: 'Referred by the Ministry of Health: the patient waited two days for a scan.',
      severity: 'medium',
      priority: 'medium',
      name: 'Khalid Al-Qahtani',
      phone: '0551234567',
    });
    await desk.shell.openComplaint(reference);

    // Still offline: everything below is the desk's own projection.
    expect(await desk.shell.isOnline()).toBe(false);
    const panel = new SlaPanel(desk.page);
    expect(await panel.basis()).toEqual({ kind: 'config', hours: 24 });
    const first = await panel.action('first_reminder', 1);
    const createdAt = first.at - 12 * H;
    const escalation = await panel.action('escalation', 1);
    const second = await panel.action('second_reminder', 2);
    expect(escalation.at).toBe(createdAt + 24 * H);
    expect(escalation.target).toBe('department_manager');
    expect(second.at).toBe(createdAt + 30 * H);
    expect((await panel.action('overdue', 0)).at).toBe(createdAt + 24 * H);
    for (const row of [first, escalation, second]) expect([row.display, row.confirmed]).toEqual(['projected', false]);

    await desk.setOffline(false);
    await desk.shell.waitOnline();
    await desk.shell.waitPending(0);
    const onServer = await waitFor('the complaint on the server', async () => {
      const r = await world.admin.getComplaint(reference);
      return r.status === 200 ? r.body : null;
    });
    // The desk's creation time is the complaint's; the server's deadline is the one projected.
    // (The integration API gives times as ISO 8601 text.)
    const ms = (t: unknown) => new Date(t as string | number).getTime();
    expect(ms(onServer.createdAt)).toBe(createdAt);
    expect(ms(onServer.dueAt)).toBe(createdAt + 24 * H);

    // Move the server's clock to the first reminder, to the millisecond.
    const { now } = await world.admin.ok<{ now: string }>('GET', '/api/v1/clock');
    const minutes = (createdAt + 12 * H - Date.parse(now)) / 60_000;
    expect(minutes).toBeGreaterThan(11 * 60);
    await world.admin.ok('POST', '/api/v1/clock', { advanceMinutes: minutes });

    const confirmed = await panel.waitConfirmed('first_reminder', 1);
    expect(confirmed.at).toBe(createdAt + 12 * H);
    expect(confirmed.firedAt).not.toBeNull();
    expect((confirmed.firedAt ?? 0) - (createdAt + 12 * H)).toBeGreaterThanOrEqual(0);
    expect((confirmed.firedAt ?? 0) - (createdAt + 12 * H)).toBeLessThan(1_000);
    expect(confirmed.display).toBe('done');
    // Nothing else fired early: the escalation and the second reminder are still ahead.
    for (const [kind, level] of [['escalation', 1], ['second_reminder', 2]] as const) {
      expect(await panel.action(kind, level)).toMatchObject({ confirmed: false, state: 'pending' });
    }
    const events = (await world.admin.getComplaint(reference)).body.events ?? [];
    expect(events.filter((e) => e.type === 'sla_reminder').map((e) => e.data.level)).toEqual([1]);
  });
});
