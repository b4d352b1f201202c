import { describe, expect, it } from 'vitest';
import { slaConfigDocSchema } from '../../../shared/documents.ts';
import { slaConfig } from '../../../shared/sla/test-fixtures.ts';
import { checkConfigForm, configFormOf, type ConfigBody } from './config-form.ts';

/** What the server would store from this body (it validates with the same schema, strictly). */
const asServerDoc = (body: ConfigBody) => slaConfigDocSchema.strict().parse({ ...body, id: 'new', hospitalId: 'h1', updatedAt: 1 });

describe('SLA configuration form', () => {
  const moh = slaConfig({ id: 'moh', sourceCode: 'MOH', slaHours: 24, firstReminderHoursAfter: 12, secondReminderHoursAfter: 30, escalationHoursAfter: 24 });

  it('edits every field of a configuration and sends a document the server accepts', () => {
    const form = { ...configFormOf(moh), slaHours: ' 36 ', firstReminderHoursAfter: '', escalationHoursAfter: '20', thankYouEnabled: true, active: false };
    const checked = checkConfigForm(form, []);
    expect(checked).toEqual({
      ok: true,
      body: {
        sourceCode: 'MOH', severity: null, priority: null, slaHours: 36, firstReminderHoursAfter: null, secondReminderHoursAfter: 30,
        escalationHoursAfter: 20, reminderHoursBefore: moh.reminderHoursBefore, secondReminderEnabled: moh.secondReminderEnabled,
        secondReminderHoursBefore: moh.secondReminderHoursBefore, thankYouEnabled: true, active: false,
      },
    });
    if (checked.ok) expect(() => asServerDoc(checked.body)).not.toThrow();
  });

  it('creates a severity + priority configuration starting from the brief’s defaults, "any" meaning null', () => {
    const form = { ...configFormOf(null), scope: 'severity' as const, severity: 'high' as const, priority: '' as const };
    const checked = checkConfigForm(form, [moh]);
    expect(checked.ok && checked.body).toMatchObject({
      sourceCode: null, severity: 'high', priority: null, slaHours: 48, reminderHoursBefore: 24, secondReminderEnabled: true, secondReminderHoursBefore: 6,
    });
    if (checked.ok) expect(() => asServerDoc(checked.body)).not.toThrow();
  });

  it('names every wrong field: missing, not a number, out of range, zero-hour SLA', () => {
    const form = { ...configFormOf(moh), slaHours: '0', reminderHoursBefore: 'abc', secondReminderHoursAfter: '-1', secondReminderHoursBefore: '9000', escalationHoursAfter: '' };
    expect(checkConfigForm(form, [])).toEqual({
      ok: false,
      fields: { slaHours: 'out_of_range', reminderHoursBefore: 'not_a_number', secondReminderHoursAfter: 'out_of_range', secondReminderHoursBefore: 'out_of_range' },
    });
    expect(checkConfigForm({ ...configFormOf(null), sourceCode: '' }, [])).toEqual({ ok: false, fields: { sourceCode: 'required' } });
  });

  it('says on the field when the hospital already has a configuration for that source or combination', () => {
    expect(checkConfigForm({ ...configFormOf(null), sourceCode: 'MOH' }, [moh])).toEqual({ ok: false, fields: { sourceCode: 'taken' } });
    const highUrgent = slaConfig({ id: 'hu', severity: 'high', priority: 'urgent' });
    const form = { ...configFormOf(null), scope: 'severity' as const, severity: 'high' as const, priority: 'urgent' as const };
    expect(checkConfigForm(form, [moh, highUrgent])).toEqual({ ok: false, fields: { severity: 'taken' } });
    expect(checkConfigForm({ ...form, priority: 'low' }, [moh, highUrgent]).ok).toBe(true);
  });
});
