import type { EscalationRuleDoc, SlaConfigDoc } from '../../../shared/documents.ts';
import { ESCALATION_TARGET_ROLES, type EscalationTargetRole } from '../../../shared/enums.ts';
import type { FieldErrors } from './errors.ts';

/** The server's bounds (shared/documents.ts `hours`, rule levels). */
const MAX_HOURS = 24 * 365;
const MAX_LEVEL = 20;

export type Checked<P> = { ok: true; patch: P } | { ok: false; fields: FieldErrors };

type NumberRule = { optional?: boolean; whole?: boolean; min: number; max: number };

/** A typed number from a text box: null for an empty optional box, a FieldError code otherwise. */
function readNumber(text: string, rule: NumberRule): { value: number | null } | { error: FieldErrors[string] } {
  const trimmed = text.trim();
  if (trimmed === '') return rule.optional ? { value: null } : { error: 'required' };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { error: 'not_a_number' };
  if (rule.whole && !Number.isInteger(n)) return { error: 'not_whole' };
  if (n < rule.min || n > rule.max) return { error: 'out_of_range' };
  return { value: n };
}

const HOURS: NumberRule = { min: 0, max: MAX_HOURS };
const OPTIONAL_HOURS: NumberRule = { ...HOURS, optional: true };

export type ConfigForm = {
  slaHours: string;
  firstReminderHoursAfter: string;
  reminderHoursBefore: string;
  secondReminderEnabled: boolean;
  secondReminderHoursAfter: string;
  secondReminderHoursBefore: string;
  active: boolean;
};
export type ConfigPatch = Pick<
  SlaConfigDoc,
  'slaHours' | 'firstReminderHoursAfter' | 'reminderHoursBefore' | 'secondReminderEnabled' | 'secondReminderHoursAfter' | 'secondReminderHoursBefore' | 'active'
>;

const text = (n: number | null) => (n === null ? '' : String(n));

export function configFormOf(doc: SlaConfigDoc): ConfigForm {
  return {
    slaHours: text(doc.slaHours),
    firstReminderHoursAfter: text(doc.firstReminderHoursAfter),
    reminderHoursBefore: text(doc.reminderHoursBefore),
    secondReminderEnabled: doc.secondReminderEnabled,
    secondReminderHoursAfter: text(doc.secondReminderHoursAfter),
    secondReminderHoursBefore: text(doc.secondReminderHoursBefore),
    active: doc.active,
  };
}

export function checkConfigForm(form: ConfigForm): Checked<ConfigPatch> {
  const fields: FieldErrors = {};
  const read = (name: keyof ConfigForm & string, rule: NumberRule): number | null => {
    const r = readNumber(String(form[name]), rule);
    if ('error' in r) {
      fields[name] = r.error;
      return null;
    }
    return r.value;
  };
  const slaHours = read('slaHours', { ...HOURS, min: 1 });
  const firstReminderHoursAfter = read('firstReminderHoursAfter', OPTIONAL_HOURS);
  const reminderHoursBefore = read('reminderHoursBefore', HOURS);
  const secondReminderHoursAfter = read('secondReminderHoursAfter', OPTIONAL_HOURS);
  const secondReminderHoursBefore = read('secondReminderHoursBefore', HOURS);
  if (Object.keys(fields).length > 0 || slaHours === null || reminderHoursBefore === null || secondReminderHoursBefore === null) {
    return { ok: false, fields };
  }
  return {
    ok: true,
    patch: {
      slaHours,
      firstReminderHoursAfter,
      reminderHoursBefore,
      secondReminderEnabled: form.secondReminderEnabled,
      secondReminderHoursAfter,
      secondReminderHoursBefore,
      active: form.active,
    },
  };
}

export type RuleForm = {
  triggerHoursOverdue: string;
  targetRole: EscalationTargetRole;
  targetUserId: string;
  maxLevel: string;
  active: boolean;
};
export type RulePatch = Pick<EscalationRuleDoc, 'triggerHoursOverdue' | 'targetRole' | 'targetUserId' | 'maxLevel' | 'active'>;

export function ruleFormOf(doc: EscalationRuleDoc): RuleForm {
  return {
    triggerHoursOverdue: text(doc.triggerHoursOverdue),
    targetRole: doc.targetRole,
    targetUserId: doc.targetUserId ?? '',
    maxLevel: text(doc.maxLevel),
    active: doc.active,
  };
}

/** `level` is the rule's own level: a maximum below it would switch the rule off silently. */
export function checkRuleForm(form: RuleForm, level: number): Checked<RulePatch> {
  const fields: FieldErrors = {};
  const trigger = readNumber(form.triggerHoursOverdue, HOURS);
  if ('error' in trigger) fields.triggerHoursOverdue = trigger.error;
  const maxLevel = readNumber(form.maxLevel, { whole: true, min: Math.max(1, level), max: MAX_LEVEL });
  if ('error' in maxLevel) fields.maxLevel = maxLevel.error;
  if (!ESCALATION_TARGET_ROLES.includes(form.targetRole)) fields.targetRole = 'invalid';
  const named = form.targetRole === 'named_user';
  if (named && form.targetUserId.trim() === '') fields.targetUserId = 'required';
  if ('error' in trigger || 'error' in maxLevel || Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    patch: {
      triggerHoursOverdue: trigger.value ?? 0,
      targetRole: form.targetRole,
      targetUserId: named ? form.targetUserId.trim() : null,
      maxLevel: maxLevel.value ?? level,
      active: form.active,
    },
  };
}
