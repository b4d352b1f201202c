import { useTranslation } from 'react-i18next';
import { CHANNELS, LANGUAGES, PRIORITIES, SEVERITIES } from '../../../shared/enums.ts';
import type { Channel, Language, Priority, Severity } from '../../../shared/enums.ts';
import { useDesk } from '../../app/desk-context.ts';
import { Field } from '../../ui/Field.tsx';
import { useLanguage } from '../../ui/hooks.ts';
import { localName, useDepartments, useSources } from '../../ui/reference-data.ts';
import type { FieldErrors } from '../validation.ts';
import type { IntakeValues } from './intake-form.ts';

type Props = { values: IntakeValues; errors: FieldErrors; onChange(patch: Partial<IntakeValues>): void };

export function IntakeFields({ values: v, errors, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const desk = useDesk();
  const sources = useSources(desk).filter((s) => s.active);
  const departments = useDepartments(desk).filter((d) => d.active);

  return (
    <>
      <fieldset>
        <legend>{t('intake.sectionComplainant')}</legend>
        <div className="grid">
          <Field label={t('intake.name')} name="complainant.name" error={errors['complainant.name']}>
            <input
              data-testid="intake-name"
              // The caller's name is the first thing asked on the phone: the form opens there.
              autoFocus
              value={v.name}
              maxLength={120}
              onChange={(e) => onChange({ name: e.target.value })}
            />
          </Field>
          <Field label={t('intake.phone')} name="complainant.phone" error={errors['complainant.phone']}>
            <input
              data-testid="intake-phone"
              type="tel"
              inputMode="tel"
              dir="ltr"
              value={v.phone}
              onChange={(e) => onChange({ phone: e.target.value })}
            />
          </Field>
          <Field label={t('intake.email')} name="complainant.email" error={errors['complainant.email']}>
            <input data-testid="intake-email" type="email" dir="ltr" value={v.email} onChange={(e) => onChange({ email: e.target.value })} />
          </Field>
          <Field label={t('intake.language')} name="complainant.language" error={errors['complainant.language']}>
            <select data-testid="intake-language" value={v.language} onChange={(e) => onChange({ language: e.target.value as Language })}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          </Field>
          <label className="check">
            <input
              data-testid="intake-sms-optout"
              type="checkbox"
              checked={v.smsOptOut}
              onChange={(e) => onChange({ smsOptOut: e.target.checked })}
            />
            <span>{t('intake.smsOptOut')}</span>
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('intake.sectionComplaint')}</legend>
        <div className="grid">
          <Field label={t('intake.title')} name="title" error={errors.title} wide>
            <input data-testid="intake-title" value={v.title} maxLength={200} onChange={(e) => onChange({ title: e.target.value })} />
          </Field>
          <Field label={t('intake.description')} name="description" error={errors.description} wide>
            <textarea
              data-testid="intake-description"
              rows={4}
              value={v.description}
              maxLength={10_000}
              onChange={(e) => onChange({ description: e.target.value })}
            />
          </Field>
          <Field label={t('intake.source')} name="sourceCode" error={errors.sourceCode}>
            <select data-testid="intake-source" value={v.sourceCode} onChange={(e) => onChange({ sourceCode: e.target.value })}>
              <option value="">{t('intake.choose')}</option>
              {sources.map((s) => (
                <option key={s.id} value={s.code}>
                  {localName(s, lang)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('intake.channel')} name="channel" error={errors.channel}>
            <select data-testid="intake-channel" value={v.channel} onChange={(e) => onChange({ channel: e.target.value as Channel })}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('intake.severity')} name="severity" error={errors.severity}>
            <select data-testid="intake-severity" value={v.severity} onChange={(e) => onChange({ severity: e.target.value as Severity })}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('intake.priority')} name="priority" error={errors.priority}>
            <select data-testid="intake-priority" value={v.priority} onChange={(e) => onChange({ priority: e.target.value as Priority })}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('intake.category')} name="category" error={errors.category}>
            <input data-testid="intake-category" value={v.category} maxLength={60} onChange={(e) => onChange({ category: e.target.value })} />
          </Field>
          <Field label={t('intake.department')} name="departmentId" error={errors.departmentId}>
            <select data-testid="intake-department" value={v.departmentId} onChange={(e) => onChange({ departmentId: e.target.value })}>
              <option value="">{t('intake.noDepartment')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {localName(d, lang)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>
    </>
  );
}
