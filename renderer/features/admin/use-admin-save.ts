import { useState } from 'react';
import { useDesk } from '../../app/desk-context.ts';
import type { Api } from '../../sync/http.ts';
import { adminSaveErrorOf, type AdminFieldErrors, type AdminSaveError } from './errors.ts';
import type { Checked } from './forms.ts';

/**
 * Sends a checked form to the server and keeps the outcome for the form to show: the desk's own
 * field problems, or the server's refusal with its (translated) field errors.
 */
export function useAdminSave() {
  const desk = useDesk();
  const [fields, setFields] = useState<AdminFieldErrors>({});
  const [error, setError] = useState<AdminSaveError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const save = async (checked: Checked, send: (api: Api, online: boolean, body: Record<string, unknown>) => Promise<void>): Promise<boolean> => {
    setSaved(false);
    setError(null);
    if (!checked.ok) {
      setFields(checked.fields);
      return false;
    }
    setFields({});
    setSaving(true);
    try {
      await send(desk.replication.api, desk.status.getSnapshot().online, checked.body);
      setSaved(true);
      return true;
    } catch (e) {
      const failure = adminSaveErrorOf(e);
      setError(failure);
      setFields(failure.fields);
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { fields, error, saving, saved, save };
}
export type AdminSave = ReturnType<typeof useAdminSave>;
