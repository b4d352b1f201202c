import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StaffNotificationDoc } from '../shared/documents.ts';
import { Api } from './harness/api.ts';
import { startWorld, USER_PASSWORD, type World } from './harness/world.ts';
import { DetailPage } from './pages/DetailPage.ts';
import { InboxBell } from './pages/InboxBell.ts';

/**
 * In-app notifications: a complaint assigned to a desk agent through the integration API reaches
 * that agent's bell (and nobody else's), opening it from the list shows the complaint and the
 * unread count drops; the read state goes back to the server.
 */
describe('in-app notifications on the desk', () => {
  let world: World;
  let agent: { id: string; username: string };
  let other: { id: string; username: string };

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    agent = await world.addUser('agent_inbox', 'desk_agent', world.main.id);
    other = await world.addUser('other_inbox', 'desk_agent', world.main.id);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('a desk agent is notified of a complaint assigned to them, and the unread count drops after opening it', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const desk = await world.desk('Agent', agent.username);
    const bystander = await world.desk('Other', other.username);
    await desk.shell.waitOnline();
    await bystander.shell.waitOnline();
    const bell = new InboxBell(desk.page);
    const otherBell = new InboxBell(bystander.page);
    await bell.waitUnread(0);

    const complaint = await world.admin.createComplaint({
      hospitalId: world.main.id,
      sourceCode: 'PATIENT',
      title: 'No one answered the ward phone',
      description: 'Called the ward five times overnight; nobody picked up.',
      complainant: { name: 'Maha Al-Qahtani', language: 'ar' },
    });
    await world.admin.ok('PATCH', `/api/v1/complaints/${complaint.id}`, { assigneeId: agent.id });

    await bell.waitUnread(1);
    await bell.openList();
    const item = bell.item(complaint.id);
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('assigned');
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await item.innerText()).toContain(complaint.referenceNumber);

    await item.click();
    const detail = new DetailPage(desk.page);
    await desk.page.getByTestId('detail-reference').waitFor();
    expect(await detail.reference()).toBe(complaint.referenceNumber);
    await bell.waitUnread(0);

    // The read state is pushed: the server has it for the agent.
    const { api } = await Api.login(world.server.url, agent.username, USER_PASSWORD);
    await expect
      .poll(async () => (await api.pullAll('notifications', world.main.id)).find((n) => n.complaintId === complaint.id)?.readAt ?? null, { timeout: 30_000 })
      .not.toBeNull();

    // The other agent of the same hospital was told nothing.
    expect(await otherBell.unread()).toBe(0);
    const { api: otherApi } = await Api.login(world.server.url, other.username, USER_PASSWORD);
    const theirs: StaffNotificationDoc[] = await otherApi.pullAll('notifications', world.main.id);
    expect(theirs.filter((n) => n.complaintId === complaint.id)).toEqual([]);
  });
});
