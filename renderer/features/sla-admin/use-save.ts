import { useState } from 'react';
import { useDesk } from '../../app/desk-context.ts';
import { createSlaDoc, deleteSlaDoc, patchSlaDoc, type SlaResourceName } from './api.ts';
import { saveErrorOf, type FieldErrors, type SaveError } from './errors.ts';
import type { Checked } from './form-kit.ts';

/** What a form saves to: an existing document (PATCH) or a new one of the desk's hospital (POST). */
export type SaveTarget = { id: string } | { create: true };

/**
 * Sends a checked form (or a delete) to the server and keeps the outcome for the form to show:
 * the desk's own field problems, or the server's refusal with its field errors.
 */
export function useSlaSave(resource: SlaResourceName) {
  const desk = useDesk();
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<SaveError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const run = async (call: () => Promise<void>): Promise<boolean> => {
    setFields({});
    setSaving(true);
    try {
      await call();
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
  const reset = () => {
    setSaved(false);
    setError(null);
  };
  const api = desk.replication.api;
  const online = () => desk.status.getSnapshot().online;

  const save = async <B extends object>(checked: Checked<B>, target: SaveTarget): Promise<boolean> => {
    reset();
    if (!checked.ok) {
      setFields(checked.fields);
      return false;
    }
    const body = checked.body;
    return run(() =>
      'id' in target
        ? patchSlaDoc(api, online(), resource, target.id, body)
        : createSlaDoc(api, online(), resource, { ...body, hospitalId: desk.hospitalId }),
    );
  };
  const remove = async (id: string): Promise<boolean> => {
    reset();
    return run(() => deleteSlaDoc(api, online(), resource, id));
  };
  return { fields, error, saving, saved, save, remove };
}
export type SlaSave = ReturnType<typeof useSlaSave>;
