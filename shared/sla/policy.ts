import type { ComplaintDoc, SlaConfigDoc } from '../documents.ts';
import { slaConfigFor, slaHoursFor, FALLBACK_SLA_HOURS, type SeverityDefaults } from '../sla.ts';
import type { CalendarDoc, SlaPolicy } from './types.ts';

/** Brief §3: without any configuration, the first reminder is 24 h and the second 6 h before the deadline. */
export const DEFAULT_REMINDER_HOURS_BEFORE = 24;
export const DEFAULT_SECOND_REMINDER_HOURS_BEFORE = 6;
/** A hospital without a calendar pauses the clock while a complaint waits on the complainant. */
export const DEFAULT_PAUSE_WHILE_WAITING = true;
export { FALLBACK_SLA_HOURS };

/**
 * The SLA of a complaint, with the brief's precedence (shared/sla.ts `slaConfigFor`): the
 * hospital's configuration for the complaint's source, else its most specific severity/priority
 * configuration, else the server's default hours for the severity, else 48 h. Null for an
 * appreciation. The hospital's calendar decides whether the configuration counts business hours
 * (it lists the configuration's id, or '*') and whether WAITING_USER pauses the clock.
 */
export function resolvePolicy(
  complaint: ComplaintDoc,
  configs: readonly SlaConfigDoc[],
  defaults: SeverityDefaults = {},
  calendar: CalendarDoc | null = null,
): SlaPolicy | null {
  if (complaint.type === 'appreciation') return null;
  const config = slaConfigFor(complaint, configs);
  const cal = calendar !== null && calendar.active && calendar.hospitalId === complaint.hospitalId ? calendar : null;
  const listed = cal?.businessHoursSlaConfigIds ?? [];
  const businessHours = listed.includes('*') || (config !== null && listed.includes(config.id));
  const pauseWhileWaiting = cal ? cal.pauseWhileWaiting : DEFAULT_PAUSE_WHILE_WAITING;
  if (config) {
    return {
      configId: config.id,
      slaHours: config.slaHours,
      firstReminderHoursAfter: config.firstReminderHoursAfter,
      secondReminderHoursAfter: config.secondReminderHoursAfter,
      escalationHoursAfter: config.escalationHoursAfter,
      reminderHoursBefore: config.reminderHoursBefore,
      secondReminderEnabled: config.secondReminderEnabled,
      secondReminderHoursBefore: config.secondReminderHoursBefore,
      businessHours,
      pauseWhileWaiting,
    };
  }
  return {
    configId: null,
    slaHours: slaHoursFor(complaint, configs, defaults) ?? FALLBACK_SLA_HOURS,
    firstReminderHoursAfter: null,
    secondReminderHoursAfter: null,
    escalationHoursAfter: null,
    reminderHoursBefore: DEFAULT_REMINDER_HOURS_BEFORE,
    secondReminderEnabled: true,
    secondReminderHoursBefore: DEFAULT_SECOND_REMINDER_HOURS_BEFORE,
    businessHours,
    pauseWhileWaiting,
  };
}

/** Hours after the cycle start of the first reminder, or null for none (a reminder at 0 h would be noise). */
export function firstReminderHours(p: SlaPolicy): number | null {
  const h = p.firstReminderHoursAfter ?? p.slaHours - p.reminderHoursBefore;
  return h > 0 ? h : null;
}

/** Hours after the cycle start of the second reminder, or null for none. */
export function secondReminderHours(p: SlaPolicy): number | null {
  const h = p.secondReminderHoursAfter ?? (p.secondReminderEnabled ? p.slaHours - p.secondReminderHoursBefore : null);
  return h !== null && h > 0 ? h : null;
}
