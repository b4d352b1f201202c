import { describe, expect, it } from 'vitest';
import type { ComplaintDoc } from '../../shared/documents.ts';
import type { NotificationCause } from '../../shared/notifications/plan.ts';
import { inAppNotificationsFor, type InboxContext } from './recipients.ts';

const complaint = { id: 'c1', hospitalId: 'h1', referenceNumber: 'CMP-2026-000123', title: 'Long wait', assigneeId: 'agent', departmentId: 'er' } as ComplaintDoc;
const ctx: InboxContext = { complaints: new Map([['c1', complaint]]), managers: new Map([['er', 'manager']]) };
const NOW = 1_790_000_000_000;

const who = (cause: NotificationCause, c: InboxContext = ctx) =>
  inAppNotificationsFor([cause], c, NOW).map((n) => ({ userId: n.userId, kind: n.kind, level: n.level }));

describe('who an in-app notification goes to', () => {
  it.each<[string, NotificationCause, { userId: string; kind: string; level: number | null }[]]>([
    ['an assignment: the new assignee', { kind: 'assigned', causeId: 'e1', complaintId: 'c1', assigneeId: 'someone', actorId: 'boss' }, [{ userId: 'someone', kind: 'assigned', level: null }]],
    ['assigning oneself: nobody', { kind: 'assigned', causeId: 'e1', complaintId: 'c1', assigneeId: 'boss', actorId: 'boss' }, []],
    ['a new complaint: the department manager', { kind: 'created', causeId: 'e1', complaintId: 'c1', actorId: 'desk' }, [{ userId: 'manager', kind: 'new_complaint', level: null }]],
    ['a complaint the manager took themself: nobody', { kind: 'created', causeId: 'e1', complaintId: 'c1', actorId: 'manager' }, []],
    ['a first reminder: the assignee', { kind: 'sla', causeId: 'e1', complaintId: 'c1', action: 'first_reminder', level: 1, targetUserId: null }, [{ userId: 'agent', kind: 'reminder', level: 1 }]],
    ['a second reminder: the assignee', { kind: 'sla', causeId: 'e1', complaintId: 'c1', action: 'second_reminder', level: 2, targetUserId: null }, [{ userId: 'agent', kind: 'reminder', level: 2 }]],
    ['overdue: the assignee', { kind: 'sla', causeId: 'e1', complaintId: 'c1', action: 'overdue', level: 0, targetUserId: null }, [{ userId: 'agent', kind: 'overdue', level: null }]],
    ['an escalation: its target', { kind: 'sla', causeId: 'e1', complaintId: 'c1', action: 'escalation', level: 2, targetUserId: 'director' }, [{ userId: 'director', kind: 'escalated', level: 2 }]],
    ['an escalation nobody fitted: nobody', { kind: 'sla', causeId: 'e1', complaintId: 'c1', action: 'escalation', level: 1, targetUserId: null }, []],
    ['an explanation request: the staff member asked', { kind: 'explanation', causeId: 'x1', complaintId: 'c1', staffId: 'nurse', token: 't', dueAt: NOW, message: null }, [{ userId: 'nurse', kind: 'explanation_requested', level: null }]],
    ['a status change: nobody', { kind: 'status', causeId: 'e1', complaintId: 'c1', to: 'RESOLVED', summary: 'done' }, []],
    ['a survey threshold: nobody (e-mail only)', { kind: 'threshold', causeId: 'e1', complaintId: 'c1', userId: 'px', score: 1, comment: null }, []],
  ])('%s', (_name, cause, expected) => {
    expect(who(cause)).toEqual(expected);
  });

  it('tells nobody about a reminder on an unassigned complaint, or a complaint it cannot find', () => {
    const unassigned = { complaints: new Map([['c1', { ...complaint, assigneeId: null }]]), managers: ctx.managers };
    expect(who({ kind: 'sla', causeId: 'e1', complaintId: 'c1', action: 'first_reminder', level: 1, targetUserId: null }, unassigned)).toEqual([]);
    expect(who({ kind: 'assigned', causeId: 'e1', complaintId: 'elsewhere', assigneeId: 'x', actorId: null })).toEqual([]);
    const noManager = { complaints: ctx.complaints, managers: new Map<string, string>() };
    expect(who({ kind: 'created', causeId: 'e1', complaintId: 'c1', actorId: null }, noManager)).toEqual([]);
  });

  it('carries what the desk shows: hospital, complaint, reference, title, cause and time', () => {
    const [n] = inAppNotificationsFor([{ kind: 'assigned', causeId: 'e9', complaintId: 'c1', assigneeId: 'someone', actorId: null }], ctx, NOW);
    expect(n).toEqual({
      hospitalId: 'h1',
      userId: 'someone',
      kind: 'assigned',
      complaintId: 'c1',
      referenceNumber: 'CMP-2026-000123',
      complaintTitle: 'Long wait',
      causeId: 'e9',
      level: null,
      createdAt: NOW,
    });
  });
});
