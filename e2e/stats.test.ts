import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './harness/server.ts';
import { startWorld, type World } from './harness/world.ts';
import { StatsPage } from './pages/StatsPage.ts';

/**
 * The statistics dashboard from the desk's own data: a desk agent's desk holding a handful of
 * complaints in known states shows the right counts with the network gone, and a table's CSV
 * export downloads the same rows (UTF-8 with a BOM, RFC 4180 quoting). A group-level user also
 * sees the whole group, from the server, and the last such figures offline, saying as of when.
 */
describe('statistics on the desk', () => {
  let world: World;
  let agentId: string;

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    agentId = (await world.addUser('stats_agent', 'desk_agent', world.main.id)).id;
    const make = (sourceCode: string, priority: 'low' | 'medium' | 'high' | 'urgent', category: string) =>
      world.admin.createComplaint({
        hospitalId: world.main.id,
        sourceCode,
        priority,
        category,
        title: `Statistics fixture ${sourceCode}`,
        description: 'A complaint in a known state for the dashboard.',
        complainant: { name: 'Noura Al-Harbi', language: 'ar' },
      });
    const move = (id: string, to: string, extra: Record<string, string> = {}) =>
      world.admin.ok('POST', `/api/v1/complaints/${id}/transitions`, { to, ...extra });
    const assign = async (id: string) => {
      const c = await world.admin.ok<{ status: string }>('PATCH', `/api/v1/complaints/${id}`, { assigneeId: agentId });
      if (c.status === 'PENDING') await move(id, 'ASSIGNED');
    };

    await make('PATIENT', 'high', 'billing'); // stays PENDING
    const resolved = await make('MOH', 'high', 'parking, "north"');
    await assign(resolved.id);
    await move(resolved.id, 'IN_PROGRESS');
    await move(resolved.id, 'RESOLVED', { resolution: 'Parking permit issued.' });
    const cancelled = await make('CCHI', 'low', 'billing');
    await move(cancelled.id, 'CANCELLED', { comment: 'Duplicate' });
    const assigned = await make('FAMILY', 'urgent', 'food');
    await assign(assigned.id);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('counts the local complaints offline and exports a table as CSV', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const desk = await world.desk('STATS', 'stats_agent');
    await desk.shell.waitOnline();
    await desk.page.getByTestId('lang-toggle').click();
    const stats = new StatsPage(desk.page);
    await stats.open();
    // Replication brings the four complaints; the dashboard follows the local database.
    await expect.poll(() => stats.total(), { timeout: 60_000 }).toBe(4);

    await desk.setOffline(true);
    await desk.shell.waitOffline();
    await desk.shell.gotoList();
    await stats.open();
    expect(await stats.total()).toBe(4);
    const status = Object.fromEntries((await stats.rows('status')).map(([k, v]) => [k, Number(v)]));
    expect(status).toEqual({
      Pending: 1,
      Assigned: 1,
      'In progress': 0,
      'Waiting for complainant': 0,
      Escalated: 0,
      Resolved: 1,
      Closed: 0,
      Cancelled: 1,
    });
    expect(await stats.rows('priority')).toEqual([
      ['Low', '1'],
      ['Medium', '0'],
      ['High', '2'],
      ['Urgent', '1'],
    ]);
    expect(await stats.rows('category')).toEqual([
      ['billing', '2'],
      ['food', '1'],
      ['parking, "north"', '1'],
    ]);
    const agents = await stats.rows('agents');
    expect(agents.map((r) => r.slice(0, 3))).toEqual([['stats_agent (e2e)', '2', '1']]);

    const download = await stats.exportCsv('category');
    expect(download.suggestedFilename()).toBe('category.csv');
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('Item,Count\r\nbilling,2\r\nfood,1\r\n"parking, ""north""",1\r\n');
  });

  it('shows a group-level user the whole group from the server, and the last figures offline', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const north = await world.addHospital('NORTH', 'North Hospital');
    await world.admin.createComplaint({
      hospitalId: north.id,
      sourceCode: 'MOH',
      title: 'Statistics fixture in another hospital',
      description: 'Counted only in the whole group.',
      complainant: { name: 'Sara Al-Qahtani' },
    });
    // A hospital-level agent is not offered the group.
    const agentDesk = await world.desk('STATS-AGENT', 'stats_agent');
    await agentDesk.shell.waitOnline();
    const agentStats = new StatsPage(agentDesk.page);
    await agentStats.open();
    expect(await agentDesk.page.getByTestId('stats-scope').count()).toBe(0);

    const desk = await world.desk('STATS-GROUP', ADMIN_USERNAME, ADMIN_PASSWORD);
    await desk.shell.waitOnline();
    await desk.page.getByTestId('lang-toggle').click();
    const stats = new StatsPage(desk.page);
    await stats.open();
    expect(await stats.scopeValues()).toContain('g');
    await stats.chooseScope('g', 'group');
    expect(await stats.total()).toBe(5);
    expect((await stats.groupNote()).note).toBe('fresh');
    // Name, total, open: the desk holds neither the other hospital's complaints nor its name.
    expect((await stats.rows('hospital')).map((r) => r.slice(0, 3))).toEqual([
      [world.main.nameEn, '4', '2'],
      ['North Hospital', '1', '1'],
    ]);

    await desk.setOffline(true);
    await desk.shell.waitOffline();
    await desk.shell.gotoList();
    await stats.open();
    await stats.chooseScope('g', 'group');
    expect(await stats.total()).toBe(5);
    const { note, asOf } = await stats.groupNote();
    expect(note).toBe('offline');
    expect(asOf).toBeGreaterThan(0);
  });
});
