import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaConfigDoc } from '../../../shared/documents.ts';
import { AdminField, SaveMessage } from './AdminField.tsx';
import { checkConfigForm, configFormOf, type ConfigForm } from './forms.ts';
import { useSlaSave } from './use-save.ts';

const HOUR_FIELDS = ['slaHours', 'firstReminderHoursAfter', 'reminderHoursBefore', 'secondReminderHoursAfter', 'secondReminderHoursBefore'] as const;

export function ConfigEditor({ doc, onDone }: { doc: SlaConfigDoc; onDone(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ConfigForm>(() => configFormOf(doc));
  const { fields, error, saving, saved, save } = useSlaSave('configs', doc.id);
  const set = <K extends keyof ConfigForm>(k: K, v: ConfigForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  return (
    <form
      className="sla-edit"
      data-testid="sla-config-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(checkConfigForm(form));
      }}
    >
      {HOUR_FIELDS.map((name) => (
        <AdminField key={name} label={t(`slaAdmin.config.${name}`)} name={name} error={fields[name]}>
          <input data-testid={`sla-config-${name}`} inputMode="decimal" dir="ltr" value={form[name]} onChange={(e) => set(name, e.target.value)} />
        </AdminField>
      ))}
      <label className="field checkbox">
        <input
          type="checkbox"
          data-testid="sla-config-secondReminderEnabled"
          checked={form.secondReminderEnabled}
          onChange={(e) => set('secondReminderEnabled', e.target.checked)}
        />
        {t('slaAdmin.config.secondReminderEnabled')}
      </label>
      <label className="field checkbox">
        <input type="checkbox" data-testid="sla-config-active" checked={form.active} onChange={(e) => set('active', e.target.checked)} />
        {t('slaAdmin.active')}
      </label>
      <SaveMessage error={error} saved={saved} />
      <div className="form-actions">
        <button type="submit" data-testid="sla-config-save" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          {t('slaAdmin.close')}
        </button>
      </div>
    </form>
  );
}
