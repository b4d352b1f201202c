import type { ComplaintDoc, TimelineEventDoc } from '../documents.ts';
import type { ComplaintStatus, Language } from '../enums.ts';
import { COMPLAINT_STATUSES } from '../enums.ts';
import type { ActionKind } from '../sla/types.ts';
import type { MessageChannel, MessageTemplateId } from './texts.ts';

/**
 * Which messages a change causes (pure). The server turns what it just wrote — newly inserted
 * timeline events, fired SLA actions, explanation links — into causes, loads the complaints and
 * the directory they name, and queues what this returns in the same transaction. Each message has
 * a stable key (cause + channel + template + recipient), so planning the same cause twice (a
 * replayed push, a complaint arriving after its events) can never queue a second message.
 */
export type NotificationCause =
  | { kind: 'created'; causeId: string; complaintId: string; actorId: string | null }
  | { kind: 'status'; causeId: string; complaintId: string; to: ComplaintStatus; summary: string | null }
  | { kind: 'assigned'; causeId: string; complaintId: string; assigneeId: string; actorId: string | null }
  | { kind: 'sla'; causeId: string; complaintId: string; action: ActionKind; level: number; targetUserId: string | null }
  | { kind: 'explanation'; causeId: string; complaintId: string; staffId: string; token: string; dueAt: number; message: string | null }
  | { kind: 'threshold'; causeId: string; complaintId: string; userId: string; score: number; comment: string | null };

export type HospitalNotificationSettings = { smsOnInProgress: boolean; smsOnAssignment: boolean; smsOnSlaReminder: boolean };
export const DEFAULT_NOTIFICATION_SETTINGS: HospitalNotificationSettings = { smsOnInProgress: false, smsOnAssignment: false, smsOnSlaReminder: false };

export type StaffContact = { email: string; language: Language | null; name: string };

export type PlanContext = {
  complaints: ReadonlyMap<string, ComplaintDoc>;
  /** Department id → its manager's user id (the named manager, else the department's manager by role). */
  managers: ReadonlyMap<string, string>;
  /** Active staff with an e-mail address, by user id. */
  contacts: ReadonlyMap<string, StaffContact>;
  settings: ReadonlyMap<string, HospitalNotificationSettings>;
  /** Numbers that answered STOP. */
  optedOutPhones: ReadonlySet<string>;
};

/** A staff e-mail to someone of unknown language is written in both. */
export type MessageLanguage = Language | 'ar+en';
export type TemplateVariables = Record<string, string | number | null>;

export type PlannedMessage = {
  key: string;
  complaintId: string;
  hospitalId: string;
  causeId: string;
  channel: MessageChannel;
  template: MessageTemplateId;
  language: MessageLanguage;
  /** E.164 number or e-mail address. */
  recipient: string;
  /** 'complainant' or the staff member's user id. */
  recipientRef: string;
  status: 'queued' | 'opted_out';
  /** What the cause fixes; the rest (org, support, links) is filled in when sent. */
  variables: TemplateVariables;
};

const STATUSES = new Set<string>(COMPLAINT_STATUSES);

/** The causes among timeline events (created, status changes, assignments); others cause nothing. */
export function causesFromEvents(events: readonly TimelineEventDoc[]): NotificationCause[] {
  const causes: NotificationCause[] = [];
  for (const e of events) {
    const base = { causeId: e.id, complaintId: e.complaintId };
    if (e.type === 'created') causes.push({ kind: 'created', ...base, actorId: e.actorId });
    else if (e.type === 'status_changed' && e.to !== null && STATUSES.has(e.to) && e.from !== e.to) {
      const summary = typeof e.data.resolution === 'string' && e.data.resolution.trim() !== '' ? e.data.resolution.trim() : null;
      causes.push({ kind: 'status', ...base, to: e.to as ComplaintStatus, summary });
    } else if (e.type === 'assigned' && e.to !== null && e.to !== e.from) {
      causes.push({ kind: 'assigned', ...base, assigneeId: e.to, actorId: e.actorId });
    }
  }
  return causes;
}

const STATUS_SMS: Partial<Record<ComplaintStatus, MessageTemplateId>> = {
  RESOLVED: 'complaint_resolved',
  CLOSED: 'complaint_closed',
};

const SLA_EMAIL: Record<ActionKind, MessageTemplateId> = {
  first_reminder: 'staff_first_reminder',
  second_reminder: 'staff_second_reminder',
  overdue: 'staff_overdue',
  escalation: 'staff_escalated',
};

export function planNotifications(causes: readonly NotificationCause[], ctx: PlanContext): PlannedMessage[] {
  const out = new Map<string, PlannedMessage>();
  for (const cause of causes) {
    const doc = ctx.complaints.get(cause.complaintId);
    // Without its complaint nothing can be addressed; a complaint pushed after its events is
    // planned again when it arrives.
    if (!doc) continue;
    for (const m of plan(cause, doc, ctx)) if (!out.has(m.key)) out.set(m.key, m);
  }
  return [...out.values()];
}

function plan(cause: NotificationCause, doc: ComplaintDoc, ctx: PlanContext): PlannedMessage[] {
  const settings = ctx.settings.get(doc.hospitalId) ?? DEFAULT_NOTIFICATION_SETTINGS;
  const manager = doc.departmentId === null ? null : (ctx.managers.get(doc.departmentId) ?? null);
  const sms = (template: MessageTemplateId, extra: TemplateVariables = {}) => complainantSms(cause, doc, ctx, template, extra);
  const mail = (userId: string | null, template: MessageTemplateId, extra: TemplateVariables = {}) =>
    staffEmail(cause, doc, ctx, userId, template, extra);
  switch (cause.kind) {
    case 'created':
      return [...sms('complaint_received'), ...(manager !== cause.actorId ? mail(manager, 'staff_new_complaint') : [])];
    case 'status': {
      const template = STATUS_SMS[cause.to] ?? (cause.to === 'IN_PROGRESS' && settings.smsOnInProgress ? 'complaint_in_progress' : null);
      if (template === null) return [];
      return sms(template, template === 'complaint_resolved' ? { summary: cause.summary ?? doc.resolution } : {});
    }
    case 'assigned':
      return [
        ...(settings.smsOnAssignment ? sms('complaint_assigned') : []),
        ...(cause.assigneeId !== cause.actorId ? mail(cause.assigneeId, 'staff_assigned') : []),
      ];
    case 'sla': {
      const template = SLA_EMAIL[cause.action];
      const reminder = cause.action === 'first_reminder' || cause.action === 'second_reminder';
      const smsPart = reminder && settings.smsOnSlaReminder ? sms('complaint_reminder') : [];
      if (cause.action === 'escalation') return mail(cause.targetUserId, template, { level: cause.level });
      if (cause.action === 'overdue') return [...mail(doc.assigneeId, template), ...mail(manager, template)];
      return [...smsPart, ...mail(doc.assigneeId ?? manager, template)];
    }
    case 'explanation':
      return mail(cause.staffId, 'staff_explanation_request', { token: cause.token, due: cause.dueAt, message: cause.message });
    case 'threshold':
      return mail(cause.userId, 'staff_threshold_breach', { score: cause.score, comment: cause.comment });
  }
}

function common(cause: NotificationCause, doc: ComplaintDoc): Pick<PlannedMessage, 'complaintId' | 'hospitalId' | 'causeId'> {
  return { complaintId: doc.id, hospitalId: doc.hospitalId, causeId: cause.causeId };
}

function complainantSms(cause: NotificationCause, doc: ComplaintDoc, ctx: PlanContext, template: MessageTemplateId, extra: TemplateVariables): PlannedMessage[] {
  const phone = doc.complainant.phone;
  if (phone === null) return [];
  const optedOut = doc.complainant.smsOptOut || ctx.optedOutPhones.has(phone);
  return [
    {
      ...common(cause, doc),
      // The recipient in the key is the role, not the number: a corrected number is not a new message.
      key: `${cause.causeId}:sms:${template}:complainant`,
      channel: 'sms',
      template,
      language: doc.complainant.language,
      recipient: phone,
      recipientRef: 'complainant',
      status: optedOut ? 'opted_out' : 'queued',
      variables: { ref: doc.referenceNumber, ...extra },
    },
  ];
}

function staffEmail(
  cause: NotificationCause,
  doc: ComplaintDoc,
  ctx: PlanContext,
  userId: string | null,
  template: MessageTemplateId,
  extra: TemplateVariables,
): PlannedMessage[] {
  const contact = userId === null ? undefined : ctx.contacts.get(userId);
  if (userId === null || !contact) return [];
  return [
    {
      ...common(cause, doc),
      key: `${cause.causeId}:email:${template}:${userId}`,
      channel: 'email',
      template,
      language: contact.language ?? 'ar+en',
      recipient: contact.email,
      recipientRef: userId,
      status: 'queued',
      variables: { ref: doc.referenceNumber, title: doc.title, due: doc.dueAt, name: contact.name, ...extra },
    },
  ];
}

/** The user ids and departments whose contacts a set of causes may need (what to load). */
export function directoryNeeds(causes: readonly NotificationCause[], complaints: ReadonlyMap<string, ComplaintDoc>): { userIds: string[]; departmentIds: string[] } {
  const users = new Set<string>();
  const departments = new Set<string>();
  for (const c of causes) {
    const doc = complaints.get(c.complaintId);
    if (doc?.departmentId) departments.add(doc.departmentId);
    if (doc?.assigneeId) users.add(doc.assigneeId);
    if (c.kind === 'assigned') users.add(c.assigneeId);
    if (c.kind === 'sla' && c.targetUserId) users.add(c.targetUserId);
    if (c.kind === 'explanation') users.add(c.staffId);
    if (c.kind === 'threshold') users.add(c.userId);
  }
  return { userIds: [...users], departmentIds: [...departments] };
}
