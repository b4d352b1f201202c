import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk-context.ts';
import { getAssignment, putAssignment } from './api.ts';
import { SaveOutcome } from './AdminEditor.tsx';
import { useAdminSave } from './use-admin-save.ts';

/**
 * The hospital's automatic assignment (off by default), read from and saved to the server: new
 * complaints then go to the least-loaded agent of their department, category specialists first.
 */
export function AssignmentSetting() {
  const { t } = useTranslation();
  const desk = useDesk();
  const [autoAssign, setAutoAssign] = useState<boolean | null>(null);
  const save = useAdminSave();
  useEffect(() => {
    let live = true;
    getAssignment(desk.replication.api, desk.status.getSnapshot().online, desk.hospitalId).then(
      (s) => live && setAutoAssign(s.autoAssign),
      () => live && setAutoAssign(null),
    );
    return () => {
      live = false;
    };
  }, [desk]);
  // Shown changed at once, put back if the server refuses.
  const change = async (next: boolean) => {
    setAutoAssign(next);
    const ok = await save.save({ ok: true, body: {} }, (api, online) => putAssignment(api, online, desk.hospitalId, { autoAssign: next }));
    if (!ok) setAutoAssign(!next);
  };
  return (
    <section className="card" data-testid="admin-assignment">
      <h2>{t('admin.assignment.title')}</h2>
      <p className="muted">{t('admin.assignment.help')}</p>
      {autoAssign === null ? (
        <p className="muted">{t('admin.assignment.unavailable')}</p>
      ) : (
        <label className="field checkbox">
          <input
            type="checkbox"
            data-testid="admin-auto-assign"
            checked={autoAssign}
            disabled={save.saving}
            onChange={(e) => void change(e.target.checked)}
          />
          {t('admin.assignment.auto')}
        </label>
      )}
      <SaveOutcome save={save} />
    </section>
  );
}
