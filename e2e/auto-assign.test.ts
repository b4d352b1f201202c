import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ComplaintDoc } from '../shared/documents.ts';
import { startWorld, type World } from './harness/world.ts';
import { AdminPage } from './pages/AdminPage.ts';

/**
 * Automatic assignment: off until a hospital admin turns it on at the desk; then complaints that
 * arrive in a department are spread over its agents, and the desk's staff list shows the open
 * load of each agent level.
 */
describe('automatic assignment on the desk', () => {
  let world: World;
  const agents = ['rr_a', 'rr_b', 'rr_c'];
  let departmentId = '';

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('rr_hadmin', 'hospital_admin', world.main.id);
    const [first] = await world.admin.pullAll('departments', world.main.id);
    departmentId = first?.id ?? '';
    for (const name of agents) {
      const { id } = await world.addUser(name, 'desk_agent', world.main.id);
      await world.admin.ok('PATCH', `/api/v1/admin/staff/${id}`, { departmentId });
    }
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const create = (n: number) =>
    world.admin.ok<ComplaintDoc>('POST', '/api/v1/complaints', {
      hospitalId: world.main.id, sourceCode: 'PATIENT', departmentId, title: `Lost appointment ${n}`,
      description: 'The appointment was cancelled without notice.', complainant: { name: `Complainant ${n}` },
    });

  it('balances new complaints over the department agents once turned on, and the desk shows it', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const desk = await world.desk('RR', 'rr_hadmin');
    await desk.shell.waitOnline();
    const admin = new AdminPage(desk.page);
    await admin.open();
    await admin.switchLanguage();

    // Off by default: a complaint stays unassigned.
    await admin.autoAssign().waitFor({ timeout: 30_000 });
    expect(await admin.autoAssign().isChecked()).toBe(false);
    expect((await create(0)).assigneeId).toBeNull();

    await admin.autoAssign().check();
    await desk.page.getByTestId('admin-saved').waitFor({ timeout: 30_000 });
    expect(await world.admin.ok('GET', `/api/v1/admin/assignment?hospitalId=${world.main.id}`)).toEqual({ autoAssign: true });

    const made: ComplaintDoc[] = [];
    for (let n = 1; n <= 9; n++) made.push(await create(n));
    const ids = new Set(made.map((c) => c.assigneeId));
    expect(ids.size).toBe(3);

    for (const name of agents) {
      await admin.row('staff', name).waitFor({ timeout: 30_000 });
      await expect.poll(() => admin.openLoad(name), { timeout: 30_000 }).toBe(3);
    }
  });
});
