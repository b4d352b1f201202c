import { describe, expect, it } from 'vitest';
import { ESCALATION_TARGET_ROLES, HOLIDAY_KINDS } from '../../../shared/enums.ts';
import { createI18n } from '../../i18n/index.ts';
import { calendarFormOf, holidayFormOf } from './calendar-form.ts';
import { configFormOf } from './config-form.ts';
import { FIELD_ERRORS, SAVE_ERROR_CODES } from './errors.ts';
import { ruleFormOf } from './rule-form.ts';

/** Every control is labelled `<labels>.<field>`; a missing key would show the key itself. */
const NOT_LABELLED_BY_KEY = new Set(['active', 'workingHours', 'ramadanHours', 'holidays', 'weekendDays', 'businessConfigIds']);
const fieldsOf = (form: object, labels: string) => Object.keys(form).filter((k) => !NOT_LABELLED_BY_KEY.has(k)).map((k) => `${labels}.${k}`);

describe('SLA admin words', () => {
  it('label every field, error, target and holiday kind in Arabic and English', async () => {
    const keys = [
      ...fieldsOf(configFormOf(null), 'slaAdmin.config'),
      ...fieldsOf(ruleFormOf(null), 'slaAdmin.rule'),
      ...fieldsOf(calendarFormOf(null), 'slaAdmin.calendar'),
      ...fieldsOf(holidayFormOf(null), 'slaAdmin.holiday'),
      ...['none', 'all', 'some'].map((c) => `slaAdmin.calendar.businessHoursChoice.${c}`),
      ...HOLIDAY_KINDS.map((k) => `slaAdmin.holiday.kinds.${k}`),
      ...SAVE_ERROR_CODES.map((c) => `slaAdmin.error.${c}`),
      ...FIELD_ERRORS.map((c) => `slaAdmin.fieldError.${c}`),
      ...ESCALATION_TARGET_ROLES.map((r) => `sla.target.${r}`),
    ];
    for (const lang of ['ar', 'en'] as const) {
      const i18n = await createI18n(lang);
      for (const key of keys) expect(i18n.exists(key), `${lang} ${key}`).toBe(true);
    }
  });
});
