import { describe, expect, it } from 'vitest';
import type { ComplaintDoc } from '../documents.ts';
import { complaint, event, status, T0 } from '../sla/test-fixtures.ts';
import { causesFromEvents, planNotifications, type NotificationCause, type PlanContext } from './plan.ts';

const PHONE = '+966501234567';
const withPhone = (over: Partial<ComplaintDoc> = {}) =>
  complaint({ complainant: { name: 'A', phone: PHONE, email: null, language: 'ar', smsOptOut: false }, ...over });

function ctx(doc: ComplaintDoc, over: Partial<PlanContext> = {}): PlanContext {
  return {
    complaints: new Map([[doc.id, doc]]),
    managers: new Map([['d1', 'mgr']]),
    contacts: new Map([
      ['mgr', { email: 'mgr@h.example', language: 'en', name: 'Manager' }],
      ['agent', { email: 'agent@h.example', language: null, name: 'Agent' }],
      ['boss', { email: 'boss@h.example', language: 'ar', name: 'Boss' }],
    ]),
    settings: new Map(),
    optedOutPhones: new Set(),
    ...over,
  };
}

const summary = (ms: ReturnType<typeof planNotifications>) => ms.map((m) => `${m.channel}:${m.template}:${m.recipientRef}:${m.status}`);

describe('causesFromEvents', () => {
  it('keeps creation, real status changes and assignments; ignores every other edit', () => {
    const events = [
      event('created', T0, { id: 'e1' }),
      status(T0 + 1, 'PENDING', 'IN_PROGRESS'),
      event('field_changed', T0 + 2, { field: 'priority', from: 'low', to: 'high' }),
      event('note', T0 + 3),
      event('assigned', T0 + 4, { field: 'assigneeId', from: null, to: 'agent' }),
      event('assigned', T0 + 5, { field: 'assigneeId', from: 'agent', to: null }),
      event('conflict_resolved', T0 + 6),
    ];
    expect(causesFromEvents(events).map((c) => c.kind)).toEqual(['created', 'status', 'assigned']);
  });

  it('takes the resolution summary from a RESOLVED event', () => {
    const [cause] = causesFromEvents([event('status_changed', T0, { from: 'IN_PROGRESS', to: 'RESOLVED', data: { resolution: ' Fixed ' } })]);
    expect(cause).toMatchObject({ kind: 'status', to: 'RESOLVED', summary: 'Fixed' });
  });
});

describe('planNotifications', () => {
  const created: NotificationCause = { kind: 'created', causeId: 'e1', complaintId: 'c1', actorId: 'desk-agent' };

  it('creation: the complainant SMS in their language and the department manager e-mail', () => {
    const doc = withPhone();
    const ms = planNotifications([created], ctx(doc));
    expect(summary(ms)).toEqual(['sms:complaint_received:complainant:queued', 'email:staff_new_complaint:mgr:queued']);
    expect(ms[0]).toMatchObject({ recipient: PHONE, language: 'ar', key: 'e1:sms:complaint_received:complainant', variables: { ref: doc.referenceNumber } });
    expect(ms[1]).toMatchObject({ recipient: 'mgr@h.example', language: 'en' });
  });

  it('no phone: no SMS and nothing else goes wrong', () => {
    expect(summary(planNotifications([created], ctx(complaint())))).toEqual(['email:staff_new_complaint:mgr:queued']);
  });

  it('an opted-out complainant (staff toggle or STOP) gets a record, not a message', () => {
    const toggled = withPhone({ complainant: { name: 'A', phone: PHONE, email: null, language: 'en', smsOptOut: true } });
    expect(summary(planNotifications([created], ctx(toggled)))[0]).toBe('sms:complaint_received:complainant:opted_out');
    const stopped = planNotifications([created], ctx(withPhone(), { optedOutPhones: new Set([PHONE]) }));
    expect(stopped[0]?.status).toBe('opted_out');
  });

  it('RESOLVED (with the summary) and CLOSED send SMS; other statuses do not unless the hospital asks', () => {
    const doc = withPhone({ resolution: 'From the document' });
    const to = (s: 'RESOLVED' | 'CLOSED' | 'IN_PROGRESS' | 'ESCALATED', summaryText: string | null = null): NotificationCause => ({
      kind: 'status', causeId: `s-${s}`, complaintId: 'c1', to: s, summary: summaryText,
    });
    const ms = planNotifications([to('RESOLVED', 'Fixed'), to('CLOSED'), to('IN_PROGRESS'), to('ESCALATED')], ctx(doc));
    expect(summary(ms)).toEqual(['sms:complaint_resolved:complainant:queued', 'sms:complaint_closed:complainant:queued']);
    expect(ms[0]?.variables.summary).toBe('Fixed');
    expect(planNotifications([to('RESOLVED')], ctx(doc))[0]?.variables.summary).toBe('From the document');
    const opted = ctx(doc, { settings: new Map([['h1', { smsOnInProgress: true, smsOnAssignment: false, smsOnSlaReminder: false }]]) });
    expect(summary(planNotifications([to('IN_PROGRESS')], opted))).toEqual(['sms:complaint_in_progress:complainant:queued']);
  });

  it('assignment: e-mail to the assignee (not when assigning oneself), SMS only when the hospital asks', () => {
    const doc = withPhone();
    const assign = (actorId: string): NotificationCause => ({ kind: 'assigned', causeId: `a-${actorId}`, complaintId: 'c1', assigneeId: 'agent', actorId });
    const ms = planNotifications([assign('mgr')], ctx(doc));
    expect(summary(ms)).toEqual(['email:staff_assigned:agent:queued']);
    expect(ms[0]?.language).toBe('ar+en');
    expect(planNotifications([assign('agent')], ctx(doc))).toEqual([]);
    const settings = new Map([['h1', { smsOnInProgress: false, smsOnAssignment: true, smsOnSlaReminder: false }]]);
    expect(summary(planNotifications([assign('mgr')], ctx(doc, { settings })))).toEqual([
      'sms:complaint_assigned:complainant:queued',
      'email:staff_assigned:agent:queued',
    ]);
  });

  it('SLA: reminders to the assignee (the manager when unassigned), overdue to both, escalation to its target', () => {
    const doc = withPhone({ assigneeId: 'agent' });
    const sla = (action: 'first_reminder' | 'second_reminder' | 'overdue' | 'escalation', targetUserId: string | null = null): NotificationCause => ({
      kind: 'sla', causeId: `f-${action}`, complaintId: 'c1', action, level: action === 'second_reminder' ? 2 : 1, targetUserId,
    });
    expect(summary(planNotifications([sla('first_reminder'), sla('second_reminder'), sla('overdue'), sla('escalation', 'boss')], ctx(doc)))).toEqual([
      'email:staff_first_reminder:agent:queued',
      'email:staff_second_reminder:agent:queued',
      'email:staff_overdue:agent:queued',
      'email:staff_overdue:mgr:queued',
      'email:staff_escalated:boss:queued',
    ]);
    expect(summary(planNotifications([sla('first_reminder')], ctx(withPhone())))).toEqual(['email:staff_first_reminder:mgr:queued']);
    const settings = new Map([['h1', { smsOnInProgress: false, smsOnAssignment: false, smsOnSlaReminder: true }]]);
    expect(summary(planNotifications([sla('first_reminder')], ctx(doc, { settings })))[0]).toBe('sms:complaint_reminder:complainant:queued');
    expect(planNotifications([sla('escalation', null)], ctx(doc))).toEqual([]);
  });

  it('staff without an e-mail address get no e-mail', () => {
    expect(planNotifications([{ kind: 'assigned', causeId: 'x', complaintId: 'c1', assigneeId: 'nobody', actorId: 'mgr' }], ctx(withPhone()))).toEqual([]);
  });

  it('an explanation request carries its token and deadline to the staff member', () => {
    const ms = planNotifications(
      [{ kind: 'explanation', causeId: 'r1', complaintId: 'c1', staffId: 'boss', token: 'tok', dueAt: T0 + 1, message: 'Why?' }],
      ctx(withPhone()),
    );
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ template: 'staff_explanation_request', recipient: 'boss@h.example', variables: { token: 'tok', due: T0 + 1, message: 'Why?' } });
  });

  it('the same cause planned twice gives the same keys once; a complaint not on the server yet gives nothing', () => {
    const doc = withPhone();
    const once = planNotifications([created], ctx(doc));
    expect(planNotifications([created, created], ctx(doc)).map((m) => m.key)).toEqual(once.map((m) => m.key));
    expect(planNotifications([created], ctx(doc, { complaints: new Map() }))).toEqual([]);
  });
});
