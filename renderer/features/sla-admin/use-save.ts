import { useState } from 'react';
import { useDesk } from '../../app/desk-context.ts';
import { patchSlaDoc, type SlaResourceName } from './api.ts';
import { saveErrorOf, type FieldErrors, type SaveError } from './errors.ts';
import type { Checked } from './forms.ts';

/** Checks a form, PATCHes it when valid, and keeps the outcome for the form to show. */
export function useSlaSave(resource: SlaResourceName, id: string) {
  const desk = useDesk();
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<SaveError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const save = async <P extends object>(checked: Checked<P>): Promise<boolean> => {
    setSaved(false);
    setError(null);
    if (!checked.ok) {
      setFields(checked.fields);
      return false;
    }
    setFields({});
    setSaving(true);
    try {
      await patchSlaDoc(desk.replication.api, desk.status.getSnapshot().online, resource, id, checked.patch);
      setSaved(true);
      return true;
    } catch (e) {
      const failure = saveErrorOf(e);
      setError(failure);
      setFields(failure.fields);
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { fields, error, saving, saved, save };
}
