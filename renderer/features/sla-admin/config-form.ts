import type { SlaConfigDoc } from '../../../shared/documents.ts';
import { PRIORITIES, SEVERITIES, type Priority, type Severity } from '../../../shared/enums.ts';
import { FALLBACK_SLA_HOURS } from '../../../shared/sla.ts';
import { DEFAULT_REMINDER_HOURS_BEFORE, DEFAULT_SECOND_REMINDER_HOURS_BEFORE } from '../../../shared/sla/policy.ts';
import { FormReader, HOURS, oneOf, OPTIONAL_HOURS, text, type Checked } from './form-kit.ts';

/**
 * An SLA configuration as its form edits it (create and edit alike). A configuration applies
 * either to a source (MOH, CCHI…) or to a severity + priority combination, either of which may be
 * left open ("any"); the brief's precedence picks among them (shared/sla.ts `slaConfigFor`).
 */
export type ConfigScope = 'source' | 'severity';
export type ConfigForm = {
  scope: ConfigScope;
  sourceCode: string;
  severity: Severity | '';
  priority: Priority | '';
  slaHours: string;
  firstReminderHoursAfter: string;
  reminderHoursBefore: string;
  secondReminderEnabled: boolean;
  secondReminderHoursAfter: string;
  secondReminderHoursBefore: string;
  escalationHoursAfter: string;
  thankYouEnabled: boolean;
  active: boolean;
};
/** What POST (with the hospital) and PATCH send. */
export type ConfigBody = Omit<SlaConfigDoc, 'id' | 'hospitalId' | 'updatedAt'>;

export const CONFIG_HOUR_FIELDS = [
  'slaHours',
  'firstReminderHoursAfter',
  'reminderHoursBefore',
  'secondReminderHoursAfter',
  'secondReminderHoursBefore',
  'escalationHoursAfter',
] as const;

/** A new configuration starts from the brief's defaults: 48 h, reminders 24 h and 6 h before. */
export function configFormOf(doc: SlaConfigDoc | null): ConfigForm {
  return {
    scope: doc === null || doc.sourceCode !== null ? 'source' : 'severity',
    sourceCode: doc?.sourceCode ?? '',
    severity: doc?.severity ?? '',
    priority: doc?.priority ?? '',
    slaHours: text(doc?.slaHours ?? FALLBACK_SLA_HOURS),
    firstReminderHoursAfter: text(doc?.firstReminderHoursAfter ?? null),
    reminderHoursBefore: text(doc?.reminderHoursBefore ?? DEFAULT_REMINDER_HOURS_BEFORE),
    secondReminderEnabled: doc?.secondReminderEnabled ?? true,
    secondReminderHoursAfter: text(doc?.secondReminderHoursAfter ?? null),
    secondReminderHoursBefore: text(doc?.secondReminderHoursBefore ?? DEFAULT_SECOND_REMINDER_HOURS_BEFORE),
    escalationHoursAfter: text(doc?.escalationHoursAfter ?? null),
    thankYouEnabled: doc?.thankYouEnabled ?? false,
    active: doc?.active ?? true,
  };
}

/** The form's choice of what the configuration applies to, as the document's three fields. */
function scopeOf(form: ConfigForm): Pick<ConfigBody, 'sourceCode' | 'severity' | 'priority'> {
  if (form.scope === 'source') return { sourceCode: form.sourceCode.trim() || null, severity: null, priority: null };
  return {
    sourceCode: null,
    severity: oneOf(SEVERITIES, form.severity),
    priority: oneOf(PRIORITIES, form.priority),
  };
}

/**
 * `others`: the hospital's other configurations. A second one for the same source or the same
 * severity + priority would be refused by the server (409); the desk says so on the field first.
 */
export function checkConfigForm(form: ConfigForm, others: readonly SlaConfigDoc[]): Checked<ConfigBody> {
  const r = new FormReader();
  const scope = scopeOf(form);
  if (form.scope === 'source' && scope.sourceCode === null) r.fail('sourceCode', 'required');
  const clash = others.some((c) => c.sourceCode === scope.sourceCode && (scope.sourceCode !== null || (c.severity === scope.severity && c.priority === scope.priority)));
  if (clash) r.fail(form.scope === 'source' ? 'sourceCode' : 'severity', 'taken');
  const body: ConfigBody = {
    ...scope,
    slaHours: r.number('slaHours', form.slaHours, { ...HOURS, min: 1 }),
    firstReminderHoursAfter: r.optional('firstReminderHoursAfter', form.firstReminderHoursAfter, OPTIONAL_HOURS),
    reminderHoursBefore: r.number('reminderHoursBefore', form.reminderHoursBefore, HOURS),
    secondReminderEnabled: form.secondReminderEnabled,
    secondReminderHoursAfter: r.optional('secondReminderHoursAfter', form.secondReminderHoursAfter, OPTIONAL_HOURS),
    secondReminderHoursBefore: r.number('secondReminderHoursBefore', form.secondReminderHoursBefore, HOURS),
    escalationHoursAfter: r.optional('escalationHoursAfter', form.escalationHoursAfter, OPTIONAL_HOURS),
    thankYouEnabled: form.thankYouEnabled,
    active: form.active,
  };
  return r.result(body);
}
