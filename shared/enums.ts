// String unions backed by const arrays: the arrays feed zod/JSON schemas and UI pickers,
// the unions feed the type checker. No numeric enums anywhere.

export const COMPLAINT_STATUSES = [
  'PENDING',
  'ASSIGNED',
  'IN_PROGRESS',
  'WAITING_USER',
  'ESCALATED',
  'RESOLVED',
  'CLOSED',
  'CANCELLED',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['walk_in', 'phone', 'email', 'portal', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const COMPLAINT_TYPES = ['complaint', 'appreciation'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const LANGUAGES = ['ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ROLES = [
  'desk_agent',
  'department_manager',
  'hospital_admin',
  'px_admin',
  'ceo',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const SOURCE_KINDS = ['internal', 'external'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The four sources every installation starts with (product brief §3). */
export const DEFAULT_SOURCE_CODES = ['MOH', 'CCHI', 'PATIENT', 'FAMILY'] as const;

export const EVENT_TYPES = [
  'created',
  'status_changed',
  'assigned',
  'field_changed',
  'note',
  'reply',
  'attachment_added',
  'communication',
  'sla_reminder',
  'sla_overdue',
  'sla_escalated',
  'explanation_requested',
  'explanation_received',
  'survey_received',
  'conflict_resolved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Fields whose change becomes a `field_changed` event (brief §3). */
export const TRACKED_FIELDS = ['priority', 'severity', 'sourceCode', 'departmentId', 'category'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

/** Who an escalation goes to (brief §3); `named_user` uses the rule's `targetUserId`. */
export const ESCALATION_TARGET_ROLES = [
  'department_manager',
  'hospital_admin',
  'px_admin',
  'ceo',
  'named_user',
] as const;
export type EscalationTargetRole = (typeof ESCALATION_TARGET_ROLES)[number];

/** A staff explanation request: open until the staff member (or a manager it went to) answers. */
export const EXPLANATION_STATUSES = ['pending', 'received', 'cancelled'] as const;
export type ExplanationStatus = (typeof EXPLANATION_STATUSES)[number];

/** Kinds of holiday in a business-hours calendar. */
export const HOLIDAY_KINDS = ['gregorian', 'yearly', 'hijri'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];
