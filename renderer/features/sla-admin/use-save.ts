import { useDesk } from '../../app/desk-context.ts';
import { useSaveState } from '../../ui/use-save-state.ts';
import { createSlaDoc, deleteSlaDoc, patchSlaDoc, type SlaResourceName } from './api.ts';
import { saveErrorOf, type FieldError, type SaveError } from './errors.ts';
import type { Checked } from './form-kit.ts';

/** What a form saves to: an existing document (PATCH) or a new one of the desk's hospital (POST). */
export type SaveTarget = { id: string } | { create: true };

const NOTHING_TO_CHECK = { ok: true } as const;

/**
 * Sends a checked form (or a delete) to the server and keeps the outcome for the form to show:
 * the desk's own field problems, or the server's refusal with its field errors.
 */
export function useSlaSave(resource: SlaResourceName) {
  const desk = useDesk();
  const { run, ...state } = useSaveState<FieldError, SaveError>(saveErrorOf);
  const api = desk.replication.api;
  const online = () => desk.status.getSnapshot().online;

  const save = <B extends object>(checked: Checked<B>, target: SaveTarget): Promise<boolean> =>
    run(checked, () => {
      if (!checked.ok) return Promise.resolve();
      const body = checked.body;
      return 'id' in target
        ? patchSlaDoc(api, online(), resource, target.id, body)
        : createSlaDoc(api, online(), resource, { ...body, hospitalId: desk.hospitalId });
    });
  const remove = (id: string): Promise<boolean> => run(NOTHING_TO_CHECK, () => deleteSlaDoc(api, online(), resource, id));
  return { ...state, save, remove };
}
export type SlaSave = ReturnType<typeof useSlaSave>;
