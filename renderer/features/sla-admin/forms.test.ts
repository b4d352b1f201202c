import { describe, expect, it } from 'vitest';
import { rule, slaConfig } from '../../../shared/sla/test-fixtures.ts';
import { HttpError, OfflineError } from '../../sync/http.ts';
import { saveErrorOf } from './errors.ts';
import { checkConfigForm, checkRuleForm, configFormOf, ruleFormOf } from './forms.ts';

describe('SLA configuration form', () => {
  const doc = slaConfig({ slaHours: 24, firstReminderHoursAfter: 12, secondReminderHoursAfter: 30, reminderHoursBefore: 12 });

  it('turns the edited texts into the PATCH body, blank optional hours meaning none', () => {
    const form = { ...configFormOf(doc), slaHours: ' 36 ', firstReminderHoursAfter: '', active: false };
    expect(checkConfigForm(form)).toEqual({
      ok: true,
      patch: {
        slaHours: 36, firstReminderHoursAfter: null, reminderHoursBefore: 12, secondReminderEnabled: doc.secondReminderEnabled,
        secondReminderHoursAfter: 30, secondReminderHoursBefore: doc.secondReminderHoursBefore, active: false,
      },
    });
  });

  it('names every wrong field: missing, not a number, out of range', () => {
    const form = { ...configFormOf(doc), slaHours: '', reminderHoursBefore: 'abc', secondReminderHoursAfter: '-1', secondReminderHoursBefore: '9000' };
    expect(checkConfigForm(form)).toEqual({
      ok: false,
      fields: { slaHours: 'required', reminderHoursBefore: 'not_a_number', secondReminderHoursAfter: 'out_of_range', secondReminderHoursBefore: 'out_of_range' },
    });
  });

  it('refuses a zero-hour SLA', () => {
    expect(checkConfigForm({ ...configFormOf(doc), slaHours: '0' })).toEqual({ ok: false, fields: { slaHours: 'out_of_range' } });
  });
});

describe('escalation rule form', () => {
  const doc = rule({ level: 2, maxLevel: 3, triggerHoursOverdue: 4, targetRole: 'hospital_admin' });

  it('builds the PATCH body and drops the named user for a role target', () => {
    const form = { ...ruleFormOf(doc), triggerHoursOverdue: '6', targetUserId: 'u9', maxLevel: '4' };
    expect(checkRuleForm(form, doc.level)).toEqual({
      ok: true,
      patch: { triggerHoursOverdue: 6, targetRole: 'hospital_admin', targetUserId: null, maxLevel: 4, active: doc.active },
    });
  });

  it('asks for the user of a named-user target and a whole max level not below the rule level', () => {
    const form = { ...ruleFormOf(doc), targetRole: 'named_user' as const, targetUserId: '', maxLevel: '1' };
    expect(checkRuleForm(form, doc.level)).toEqual({ ok: false, fields: { maxLevel: 'out_of_range', targetUserId: 'required' } });
    expect(checkRuleForm({ ...ruleFormOf(doc), maxLevel: '2.5' }, doc.level)).toEqual({ ok: false, fields: { maxLevel: 'not_whole' } });
  });
});

describe('save error mapping', () => {
  it('tells offline, refused, duplicate and server failures apart', () => {
    expect(saveErrorOf(new OfflineError(new Error('x'))).code).toBe('offline');
    expect(saveErrorOf(new HttpError(403, { error: 'forbidden' })).code).toBe('forbidden');
    expect(saveErrorOf(new HttpError(409, { error: 'already_exists' })).code).toBe('conflict');
    expect(saveErrorOf(new HttpError(500, null)).code).toBe('server');
    expect(saveErrorOf(new Error('boom')).code).toBe('server');
  });

  it('puts the server’s 422 field errors on the fields', () => {
    const err = new HttpError(422, { error: 'validation_failed', fields: { slaHours: 'too_small', targetUserId: 'unknown', 'holidays.0.date': 'invalid_format' } });
    expect(saveErrorOf(err)).toEqual({ code: 'invalid', fields: { slaHours: 'out_of_range', targetUserId: 'unknown', holidays: 'invalid' } });
  });
});
