import { useState } from 'react';

type Fields<F> = Partial<Record<string, F>>;
/** A form the desk checked before sending: fine, or its own field problems. */
export type LocalCheck<F> = { ok: true } | { ok: false; fields: Fields<F> };

/**
 * The life of a form's save, for the administration screens: the desk's own field problems are
 * shown without sending; otherwise the call runs and its refusal (mapped by `errorOf`, the
 * feature's own words) is kept with the server's field errors for the form to show.
 */
export function useSaveState<F, E extends { fields: Fields<F> }>(errorOf: (e: unknown) => E) {
  const [fields, setFields] = useState<Fields<F>>({});
  const [error, setError] = useState<E | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const run = async (checked: LocalCheck<F>, call: () => Promise<void>): Promise<boolean> => {
    setSaved(false);
    setError(null);
    if (!checked.ok) {
      setFields(checked.fields);
      return false;
    }
    setFields({});
    setSaving(true);
    try {
      await call();
      setSaved(true);
      return true;
    } catch (e) {
      const failure = errorOf(e);
      setError(failure);
      setFields(failure.fields);
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { fields, error, saving, saved, run };
}
