import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDoc, EscalationRuleDoc, SlaConfigDoc } from '../../shared/documents.ts';
import { pullAll } from '../complaints/fixtures.ts';
import { withTx } from '../db/pool.ts';
import { createHospital, createUser } from '../directory.ts';
import { advanceTo, createComplaint, getComplaint, HOUR, PASSWORD, startSlaWorld, stopSlaWorld, timelineLines, type SlaWorld } from '../sla/testing.ts';

let w: SlaWorld;
const tokens: Record<string, string> = {};
let northId: string;

beforeAll(async () => {
  w = await startSlaWorld();
  const now = w.srv.deps.clock.now();
  northId = await withTx(w.srv.db.pool, async (tx) => {
    const north = await createHospital(tx, { code: 'NORTH', nameEn: 'North', nameAr: 'الشمال', now });
    await createUser(tx, { username: 'north_admin', displayName: 'North Admin', role: 'hospital_admin', hospitalId: north.id, password: PASSWORD, now });
    return north.id;
  });
  for (const [name, username] of [['desk', 'sla_desk'], ['manager', 'sla_manager'], ['hadmin', 'sla_hadmin'], ['px', 'sla_px'], ['northAdmin', 'north_admin']]) {
    tokens[name as string] = (await w.srv.login(username as string, PASSWORD)).accessToken;
  }
  tokens.admin = w.admin;
});
afterAll(async () => {
  await stopSlaWorld(w);
});

const configBody = (over: Record<string, unknown> = {}) => ({
  hospitalId: w.main.id,
  sourceCode: null,
  severity: 'high',
  priority: 'urgent',
  slaHours: 8,
  firstReminderHoursAfter: null,
  secondReminderHoursAfter: null,
  escalationHoursAfter: 8,
  reminderHoursBefore: 4,
  secondReminderEnabled: true,
  secondReminderHoursBefore: 1,
  thankYouEnabled: false,
  active: true,
  ...over,
});

const call = <T = unknown>(method: string, url: string, token: string, body?: unknown) =>
  w.srv.call<T>(method, url, body === undefined ? { token } : { token, body });

describe('SLA administration API', () => {
  it('is for admins, PX admins and hospital admins of their own hospital only', async () => {
    const list = (token: string, hospitalId = w.main.id) => call('GET', `/api/v1/sla/configs?hospitalId=${hospitalId}`, token);
    expect((await list(tokens.desk as string)).status).toBe(403);
    expect((await list(tokens.manager as string)).status).toBe(403);
    expect((await call('POST', '/api/v1/sla/configs', tokens.desk as string, configBody())).status).toBe(403);
    expect((await list(tokens.northAdmin as string)).status).toBe(403);
    expect((await call('POST', '/api/v1/sla/configs', tokens.northAdmin as string, configBody())).status).toBe(403);
    for (const who of ['admin', 'px', 'hadmin']) {
      const res = await list(tokens[who] as string);
      expect(res.status).toBe(200);
      expect((res.body as { data: SlaConfigDoc[] }).data.map((c) => c.sourceCode).sort()).toEqual(['CCHI', 'FAMILY', 'MOH', 'PATIENT']);
    }
    expect((await list(tokens.northAdmin as string, northId)).status).toBe(200);
    expect((await call('GET', '/api/v1/sla/nonsense?hospitalId=x', w.admin)).status).toBe(404);
  });

  it('keeps configurations unique per hospital + source and per hospital + severity + priority', async () => {
    const created = await call<SlaConfigDoc>('POST', '/api/v1/sla/configs', tokens.hadmin as string, configBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ severity: 'high', priority: 'urgent', slaHours: 8, hospitalId: w.main.id });
    expect((await call('POST', '/api/v1/sla/configs', w.admin, configBody({ slaHours: 9 }))).body).toEqual({ error: 'already_exists' });
    expect((await call('POST', '/api/v1/sla/configs', w.admin, configBody({ sourceCode: 'MOH', severity: null, priority: null }))).status).toBe(409);
    // Another hospital may have the same combination.
    expect((await call('POST', '/api/v1/sla/configs', w.admin, configBody({ hospitalId: northId }))).status).toBe(201);
    const bad = await call<{ fields: Record<string, string> }>('POST', '/api/v1/sla/configs', w.admin, configBody({ sourceCode: 'NOPE', slaHours: -1 }));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields)).toEqual(['slaHours']);
    const unknown = await call<{ fields: Record<string, string> }>('POST', '/api/v1/sla/configs', w.admin, configBody({ sourceCode: 'NOPE' }));
    expect(unknown.body.fields).toEqual({ sourceCode: 'unknown' });
    const stray = await call('POST', '/api/v1/sla/configs', w.admin, configBody({ surprise: 1 }));
    expect(stray.status).toBe(422);
  });

  it('replicates every change to the hospital’s desks and records who made it', async () => {
    const created = await call<EscalationRuleDoc>('POST', '/api/v1/sla/escalation-rules', tokens.px as string, {
      hospitalId: w.main.id, name: 'Critical to the CEO', level: 1, maxLevel: 3, triggerOnOverdue: true, triggerHoursOverdue: 2,
      reminderEscalationEnabled: false, reminderEscalationHours: 24, targetRole: 'ceo', targetUserId: null,
      severityFilter: 'critical', priorityFilter: null, order: 0, active: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const patched = await call<EscalationRuleDoc>('PATCH', `/api/v1/sla/escalation-rules/${id}`, tokens.hadmin as string, { triggerHoursOverdue: 4 });
    expect(patched.body).toMatchObject({ id, triggerHoursOverdue: 4, targetRole: 'ceo' });
    expect((await call('PATCH', `/api/v1/sla/escalation-rules/${id}`, w.admin, { hospitalId: northId })).status).toBe(422);
    expect((await call('PATCH', `/api/v1/sla/escalation-rules/${id}`, tokens.northAdmin as string, { order: 1 })).status).toBe(404);

    const desk = await pullAll<EscalationRuleDoc>(w.srv, tokens.desk as string, 'escalationRules', w.main.id);
    expect(desk.documents.find((d) => d.id === id)).toMatchObject({ triggerHoursOverdue: 4, _deleted: false });
    expect((await call('DELETE', `/api/v1/sla/escalation-rules/${id}`, tokens.hadmin as string)).status).toBe(204);
    const after = await pullAll<EscalationRuleDoc>(w.srv, tokens.desk as string, 'escalationRules', w.main.id, desk.checkpoint.seq);
    expect(after.documents).toEqual([expect.objectContaining({ id, _deleted: true })]);
    expect((await call('DELETE', `/api/v1/sla/escalation-rules/${id}`, w.admin)).status).toBe(404);
    const north = await pullAll<EscalationRuleDoc>(w.srv, tokens.northAdmin as string, 'escalationRules', northId);
    expect(north.documents.some((d) => d.id === id)).toBe(false);

    const { rows } = await w.srv.db.pool.query<{ action: string; username: string }>(
      `SELECT c.action, u.username FROM sla_changes c JOIN users u ON u.id = c.actor_id WHERE c.doc_id = $1 ORDER BY c.id`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'create', username: 'sla_px' },
      { action: 'update', username: 'sla_hadmin' },
      { action: 'delete', username: 'sla_hadmin' },
    ]);
  });

  it('checks named users, levels and time zones', async () => {
    const rule = {
      hospitalId: w.main.id, name: 'x', level: 4, maxLevel: 3, triggerOnOverdue: true, triggerHoursOverdue: 2,
      reminderEscalationEnabled: false, reminderEscalationHours: 24, targetRole: 'named_user', targetUserId: null,
      severityFilter: null, priorityFilter: null, order: 0, active: true,
    };
    const res = await call<{ fields: Record<string, string> }>('POST', '/api/v1/sla/escalation-rules', w.admin, rule);
    expect(res.body.fields).toEqual({ level: 'above_max_level', targetUserId: 'required' });
    const ghost = await call<{ fields: Record<string, string> }>('POST', '/api/v1/sla/escalation-rules', w.admin, { ...rule, level: 1, targetUserId: 'ghost' });
    expect(ghost.body.fields).toEqual({ targetUserId: 'unknown' });
    const calendars = await call<{ data: CalendarDoc[] }>('GET', `/api/v1/sla/calendars?hospitalId=${w.main.id}`, w.admin);
    const calendar = calendars.body.data[0] as CalendarDoc;
    const tz = await call<{ fields: Record<string, string> }>('PATCH', `/api/v1/sla/calendars/${calendar.id}`, w.admin, { timezone: 'Mars/Olympus' });
    expect(tz.body.fields).toEqual({ timezone: 'unknown' });
    const { id: _id, updatedAt: _u, ...copy } = calendar;
    expect((await call('POST', '/api/v1/sla/calendars', w.admin, copy)).status).toBe(409);
  });

  it('reschedules open complaints when a configuration changes', async () => {
    const start = w.srv.deps.clock.now();
    const { id } = await createComplaint(w, { sourceCode: 'MOH' });
    await advanceTo(w, start, 3 * HOUR);
    const configs = await call<{ data: SlaConfigDoc[] }>('GET', `/api/v1/sla/configs?hospitalId=${w.main.id}`, w.admin);
    const moh = configs.body.data.find((c) => c.sourceCode === 'MOH') as SlaConfigDoc;
    expect((await call('PATCH', `/api/v1/sla/configs/${moh.id}`, w.admin, { firstReminderHoursAfter: 2 })).status).toBe(200);
    // The reminder the new configuration puts at 2 h goes out now, marked late.
    await expect.poll(async () => timelineLines(w, (await getComplaint(w, id)).events, start), { timeout: 10_000 }).toEqual([
      '00:00:00 created',
      '03:00:00 sla_reminder L1',
    ]);
    const reminder = (await getComplaint(w, id)).events[1];
    expect(reminder?.data).toMatchObject({ late: true, scheduledAt: start + 2 * HOUR });
  });
});
