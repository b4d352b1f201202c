import { useTranslation } from 'react-i18next';
import type { SlaConfigDoc } from '../../../shared/documents.ts';
import { PRIORITIES, SEVERITIES } from '../../../shared/enums.ts';
import { useDesk } from '../../app/desk-context.ts';
import { localName, useSources } from '../../ui/reference-data.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { CheckBox, Choice, TextBox } from './AdminField.tsx';
import { AdminForm, useAdminForm, type EditorProps } from './AdminForm.tsx';
import { checkConfigForm, CONFIG_HOUR_FIELDS, configFormOf } from './config-form.ts';
import { CONFIGS } from './kinds.ts';

/** Create or edit an SLA configuration; `others` are the hospital's other configurations. */
export function ConfigEditor({ others, ...editing }: EditorProps<SlaConfigDoc> & { others: readonly SlaConfigDoc[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const sources = useSources(useDesk());
  const { b, save, submit, close } = useAdminForm(CONFIGS, editing, () => configFormOf(editing.doc));
  const any = { value: '', label: t('slaAdmin.any') };
  return (
    <AdminForm kind={CONFIGS} save={save} onSubmit={() => void submit(checkConfigForm(b.form, others))} onClose={close}>
      <Choice
        b={b}
        name="scope"
        options={[
          { value: 'source', label: t('slaAdmin.config.scopeSource') },
          { value: 'severity', label: t('slaAdmin.config.scopeSeverity') },
        ]}
      />
      {b.form.scope === 'source' ? (
        <Choice
          b={b}
          name="sourceCode"
          options={[{ value: '', label: t('slaAdmin.choose') }, ...sources.filter((s) => s.active || s.code === b.form.sourceCode).map((s) => ({ value: s.code, label: `${s.code} — ${localName(s, lang)}` }))]}
        />
      ) : (
        <>
          <Choice b={b} name="severity" options={[any, ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))]} />
          <Choice b={b} name="priority" options={[any, ...PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))]} />
        </>
      )}
      {CONFIG_HOUR_FIELDS.map((name) => (
        <TextBox key={name} b={b} name={name} numeric />
      ))}
      <CheckBox b={b} name="secondReminderEnabled" />
      <CheckBox b={b} name="thankYouEnabled" />
      <CheckBox b={b} name="active" label={t('slaAdmin.active')} />
    </AdminForm>
  );
}
