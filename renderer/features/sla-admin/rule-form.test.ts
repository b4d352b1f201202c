import { describe, expect, it } from 'vitest';
import { escalationRuleDocSchema } from '../../../shared/documents.ts';
import { rule, THREE_LEVELS } from '../../../shared/sla/test-fixtures.ts';
import { checkRuleForm, ruleFormOf, type RuleBody } from './rule-form.ts';

const asServerDoc = (body: RuleBody) => escalationRuleDocSchema.strict().parse({ ...body, id: 'new', hospitalId: 'h1', updatedAt: 1 });

describe('escalation rule form', () => {
  it('proposes the next level after the hospital’s rules, triggered 24 h after the deadline', () => {
    const form = ruleFormOf(null, THREE_LEVELS);
    expect(form).toMatchObject({ level: '4', maxLevel: '4', triggerOnOverdue: true, triggerHoursOverdue: '24', order: '4', targetRole: 'department_manager' });
  });

  it('sends every field of issue 3: levels, both triggers, a named user, filters, order', () => {
    const form = {
      ...ruleFormOf(null, []),
      name: ' Urgent to the CEO office ',
      level: '2', maxLevel: '3',
      triggerOnOverdue: false, triggerHoursOverdue: 'x',
      reminderEscalationEnabled: true, reminderEscalationHours: '6',
      targetRole: 'named_user' as const, targetUserId: 'u9',
      severityFilter: 'critical' as const, priorityFilter: 'urgent' as const,
      order: '-5',
    };
    const checked = checkRuleForm(form);
    expect(checked).toEqual({
      ok: true,
      body: {
        name: 'Urgent to the CEO office', level: 2, maxLevel: 3, triggerOnOverdue: false, triggerHoursOverdue: 24,
        reminderEscalationEnabled: true, reminderEscalationHours: 6, targetRole: 'named_user', targetUserId: 'u9',
        severityFilter: 'critical', priorityFilter: 'urgent', order: -5, active: true,
      },
    });
    if (checked.ok) expect(() => asServerDoc(checked.body)).not.toThrow();
  });

  it('drops the named user of a role target', () => {
    const checked = checkRuleForm({ ...ruleFormOf(rule({ targetRole: 'hospital_admin' })), targetUserId: 'u9' });
    expect(checked.ok && checked.body.targetUserId).toBeNull();
  });

  it('asks for a name, the user of a named target, whole levels with the level not above the maximum', () => {
    const doc = rule({ level: 2, maxLevel: 3 });
    expect(checkRuleForm({ ...ruleFormOf(doc), name: '', targetRole: 'named_user', targetUserId: '', maxLevel: '1' })).toEqual({
      ok: false,
      fields: { level: 'level_above_max', targetUserId: 'required', name: 'required' },
    });
    expect(checkRuleForm({ ...ruleFormOf(doc), maxLevel: '2.5', order: '' })).toEqual({ ok: false, fields: { maxLevel: 'not_whole', order: 'required' } });
    expect(checkRuleForm({ ...ruleFormOf(doc), triggerHoursOverdue: '-1' })).toEqual({ ok: false, fields: { triggerHoursOverdue: 'out_of_range' } });
  });
});
