import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DepartmentDoc, StaffDoc } from '../shared/documents.ts';
import { Api } from './harness/api.ts';
import { startWorld, USER_PASSWORD, type World } from './harness/world.ts';
import { AdminPage } from './pages/AdminPage.ts';

/**
 * Administration on the desk: a hospital admin creates a department and a member of staff, wrong
 * input refused field by field in the desk's language, and both reach a second desk through
 * replication (the new person can log in). A desk agent gets neither the screen nor, with a
 * forged request carrying their own token, the change.
 */
describe('administration on the desk', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('adm_hadmin', 'hospital_admin', world.main.id);
    await world.addUser('adm_px', 'px_admin', world.main.id);
    await world.addUser('adm_agent', 'desk_agent', world.main.id);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('lets a hospital admin create a department and a member of staff that reach a second desk', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const deskA = await world.desk('ADMIN-A', 'adm_hadmin');
    const deskB = await world.desk('ADMIN-B', 'adm_px');
    await deskA.shell.waitOnline();
    await deskB.shell.waitOnline();
    const a = new AdminPage(deskA.page);
    const b = new AdminPage(deskB.page);
    await a.open();
    await b.open();
    // Hospitals and sources are the group administrator's: not offered to a hospital admin.
    expect(await deskA.page.getByTestId('admin-hospital-new').count()).toBe(0);
    expect(await deskA.page.getByTestId('admin-source-new').count()).toBe(0);

    // A code with a space: refused on the field, in Arabic (the desk's default), then in English.
    await a.startNew('department');
    await a.fill('department', { code: 'ORTHO 1', nameEn: 'Orthopaedics', nameAr: 'العظام' });
    await a.save('department');
    expect(await a.fieldError('department', 'code')).toBe('أحرف وأرقام و- و_ فقط.');
    await a.switchLanguage();
    expect(await a.fieldError('department', 'code')).toBe('Letters, digits, - and _ only.');
    await a.fill('department', { code: 'ORTHO' });
    await a.save('department');
    await a.waitCreated('department');
    await a.row('department', 'ORTHO').waitFor({ timeout: 30_000 });
    const departments = await world.admin.pullAll('departments', world.main.id);
    const ortho = departments.find((d) => d.code === 'ORTHO') as DepartmentDoc | undefined;
    expect(ortho).toMatchObject({ nameEn: 'Orthopaedics', nameAr: 'العظام', managerId: null, active: true });

    // A member of staff in the new department; a taken username is the server's field error.
    await a.startNew('staff');
    await a.fill('staff', { username: 'adm_agent', displayName: 'Dup', role: 'desk_agent' });
    await a.save('staff');
    await expect.poll(() => a.fieldError('staff', 'username'), { timeout: 30_000 }).toBe('Already in use.');
    await a.fill('staff', { username: 'ortho_agent', displayName: 'Reem Ortho', departmentId: ortho?.id ?? '', password: 'ortho-Passw0rd!' });
    await a.save('staff');
    await a.waitCreated('staff');

    // The second desk receives both through replication.
    await b.row('department', 'ORTHO').waitFor({ timeout: 30_000 });
    const staffRow = b.row('staff', 'ortho_agent');
    await staffRow.waitFor({ timeout: 30_000 });
    expect(await staffRow.innerText()).toContain('Reem Ortho');
    const staff = (await world.admin.pullAll('staff', world.main.id)).find((s) => s.username === 'ortho_agent') as StaffDoc | undefined;
    expect(staff).toMatchObject({ role: 'desk_agent', departmentId: ortho?.id, active: true, hospitalId: world.main.id });
    const { session } = await Api.login(world.server.url, 'ortho_agent', 'ortho-Passw0rd!');
    expect(session.user.id).toBe(staff?.id);
  });

  it('gives a desk agent neither the screen nor the change, even forged with their own token', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const desk = await world.desk('AGENT', 'adm_agent');
    await desk.shell.waitOnline();
    const admin = new AdminPage(desk.page);
    await desk.shell.gotoList();
    expect(await admin.navLink().count()).toBe(0);
    await admin.openByAddress();
    await admin.forbidden().waitFor();
    expect(await desk.page.getByTestId('admin-department-new').count()).toBe(0);

    const { api: agent, session } = await Api.login(world.server.url, 'adm_agent', USER_PASSWORD);
    const department = { hospitalId: world.main.id, code: 'FORGED', nameEn: 'Forged', nameAr: 'مزور' };
    expect((await agent.request('POST', '/api/v1/admin/departments', department)).status).toBe(403);
    expect((await agent.request('PATCH', `/api/v1/admin/staff/${session.user.id}`, { role: 'hospital_admin' })).status).toBe(403);
    expect((await agent.request('PUT', '/api/v1/admin/assignment', { hospitalId: world.main.id, autoAssign: true })).status).toBe(403);
    const me = (await world.admin.pullAll('staff', world.main.id)).find((s) => s.id === session.user.id);
    expect(me?.role).toBe('desk_agent');
    // The same body from an admin is accepted: the refusal is about the role, not the request.
    expect((await world.admin.request('POST', '/api/v1/admin/departments', department)).status).toBe(201);
  });
});
