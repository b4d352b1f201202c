import { describe, expect, it } from 'vitest';
import { isResponse, nextDue, resolvePolicy, scheduleFor, scheduleForComplaint } from './schedule.ts';
import type { ScheduledAction } from './types.ts';
import { calendar, complaint, event, H, riyadh, rule, slaConfig, SOURCE_CONFIGS, status, T0, THREE_LEVELS } from './test-fixtures.ts';
import type { ComplaintDoc, TimelineEventDoc } from '../documents.ts';
import type { EscalationRuleDoc, CalendarDoc } from './types.ts';

type Setup = { c?: Partial<ComplaintDoc>; events?: TimelineEventDoc[]; rules?: EscalationRuleDoc[]; calendar?: CalendarDoc | null };
function run(s: Setup = {}): ScheduledAction[] {
  const c = complaint(s.c);
  return scheduleForComplaint({ complaint: c, events: s.events ?? [], configs: SOURCE_CONFIGS, rules: s.rules ?? [], calendar: s.calendar ?? null });
}
/** kind:level@hours-after-T0[:state] */
const show = (actions: ScheduledAction[], base = T0): string[] =>
  actions.map((a) => `${a.kind}:${a.level}@${(a.at - base) / H}${a.state === 'pending' ? '' : `:${a.state}`}`);

describe('the schedule of the four sources (brief §3)', () => {
  it.each([
    ['MOH', ['first_reminder:1@12', 'overdue:0@24', 'escalation:1@24', 'second_reminder:2@30']],
    ['CCHI', ['first_reminder:1@24', 'overdue:0@48', 'escalation:1@48', 'second_reminder:2@60']],
    ['PATIENT', ['first_reminder:1@24', 'second_reminder:2@72', 'overdue:0@72', 'escalation:1@72']],
    ['FAMILY', ['first_reminder:1@24', 'second_reminder:2@72', 'overdue:0@72', 'escalation:1@72']],
  ])('%s', (sourceCode, expected) => {
    const actions = run({ c: { sourceCode } });
    expect(show(actions)).toEqual(expected);
    expect(actions.find((a) => a.kind === 'escalation')?.target).toEqual({ role: 'department_manager', userId: null });
    expect(actions.map((a) => a.key)).toContain(`c1:0:first_reminder:1`);
  });

  it('falls back to 48 h with reminders 24 h and 6 h before when nothing is configured', () => {
    expect(show(run({ c: { sourceCode: 'PORTAL' } }))).toEqual(['first_reminder:1@24', 'second_reminder:2@42', 'overdue:0@48']);
  });
});

describe('escalation rules', () => {
  const generic = { c: { sourceCode: 'PORTAL' } };
  it('chain three levels after the deadline, each to its target', () => {
    const actions = run({ ...generic, rules: THREE_LEVELS }).filter((a) => a.kind === 'escalation');
    expect(show(actions)).toEqual(['escalation:1@72', 'escalation:2@96', 'escalation:3@120']);
    expect(actions.map((a) => a.target?.role)).toEqual(['department_manager', 'hospital_admin', 'px_admin']);
    expect(actions.map((a) => a.key)).toEqual(['c1:0:escalation:1', 'c1:0:escalation:2', 'c1:0:escalation:3']);
  });

  it('start from the source escalation and stop at the maximum level', () => {
    const capped = THREE_LEVELS.map((r) => ({ ...r, maxLevel: 2 }));
    const actions = run({ c: { sourceCode: 'MOH' }, rules: capped }).filter((a) => a.kind === 'escalation');
    expect(show(actions)).toEqual(['escalation:1@24', 'escalation:2@72']);
  });

  it('apply severity and priority filters, order, activity and a named user', () => {
    const rules = [
      rule({ id: 'a', level: 1, order: 2, targetRole: 'ceo' }),
      rule({ id: 'b', level: 1, order: 1, targetRole: 'named_user', targetUserId: 'u9' }),
      rule({ id: 'c', level: 2, triggerHoursOverdue: 5, severityFilter: 'critical', targetRole: 'ceo' }),
      rule({ id: 'd', level: 2, triggerHoursOverdue: 9, priorityFilter: 'medium', targetRole: 'hospital_admin' }),
      rule({ id: 'e', level: 3, triggerHoursOverdue: 1, active: false }),
    ];
    const actions = run({ ...generic, rules }).filter((a) => a.kind === 'escalation');
    expect(actions.map((a) => [a.level, (a.at - T0) / H, a.target])).toEqual([
      [1, 48, { role: 'named_user', userId: 'u9' }],
      [2, 57, { role: 'hospital_admin', userId: null }],
    ]);
    const critical = run({ c: { sourceCode: 'PORTAL', severity: 'critical' }, rules }).filter((a) => a.kind === 'escalation');
    expect(critical.map((a) => (a.at - T0) / H)).toEqual([48, 53]);
  });

  it('escalate after a reminder nobody answered, not after an answered one', () => {
    const rules = [rule({ triggerOnOverdue: false, reminderEscalationEnabled: true, reminderEscalationHours: 12 })];
    const unanswered = run({ c: { sourceCode: 'PATIENT' }, rules }).filter((a) => a.kind === 'escalation');
    expect(show(unanswered)).toEqual(['escalation:1@36']); // first reminder at 24 h + 12 h
    // A note at 30 h answers the first reminder (and cancels the source escalation "if no
    // response"); the second reminder at 72 h goes unanswered, so level 1 comes at 84 h.
    const note = event('note', T0 + 30 * H);
    const answered = run({ c: { sourceCode: 'PATIENT' }, rules, events: [note] }).filter((a) => a.kind === 'escalation');
    expect(show(answered)).toEqual(['escalation:1@84']);
  });
});

describe('responses, fired actions and the end of the SLA', () => {
  it('a response cancels the first reminder and the source escalation, not the rest', () => {
    const events = [event('assigned', T0 + 1 * H), status(T0 + 2 * H, 'ASSIGNED', 'IN_PROGRESS')];
    expect(show(run({ events }))).toEqual([
      'first_reminder:1@12:cancelled', 'overdue:0@24', 'escalation:1@24:cancelled', 'second_reminder:2@30',
    ]);
    expect(run({ events }).find((a) => a.kind === 'first_reminder')?.cancelledBy).toBe('response');
  });

  it('an assignment or a system event is no response', () => {
    expect(isResponse(event('assigned', T0 + H))).toBe(false);
    expect(isResponse(status(T0 + H, 'PENDING', 'ASSIGNED'))).toBe(false);
    expect(isResponse(status(T0 + H, 'IN_PROGRESS', 'ESCALATED', null))).toBe(false);
    expect(isResponse(event('reply', T0 + H))).toBe(true);
    expect(isResponse(status(T0 + H, 'ASSIGNED', 'IN_PROGRESS'))).toBe(true);
    expect(show(run({ events: [event('assigned', T0 + H)] }))[0]).toBe('first_reminder:1@12');
  });

  it('recognises fired actions by key, or by kind and level', () => {
    const events = [
      event('sla_reminder', T0 + 12 * H + 60_000, { actorId: null, data: { level: 1, key: 'c1:0:first_reminder:1' } }),
      event('sla_overdue', T0 + 24 * H, { actorId: null, data: {} }),
    ];
    const actions = run({ events });
    expect(show(actions)).toEqual(['first_reminder:1@12:fired', 'overdue:0@24:fired', 'escalation:1@24', 'second_reminder:2@30']);
    expect(nextDue(actions)?.key).toBe('c1:0:escalation:1');
  });

  it.each(['RESOLVED', 'CLOSED', 'CANCELLED'] as const)('%s cancels what is pending and keeps what fired', (to) => {
    const events = [event('sla_reminder', T0 + 12 * H, { actorId: null, data: { level: 1, key: 'c1:0:first_reminder:1' } })];
    const actions = run({ c: { status: to }, events });
    expect(actions.map((a) => a.state)).toEqual(['fired', 'cancelled', 'cancelled', 'cancelled']);
    expect(nextDue(actions)).toBeNull();
  });

  it('a reopen starts a new cycle measured from the reopen', () => {
    const reopenAt = T0 + 50 * H;
    const events = [status(T0 + 3 * H, 'IN_PROGRESS', 'RESOLVED'), status(reopenAt, 'RESOLVED', 'IN_PROGRESS')];
    const actions = run({ c: { status: 'IN_PROGRESS' }, events });
    expect(show(actions, reopenAt)).toEqual(['first_reminder:1@12', 'overdue:0@24', 'escalation:1@24', 'second_reminder:2@30']);
    expect(actions.every((a) => a.key.startsWith('c1:1:'))).toBe(true);
  });

  it('appreciations have no SLA', () => {
    expect(resolvePolicy(complaint({ type: 'appreciation' }), SOURCE_CONFIGS)).toBeNull();
    expect(run({ c: { type: 'appreciation' }, rules: THREE_LEVELS })).toEqual([]);
  });
});

describe('the SLA clock', () => {
  it('stands still while the complaint waits on the complainant', () => {
    const events = [status(T0 + 5 * H, 'IN_PROGRESS', 'WAITING_USER'), status(T0 + 8 * H, 'WAITING_USER', 'IN_PROGRESS')];
    expect(show(run({ events }))).toEqual([
      'first_reminder:1@15:cancelled', 'overdue:0@27', 'escalation:1@27:cancelled', 'second_reminder:2@33',
    ]);
    // Still waiting: nothing after the pause has a time yet; what fired before stays listed.
    const waiting = [status(T0 + 13 * H, 'IN_PROGRESS', 'WAITING_USER', null),
      event('sla_reminder', T0 + 12 * H, { actorId: null, data: { level: 1, key: 'c1:0:first_reminder:1' } })];
    expect(show(run({ events: waiting }))).toEqual(['first_reminder:1@12:fired']);
  });

  it('does not pause when the hospital calendar says so', () => {
    const events = [status(T0 + 5 * H, 'IN_PROGRESS', 'WAITING_USER', null), status(T0 + 8 * H, 'WAITING_USER', 'IN_PROGRESS', null)];
    const noPause = calendar({ pauseWhileWaiting: false, businessHoursSlaConfigIds: [] });
    expect(show(run({ events, calendar: noPause }))[0]).toBe('first_reminder:1@12');
  });

  it('counts business hours for the configurations the calendar lists', () => {
    const cal = calendar({ businessHoursSlaConfigIds: ['moh'] });
    const moh = run({ calendar: cal });
    // Sunday 09:00 + 12 business hours: 7 on Sunday, 5 on Monday from 08:00.
    expect(moh[0]?.at).toBe(riyadh(2026, 1, 5, 13));
    // Overdue at 24 business hours: Sun 7 + Mon 8 + Tue 8 = 23, +1 on Wednesday.
    expect(moh.find((a) => a.kind === 'overdue')?.at).toBe(riyadh(2026, 1, 7, 9));
    const patient = run({ c: { sourceCode: 'PATIENT' }, calendar: cal });
    expect(patient[0]?.at).toBe(T0 + 24 * H); // PATIENT is not listed: round the clock
  });
});

describe('resolvePolicy', () => {
  it('takes precedence from shared/sla.ts and reads the calendar options', () => {
    const generic = slaConfig({ id: 'hi', severity: 'high', slaHours: 10, secondReminderEnabled: true });
    const c = complaint({ sourceCode: 'PORTAL', severity: 'high' });
    expect(resolvePolicy(c, [generic])).toMatchObject({ configId: 'hi', slaHours: 10, businessHours: false, pauseWhileWaiting: true });
    expect(resolvePolicy(c, [], { high: 36 })).toMatchObject({ configId: null, slaHours: 36, reminderHoursBefore: 24, secondReminderHoursBefore: 6 });
    expect(resolvePolicy(c, [generic], {}, calendar({ businessHoursSlaConfigIds: ['hi'] }))?.businessHours).toBe(true);
    expect(resolvePolicy(c, [generic], {}, calendar({ hospitalId: 'h2' }))?.businessHours).toBe(false);
  });

  it('gives a policy to the server-side schedule without configs', () => {
    const c = complaint();
    const p = resolvePolicy(c, SOURCE_CONFIGS);
    expect(scheduleFor({ complaint: c, events: [], policy: p, rules: [], calendar: null })).toHaveLength(4);
  });
});
