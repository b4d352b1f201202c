import type { ComplaintDoc, SlaConfigDoc, TimelineEventDoc } from '../documents.ts';
import type { EventType } from '../enums.ts';
import { HOUR_MS } from '../sla.ts';
import type { CalendarDoc, EscalationRuleDoc } from './types.ts';

/** Builders shared by the SLA tests (pure data, no test framework). */

export const H = HOUR_MS;
/** Sunday 4 January 2026, 09:00 in Riyadh (06:00 UTC): a working morning. */
export const T0 = Date.UTC(2026, 0, 4, 6, 0);

export function complaint(over: Partial<ComplaintDoc> = {}): ComplaintDoc {
  return {
    id: 'c1', hospitalId: 'h1', departmentId: 'd1', referenceNumber: 'CMP-2026-000001', sourceCode: 'MOH',
    channel: 'walk_in', type: 'complaint', title: 'Long wait', description: '', category: null,
    severity: 'medium', priority: 'medium', status: 'PENDING', assigneeId: null,
    complainant: { name: 'A', phone: null, email: null, language: 'ar', smsOptOut: false },
    patient: null, resolution: null, trackingSecret: 'abcdefghijklmnopqrstuv', deskId: 'desk1',
    createdAt: T0, createdBy: 'u1', updatedAt: T0, updatedBy: 'u1', dueAt: null, overdue: false,
    reminderLevel: 0, escalationLevel: 0, lastReminderAt: null, escalatedAt: null,
    referenceConfirmed: true, trackingConfirmed: true, ...over,
  };
}

let seq = 0;
export function event(type: EventType, at: number, over: Partial<TimelineEventDoc> = {}): TimelineEventDoc {
  seq += 1;
  return {
    id: `e${String(seq).padStart(6, '0')}`, complaintId: 'c1', hospitalId: 'h1', type, at, actorId: 'u1', actorName: 'Staff',
    field: null, from: null, to: null, comment: null, visibility: 'internal', data: {}, ...over,
  };
}

export const status = (at: number, from: string, to: string, actorId: string | null = 'u1'): TimelineEventDoc =>
  event('status_changed', at, { from, to, actorId });

export function slaConfig(over: Partial<SlaConfigDoc> = {}): SlaConfigDoc {
  return {
    id: 'cfg', hospitalId: 'h1', sourceCode: null, severity: null, priority: null, slaHours: 48,
    firstReminderHoursAfter: null, secondReminderHoursAfter: null, escalationHoursAfter: null,
    reminderHoursBefore: 24, secondReminderEnabled: false, secondReminderHoursBefore: 6,
    thankYouEnabled: false, active: true, updatedAt: 0, ...over,
  };
}

/** The four source configurations of brief §3 / source document 004. */
export const SOURCE_CONFIGS: SlaConfigDoc[] = [
  slaConfig({ id: 'moh', sourceCode: 'MOH', slaHours: 24, firstReminderHoursAfter: 12, secondReminderHoursAfter: 30, escalationHoursAfter: 24 }),
  slaConfig({ id: 'cchi', sourceCode: 'CCHI', slaHours: 48, firstReminderHoursAfter: 24, secondReminderHoursAfter: 60, escalationHoursAfter: 48 }),
  slaConfig({ id: 'patient', sourceCode: 'PATIENT', slaHours: 72, firstReminderHoursAfter: 24, secondReminderHoursAfter: 72, escalationHoursAfter: 72 }),
  slaConfig({ id: 'family', sourceCode: 'FAMILY', slaHours: 72, firstReminderHoursAfter: 24, secondReminderHoursAfter: 72, escalationHoursAfter: 72 }),
];

export function rule(over: Partial<EscalationRuleDoc> = {}): EscalationRuleDoc {
  return {
    id: 'r1', hospitalId: 'h1', name: 'Level 1', level: 1, maxLevel: 3, triggerOnOverdue: true, triggerHoursOverdue: 0,
    reminderEscalationEnabled: false, reminderEscalationHours: 24, targetRole: 'department_manager', targetUserId: null,
    severityFilter: null, priorityFilter: null, order: 0, active: true, updatedAt: 0, ...over,
  };
}

/** Source document 002's three-level example: 24/48/72 h overdue to department manager, hospital admin, PX admin. */
export const THREE_LEVELS: EscalationRuleDoc[] = [
  rule({ id: 'l1', level: 1, triggerHoursOverdue: 24, targetRole: 'department_manager', order: 1 }),
  rule({ id: 'l2', level: 2, triggerHoursOverdue: 48, targetRole: 'hospital_admin', order: 2 }),
  rule({ id: 'l3', level: 3, triggerHoursOverdue: 72, targetRole: 'px_admin', order: 3 }),
];

export function calendar(over: Partial<CalendarDoc> = {}): CalendarDoc {
  return {
    id: 'cal', hospitalId: 'h1', timezone: 'Asia/Riyadh', weekendDays: [5, 6],
    workingHours: { start: '08:00', end: '16:00' }, ramadanHours: { start: '10:00', end: '15:00' },
    holidays: [
      { kind: 'hijri', name: 'Eid al-Fitr', month: 10, day: 1, days: 4 },
      { kind: 'hijri', name: 'Eid al-Adha', month: 12, day: 10, days: 4 },
    ],
    businessHoursSlaConfigIds: ['*'], pauseWhileWaiting: true, active: true, updatedAt: 0, ...over,
  };
}

/** Riyadh wall time (UTC+3, no daylight saving) as epoch ms. */
export const riyadh = (y: number, m: number, d: number, h = 0, min = 0): number => Date.UTC(y, m - 1, d, h - 3, min);
