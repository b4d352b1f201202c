import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CalendarDoc, EscalationRuleDoc, SlaConfigDoc } from '../shared/documents.ts';
import { Api } from './harness/api.ts';
import { startWorld, USER_PASSWORD, type World } from './harness/world.ts';
import { SlaAdminPage } from './pages/SlaAdminPage.ts';

/**
 * The SLA settings screens: a hospital admin creates a severity + priority configuration and an
 * escalation rule on the desk, sees them listed (through replication) and the server holds them;
 * wrong input is refused field by field in the desk's language. A desk agent gets neither the
 * screen nor, with their own token, the API.
 */
describe('SLA settings on the desk', () => {
  let world: World;
  let nurseId: string;

  beforeAll(async () => {
    world = await startWorld(inject('pgAdminUrl'));
    await world.addUser('sla_hadmin', 'hospital_admin', world.main.id);
    await world.addUser('sla_agent', 'desk_agent', world.main.id);
    nurseId = (await world.addUser('head_nurse', 'department_manager', world.main.id)).id;
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const serverList = async <T,>(resource: string) =>
    (await world.admin.ok<{ data: T[] }>('GET', `/api/v1/sla/${resource}?hospitalId=${world.main.id}`)).data;

  /** A new desk signed in as the hospital admin, on the SLA settings screen. */
  async function adminScreen(name: string) {
    const desk = await world.desk(name, 'sla_hadmin');
    await desk.shell.waitOnline();
    const admin = new SlaAdminPage(desk.page);
    await admin.open();
    return { desk, admin };
  }

  it('lets a hospital admin create a configuration and an escalation rule, refusing wrong fields in their language', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const { desk, admin } = await adminScreen('HADMIN');
    // The four source configurations the server starts with are listed from replication.
    await expect.poll(() => admin.rows('sla-config').count(), { timeout: 30_000 }).toBe(4);

    // Negative hours: refused on the field, in Arabic (the desk's default), then in English.
    await admin.startNew('sla-config');
    await admin.fill('sla-config', { scope: 'severity', severity: 'high', priority: 'urgent', slaHours: '-8' });
    await admin.save('sla-config');
    expect(await admin.fieldError('sla-config', 'slaHours')).toBe('القيمة خارج الحدود المسموحة.');
    await admin.switchLanguage();
    expect(await admin.fieldError('sla-config', 'slaHours')).toBe('The value is out of range.');

    await admin.fill('sla-config', { slaHours: '8', firstReminderHoursAfter: '4', escalationHoursAfter: '6', secondReminderEnabled: false });
    await admin.save('sla-config');
    await desk.page.getByTestId('sla-config-created').waitFor({ timeout: 30_000 });
    const configs = await serverList<SlaConfigDoc>('configs');
    const created = configs.find((c) => c.severity === 'high' && c.priority === 'urgent');
    expect(created).toMatchObject({
      sourceCode: null, slaHours: 8, firstReminderHoursAfter: 4, escalationHoursAfter: 6, secondReminderEnabled: false, active: true,
    });
    const row = desk.page.locator(`[data-testid="sla-config-row"][data-id="${created?.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('Severity High, priority Urgent');

    // A second one for the same combination is stopped on the field before it reaches the server.
    await admin.startNew('sla-config');
    await admin.fill('sla-config', { scope: 'severity', severity: 'high', priority: 'urgent' });
    await admin.save('sla-config');
    expect(await admin.fieldError('sla-config', 'severity')).toBe('This hospital already has a configuration for this.');
    await admin.form('sla-config').getByTestId('sla-config-close').click();

    // An escalation rule to a named member of staff, after a reminder nobody answered.
    await admin.create('sla-rule', {
      name: 'Urgent to the head nurse',
      level: '1',
      maxLevel: '3',
      triggerOnOverdue: false,
      reminderEscalationEnabled: true,
      reminderEscalationHours: '2',
      targetRole: 'named_user',
      targetUserId: nurseId,
      priorityFilter: 'urgent',
      order: '0',
    });
    const rule = (await serverList<EscalationRuleDoc>('escalation-rules')).find((r) => r.name === 'Urgent to the head nurse');
    expect(rule).toMatchObject({
      level: 1, maxLevel: 3, triggerOnOverdue: false, reminderEscalationEnabled: true, reminderEscalationHours: 2,
      targetRole: 'named_user', targetUserId: nurseId, severityFilter: null, priorityFilter: 'urgent', order: 0, active: true,
    });
    const ruleRow = desk.page.locator(`[data-testid="sla-rule-row"][data-id="${rule?.id}"]`);
    await ruleRow.waitFor({ timeout: 30_000 });
    expect(await ruleRow.innerText()).toContain('head_nurse (e2e)');
  });

  it('lets a hospital admin edit the working calendar, with a Hijri holiday, and delete a configuration', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const { desk, admin } = await adminScreen('HADMIN2');
    await admin.switchLanguage();
    const [calendar] = await serverList<CalendarDoc>('calendars');
    const mine = (await serverList<SlaConfigDoc>('configs')).find((c) => c.severity === 'high' && c.priority === 'urgent');
    if (!calendar || !mine) throw new Error('expected the default calendar and the configuration of the test before');
    // One calendar per hospital: once replication has brought it, no second one is offered.
    await admin.rows('sla-calendar').first().waitFor({ timeout: 30_000 });
    expect(await desk.page.getByTestId('sla-calendar-new').count()).toBe(0);

    await admin.rows('sla-calendar').first().getByTestId('sla-calendar-edit').click();
    await admin.form('sla-calendar').waitFor();
    const days = await admin.form('sla-calendar').getByTestId(/^sla-calendar-holidays-\d+$/).count();
    await admin.form('sla-calendar').getByTestId('sla-calendar-holiday-add').click();
    const holiday = `sla-calendar-holidays-${days}`;
    await admin.fill('sla-calendar', {
      'workingHours-start': '07:30',
      'workingHours-end': '25:00',
      'ramadanHours-start': '09:00',
      'ramadanHours-end': '14:00',
      [`holidays-${days}-kind`]: 'hijri',
      [`holidays-${days}-name`]: 'Day of Arafah',
      [`holidays-${days}-month`]: '12',
      [`holidays-${days}-day`]: '9',
      [`holidays-${days}-days`]: '1',
      businessHours: 'some',
      pauseWhileWaiting: false,
    });
    await admin.form('sla-calendar').getByTestId(`sla-calendar-config-${mine.id}`).check();
    // Shown with the Gregorian day it next falls on.
    expect(await admin.form('sla-calendar').getByTestId(`${holiday}-next`).innerText()).toMatch(/^next: \d{1,2} \w{3} \d{4}$/);
    await admin.save('sla-calendar');
    expect(await admin.fieldError('sla-calendar', 'workingHours.end')).toBe('Enter a time as HH:MM (00:00–24:00).');
    await admin.fill('sla-calendar', { 'workingHours-end': '15:30' });
    await admin.save('sla-calendar');
    await admin.form('sla-calendar').getByTestId('sla-saved').waitFor({ timeout: 30_000 });
    const [saved] = await serverList<CalendarDoc>('calendars');
    expect(saved).toMatchObject({
      id: calendar.id, weekendDays: [5, 6], workingHours: { start: '07:30', end: '15:30' }, ramadanHours: { start: '09:00', end: '14:00' },
      businessHoursSlaConfigIds: [mine.id], pauseWhileWaiting: false,
    });
    expect(saved?.holidays.at(-1)).toEqual({ kind: 'hijri', name: 'Day of Arafah', month: 12, day: 9, days: 1 });
    expect(saved?.holidays.slice(0, -1)).toEqual(calendar.holidays);

    const row = desk.page.locator(`[data-testid="sla-config-row"][data-id="${mine.id}"]`);
    await row.getByTestId('sla-config-delete').click();
    await row.getByTestId('sla-config-delete-confirm').click();
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    expect((await serverList<SlaConfigDoc>('configs')).map((c) => c.id)).not.toContain(mine.id);
  });

  it('gives a desk agent neither the screen nor the API', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world.diagnostics()));
    const desk = await world.desk('AGENT', 'sla_agent');
    await desk.shell.waitOnline();
    const admin = new SlaAdminPage(desk.page);
    await desk.shell.gotoList();
    expect(await admin.navLink().count()).toBe(0);
    await admin.openByAddress();
    await admin.forbidden().waitFor();
    expect(await desk.page.getByTestId('sla-config-new').count()).toBe(0);

    const { api: agent } = await Api.login(world.server.url, 'sla_agent', USER_PASSWORD);
    const body = {
      hospitalId: world.main.id, sourceCode: null, severity: 'low', priority: 'low', slaHours: 96, firstReminderHoursAfter: null,
      secondReminderHoursAfter: null, escalationHoursAfter: null, reminderHoursBefore: 24, secondReminderEnabled: true,
      secondReminderHoursBefore: 6, thankYouEnabled: false, active: true,
    };
    expect((await agent.request('POST', '/api/v1/sla/configs', body)).status).toBe(403);
    // The same body from an admin is accepted: the refusal is about the role, not the request.
    expect((await world.admin.request('POST', '/api/v1/sla/configs', body)).status).toBe(201);
  });
});
