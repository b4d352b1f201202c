import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setStaffPassword } from './api.ts';
import { FieldProblem, SaveOutcome } from './AdminEditor.tsx';
import { checkPassword } from './forms.ts';
import { useAdminSave } from './use-admin-save.ts';

/** Sets a new password for a member of staff (which signs them out everywhere). */
export function PasswordReset({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const save = useAdminSave();
  return (
    <form
      className="sla-edit"
      data-testid="admin-password-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save.save(checkPassword(value), (api, online, body) => setStaffPassword(api, online, staffId, String(body.password))).then((ok) => {
          if (ok) setValue('');
        });
      }}
    >
      <label className="field">
        <span className="field-label">{t('admin.newPassword')}</span>
        <input type="password" autoComplete="new-password" data-testid="admin-password" value={value} onChange={(e) => setValue(e.target.value)} />
        <FieldProblem name="password" error={save.fields.password} />
      </label>
      <SaveOutcome save={save} />
      <button type="submit" data-testid="admin-password-save" disabled={save.saving}>
        {t('admin.setPassword')}
      </button>
    </form>
  );
}
