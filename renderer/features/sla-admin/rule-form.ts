import type { EscalationRuleDoc } from '../../../shared/documents.ts';
import { ESCALATION_TARGET_ROLES, PRIORITIES, SEVERITIES, type EscalationTargetRole, type Priority, type Severity } from '../../../shared/enums.ts';
import { FormReader, HOURS, MAX_LEVEL, MAX_ORDER, oneOf, text, type Checked } from './form-kit.ts';

/**
 * An escalation rule as its form edits it (issue 3 item 3): level and maximum level, the two
 * triggers (hours after the deadline; hours after a reminder nobody answered), the target (a role
 * or a named member of the hospital's staff), optional severity and priority filters, order.
 */
export type RuleForm = {
  name: string;
  level: string;
  maxLevel: string;
  triggerOnOverdue: boolean;
  triggerHoursOverdue: string;
  reminderEscalationEnabled: boolean;
  reminderEscalationHours: string;
  targetRole: EscalationTargetRole;
  targetUserId: string;
  severityFilter: Severity | '';
  priorityFilter: Priority | '';
  order: string;
  active: boolean;
};
export type RuleBody = Omit<EscalationRuleDoc, 'id' | 'hospitalId' | 'updatedAt'>;

const DEFAULT_TRIGGER_HOURS = 24;

/** A new rule goes one level above the hospital's highest, after the other rules in order. */
export function ruleFormOf(doc: EscalationRuleDoc | null, existing: readonly EscalationRuleDoc[] = []): RuleForm {
  const top = Math.max(0, ...existing.map((r) => r.level));
  const level = doc?.level ?? Math.min(MAX_LEVEL, top + 1);
  return {
    name: doc?.name ?? '',
    level: text(level),
    maxLevel: text(doc?.maxLevel ?? Math.max(level, ...existing.map((r) => r.maxLevel))),
    triggerOnOverdue: doc?.triggerOnOverdue ?? true,
    triggerHoursOverdue: text(doc?.triggerHoursOverdue ?? DEFAULT_TRIGGER_HOURS),
    reminderEscalationEnabled: doc?.reminderEscalationEnabled ?? false,
    reminderEscalationHours: text(doc?.reminderEscalationHours ?? DEFAULT_TRIGGER_HOURS),
    targetRole: doc?.targetRole ?? 'department_manager',
    targetUserId: doc?.targetUserId ?? '',
    severityFilter: doc?.severityFilter ?? '',
    priorityFilter: doc?.priorityFilter ?? '',
    order: text(doc?.order ?? Math.max(0, ...existing.map((r) => r.order)) + 1),
    active: doc?.active ?? true,
  };
}

/** Hours of a trigger: checked when it is on; when off, kept if readable (it is not used). */
function triggerHours(r: FormReader, name: string, on: boolean, value: string): number {
  if (on) return r.number(name, value, HOURS);
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(n) && n >= HOURS.min && n <= HOURS.max ? n : DEFAULT_TRIGGER_HOURS;
}

export function checkRuleForm(form: RuleForm): Checked<RuleBody> {
  const r = new FormReader();
  const level = r.number('level', form.level, { whole: true, min: 1, max: MAX_LEVEL });
  const maxLevel = r.number('maxLevel', form.maxLevel, { whole: true, min: 1, max: MAX_LEVEL });
  // A maximum below the rule's own level would switch the rule off without a word.
  if (!('level' in r.fields) && !('maxLevel' in r.fields) && level > maxLevel) r.fail('level', 'level_above_max');
  if (!ESCALATION_TARGET_ROLES.includes(form.targetRole)) r.fail('targetRole', 'invalid');
  const named = form.targetRole === 'named_user';
  if (named && form.targetUserId.trim() === '') r.fail('targetUserId', 'required');
  const body: RuleBody = {
    name: r.text('name', form.name, 200),
    level,
    maxLevel,
    triggerOnOverdue: form.triggerOnOverdue,
    triggerHoursOverdue: triggerHours(r, 'triggerHoursOverdue', form.triggerOnOverdue, form.triggerHoursOverdue),
    reminderEscalationEnabled: form.reminderEscalationEnabled,
    reminderEscalationHours: triggerHours(r, 'reminderEscalationHours', form.reminderEscalationEnabled, form.reminderEscalationHours),
    targetRole: form.targetRole,
    targetUserId: named ? form.targetUserId.trim() : null,
    severityFilter: oneOf(SEVERITIES, form.severityFilter),
    priorityFilter: oneOf(PRIORITIES, form.priorityFilter),
    order: r.number('order', form.order, { whole: true, min: -MAX_ORDER, max: MAX_ORDER }),
    active: form.active,
  };
  return r.result(body);
}
