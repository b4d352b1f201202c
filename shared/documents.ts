import { z } from 'zod';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  ESCALATION_TARGET_ROLES,
  EVENT_TYPES,
  EXPLANATION_STATUSES,
  LANGUAGES,
  PRIORITIES,
  ROLES,
  SEVERITIES,
  SOURCE_KINDS,
  VISIBILITIES,
} from './enums.ts';

/**
 * The replicated documents. These zod schemas are the one source of truth: the server validates
 * pushes and API bodies with them, and `rx-schemas.ts` derives the desk's RxDB schemas from them.
 * Times are epoch milliseconds (integers) so they sort and index cheaply in IndexedDB.
 */

const MAX_TIME = 8_640_000_000_000_000; // the largest Date
export const id = z.string().min(1).max(40);
export const epochMs = z.number().int().min(0).max(MAX_TIME);
const nullableId = id.nullable();

export const complainantSchema = z.object({
  name: z.string().trim().min(1).max(120),
  /** E.164 when set: the desk and the API normalise before saving. */
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/).nullable(),
  email: z.string().email().max(254).nullable(),
  language: z.enum(LANGUAGES),
  smsOptOut: z.boolean(),
});
export type Complainant = z.infer<typeof complainantSchema>;

export const patientSchema = z.object({
  mrn: z.string().trim().max(40).nullable(),
  nationalId: z.string().trim().max(20).nullable(),
});

export const complaintDocSchema = z.object({
  id,
  hospitalId: id,
  departmentId: nullableId,
  referenceNumber: z.string().regex(/^CMP-\d{4}-\d{6,}$/).max(24),
  sourceCode: z.string().min(1).max(20),
  channel: z.enum(CHANNELS),
  type: z.enum(COMPLAINT_TYPES),
  title: z.string().trim().min(3).max(200),
  description: z.string().max(10_000),
  category: z.string().max(60).nullable(),
  severity: z.enum(SEVERITIES),
  priority: z.enum(PRIORITIES),
  status: z.enum(COMPLAINT_STATUSES),
  assigneeId: nullableId,
  complainant: complainantSchema,
  patient: patientSchema.nullable(),
  resolution: z.string().max(4_000).nullable(),
  /** ≥ 128 bits, base64url; made by whoever creates the complaint so a receipt can print offline. */
  trackingSecret: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
  deskId: z.string().min(1).max(40),
  createdAt: epochMs,
  createdBy: id,
  updatedAt: epochMs,
  updatedBy: id,
  // Server-owned: the SLA engine and the server decide these; a desk's value is ignored.
  dueAt: epochMs.nullable(),
  overdue: z.boolean(),
  reminderLevel: z.number().int().min(0).max(10),
  escalationLevel: z.number().int().min(0).max(20),
  lastReminderAt: epochMs.nullable(),
  escalatedAt: epochMs.nullable(),
  referenceConfirmed: z.boolean(),
  trackingConfirmed: z.boolean(),
});
export type ComplaintDoc = z.infer<typeof complaintDocSchema>;

/** Fields only the server writes. A desk's push never changes them. */
export const SERVER_OWNED_COMPLAINT_FIELDS = [
  'dueAt',
  'overdue',
  'reminderLevel',
  'escalationLevel',
  'lastReminderAt',
  'escalatedAt',
  'referenceConfirmed',
  'trackingConfirmed',
] as const satisfies readonly (keyof ComplaintDoc)[];

/** A complaint's server-owned fields before any server has seen it: the server fills them in. */
export const UNCONFIRMED_SERVER_FIELDS = {
  dueAt: null,
  overdue: false,
  reminderLevel: 0,
  escalationLevel: 0,
  lastReminderAt: null,
  escalatedAt: null,
  referenceConfirmed: false,
  trackingConfirmed: false,
} as const satisfies Pick<ComplaintDoc, (typeof SERVER_OWNED_COMPLAINT_FIELDS)[number]>;

/** Fields fixed at creation. */
export const IMMUTABLE_COMPLAINT_FIELDS = [
  'id',
  'hospitalId',
  'referenceNumber',
  'trackingSecret',
  'deskId',
  'createdAt',
  'createdBy',
] as const satisfies readonly (keyof ComplaintDoc)[];

/** Fields a desk may change after creation; these are merged field by field on push. */
export const DESK_WRITABLE_COMPLAINT_FIELDS = [
  'departmentId',
  'sourceCode',
  'channel',
  'type',
  'title',
  'description',
  'category',
  'severity',
  'priority',
  'status',
  'assigneeId',
  'complainant',
  'patient',
  'resolution',
] as const satisfies readonly (keyof ComplaintDoc)[];
export type DeskWritableField = (typeof DESK_WRITABLE_COMPLAINT_FIELDS)[number];

export const timelineEventDocSchema = z.object({
  id,
  complaintId: id,
  hospitalId: id,
  type: z.enum(EVENT_TYPES),
  at: epochMs,
  /** Null for the system (SLA engine, SMS worker). */
  actorId: nullableId,
  actorName: z.string().max(120).nullable(),
  field: z.string().max(40).nullable(),
  from: z.string().max(200).nullable(),
  to: z.string().max(200).nullable(),
  comment: z.string().max(4_000).nullable(),
  visibility: z.enum(VISIBILITIES),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEventDoc = z.infer<typeof timelineEventDocSchema>;

export const hospitalDocSchema = z.object({
  id,
  code: z.string().min(1).max(20),
  nameEn: z.string().max(200),
  nameAr: z.string().max(200),
  active: z.boolean(),
  updatedAt: epochMs,
});
export type HospitalDoc = z.infer<typeof hospitalDocSchema>;

export const departmentDocSchema = z.object({
  id,
  hospitalId: id,
  code: z.string().min(1).max(20),
  nameEn: z.string().max(200),
  nameAr: z.string().max(200),
  managerId: nullableId,
  active: z.boolean(),
  updatedAt: epochMs,
});
export type DepartmentDoc = z.infer<typeof departmentDocSchema>;

/** The staff directory as desks see it: never a password hash. */
export const staffDocSchema = z.object({
  id,
  /** Null for group-level staff, who see every hospital. */
  hospitalId: nullableId,
  username: z.string().min(1).max(60),
  displayName: z.string().max(120),
  role: z.enum(ROLES),
  departmentId: nullableId,
  reportsToId: nullableId,
  active: z.boolean(),
  updatedAt: epochMs,
});
export type StaffDoc = z.infer<typeof staffDocSchema>;

export const sourceDocSchema = z.object({
  id,
  code: z.string().min(1).max(20),
  nameEn: z.string().max(200),
  nameAr: z.string().max(200),
  kind: z.enum(SOURCE_KINDS),
  active: z.boolean(),
  updatedAt: epochMs,
});
export type SourceDoc = z.infer<typeof sourceDocSchema>;

const hours = z.number().min(0).max(24 * 365);
export const slaConfigDocSchema = z.object({
  id,
  hospitalId: id,
  /** Source-based configuration when set; otherwise severity + priority based. */
  sourceCode: z.string().max(20).nullable(),
  severity: z.enum(SEVERITIES).nullable(),
  priority: z.enum(PRIORITIES).nullable(),
  slaHours: hours,
  firstReminderHoursAfter: hours.nullable(),
  secondReminderHoursAfter: hours.nullable(),
  escalationHoursAfter: hours.nullable(),
  reminderHoursBefore: hours,
  secondReminderEnabled: z.boolean(),
  secondReminderHoursBefore: hours,
  thankYouEnabled: z.boolean(),
  active: z.boolean(),
  updatedAt: epochMs,
});
export type SlaConfigDoc = z.infer<typeof slaConfigDocSchema>;

/**
 * An escalation rule of a hospital (source document 002, EscalationRule). A rule at `level` fires
 * `triggerHoursOverdue` after the SLA deadline (when `triggerOnOverdue`) and/or
 * `reminderEscalationHours` after a reminder nobody answered (when `reminderEscalationEnabled`).
 * See shared/sla/schedule.ts for how the levels chain.
 */
export const escalationRuleDocSchema = z.object({
  id,
  hospitalId: id,
  name: z.string().max(200),
  level: z.number().int().min(1).max(20),
  maxLevel: z.number().int().min(1).max(20),
  triggerOnOverdue: z.boolean(),
  triggerHoursOverdue: hours,
  reminderEscalationEnabled: z.boolean(),
  reminderEscalationHours: hours,
  targetRole: z.enum(ESCALATION_TARGET_ROLES),
  /** Required when `targetRole` is `named_user`, ignored otherwise. */
  targetUserId: nullableId,
  severityFilter: z.enum(SEVERITIES).nullable(),
  priorityFilter: z.enum(PRIORITIES).nullable(),
  /** Among rules of the same level that match a complaint, the smallest order wins. */
  order: z.number().int().min(-1_000_000).max(1_000_000),
  active: z.boolean(),
  updatedAt: epochMs,
});
export type EscalationRuleDoc = z.infer<typeof escalationRuleDocSchema>;

/** 'HH:MM' local time; '24:00' ends a day. */
export const clockTimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);
export const workingHoursSchema = z.object({ start: clockTimeSchema, end: clockTimeSchema });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

const holidayDays = z.number().int().min(1).max(30);
export const holidaySchema = z.discriminatedUnion('kind', [
  /** A one-off date, e.g. a national day declared for one year. */
  z.object({ kind: z.literal('gregorian'), name: z.string().max(120), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), days: holidayDays }),
  /** The same Gregorian month/day every year (Founding Day 22 Feb, National Day 23 Sep). */
  z.object({ kind: z.literal('yearly'), name: z.string().max(120), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), days: holidayDays }),
  /** An Umm al-Qura (Hijri) month/day every Hijri year (Eid al-Fitr 10/1, Eid al-Adha 12/10). */
  z.object({ kind: z.literal('hijri'), name: z.string().max(120), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(30), days: holidayDays }),
]);
export type Holiday = z.infer<typeof holidaySchema>;

/**
 * A hospital's business-hours calendar. Without one (or for SLA configurations it does not name)
 * the SLA clock runs round the clock. Weekdays are JavaScript's: 0 = Sunday … 5 = Friday, 6 = Saturday.
 */
export const calendarDocSchema = z.object({
  id,
  hospitalId: id,
  /** IANA zone the working hours and holidays are in. */
  timezone: z.string().min(1).max(60),
  weekendDays: z.array(z.number().int().min(0).max(6)).max(6),
  workingHours: workingHoursSchema,
  /** Shorter hours during the Hijri month of Ramadan; null keeps the usual hours. */
  ramadanHours: workingHoursSchema.nullable(),
  holidays: z.array(holidaySchema).max(100),
  /** Ids of this hospital's SLA configurations measured in business hours; '*' = all, defaults included. */
  businessHoursSlaConfigIds: z.array(z.string().min(1).max(40)).max(200),
  /** Stop the SLA clock while a complaint is WAITING_USER (waiting on the complainant). */
  pauseWhileWaiting: z.boolean(),
  active: z.boolean(),
  updatedAt: epochMs,
});
export type CalendarDoc = z.infer<typeof calendarDocSchema>;

/**
 * A staff explanation request (source document 002, ComplaintExplanation): its own SLA, reminded
 * `reminderHoursBefore` the deadline, then escalated up the reports-to chain. The one-time link's
 * token is never part of the document (the server keeps only its hash).
 */
export const explanationRequestDocSchema = z.object({
  id,
  complaintId: id,
  hospitalId: id,
  staffId: id,
  requestedById: id,
  requestedAt: epochMs,
  responseHours: hours,
  reminderHoursBefore: hours,
  autoEscalate: z.boolean(),
  /** Hours after a level's deadline before it goes to the next manager (002: escalation_hours_overdue). */
  escalationHoursOverdue: hours,
  maxLevel: z.number().int().min(0).max(20),
  status: z.enum(EXPLANATION_STATUSES),
  explanation: z.string().max(10_000).nullable(),
  respondedAt: epochMs.nullable(),
  respondedById: nullableId,
  // Server-owned: how far up the chain it has gone.
  escalationLevel: z.number().int().min(0).max(20),
  updatedAt: epochMs,
});
export type ExplanationRequestDoc = z.infer<typeof explanationRequestDocSchema>;

/**
 * What a threshold measures (source document 002, ComplaintThreshold.threshold_type). Only the
 * satisfaction survey's score (1–5) is evaluated today; 'response_time' and 'resolution_time'
 * join this list when something evaluates them.
 */
export const THRESHOLD_METRICS = ['survey_score'] as const;
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];
export const THRESHOLD_OPERATORS = ['lt', 'lte', 'gt', 'gte', 'eq'] as const;
export type ThresholdOperator = (typeof THRESHOLD_OPERATORS)[number];
/** follow_up: an internal follow-up on the complaint; notify: tell someone; escalate: one level up. */
export const THRESHOLD_ACTIONS = ['follow_up', 'notify', 'escalate'] as const;
export type ThresholdAction = (typeof THRESHOLD_ACTIONS)[number];

/**
 * A hospital's threshold on a metric (source document 002, ComplaintThreshold): when a measured
 * value compares to `value` by `operator` (score `lt` 3 …), `action` is taken. Kept on the server
 * (not replicated). `notifyRole` / `notifyUserId` say who a 'notify' threshold tells — a role
 * resolved like an escalation target, or `named_user` with `notifyUserId` — and are ignored for
 * the other actions ('escalate' goes to the target of the hospital's escalation rule).
 */
export const thresholdDocSchema = z.object({
  id,
  hospitalId: id,
  metric: z.enum(THRESHOLD_METRICS),
  operator: z.enum(THRESHOLD_OPERATORS),
  value: z.number().min(-1_000_000).max(1_000_000),
  action: z.enum(THRESHOLD_ACTIONS),
  notifyRole: z.enum(ESCALATION_TARGET_ROLES).nullable(),
  notifyUserId: nullableId,
  active: z.boolean(),
  updatedAt: epochMs,
});
export type ThresholdDoc = z.infer<typeof thresholdDocSchema>;

/** Why a member of staff gets an in-app notification (issue 4 item 6). */
export const STAFF_NOTIFICATION_KINDS = [
  'assigned',
  'reminder',
  'overdue',
  'escalated',
  'explanation_requested',
  'new_complaint',
] as const;
export type StaffNotificationKind = (typeof STAFF_NOTIFICATION_KINDS)[number];

/**
 * An in-app notification for one member of staff, replicated to that user only (the server's
 * pull scopes the `notifications` collection by user as well as hospital). The desk words it
 * from `kind` in the reader's language. Everything is the server's except `readAt`, which the
 * desk pushes when its user opens it.
 */
export const staffNotificationDocSchema = z.object({
  id,
  hospitalId: id,
  userId: id,
  kind: z.enum(STAFF_NOTIFICATION_KINDS),
  complaintId: id,
  referenceNumber: z.string().max(24),
  complaintTitle: z.string().max(200),
  /** What caused it: the timeline event (assignment, SLA action, creation) or the explanation request. */
  causeId: id,
  /** Reminder or escalation level, when there is one. */
  level: z.number().int().min(0).max(20).nullable(),
  createdAt: epochMs,
  readAt: epochMs.nullable(),
});
export type StaffNotificationDoc = z.infer<typeof staffNotificationDocSchema>;
/** The only field a desk may change. */
export const DESK_WRITABLE_NOTIFICATION_FIELDS = ['readAt'] as const satisfies readonly (keyof StaffNotificationDoc)[];
