import { useDesk } from '../../app/desk-context.ts';
import type { Api } from '../../sync/http.ts';
import { useSaveState } from '../../ui/use-save-state.ts';
import { adminSaveErrorOf, type AdminFieldError } from './errors.ts';
import type { Checked } from './forms.ts';

/**
 * Sends a checked form to the server and keeps the outcome for the form to show: the desk's own
 * field problems, or the server's refusal with its (translated) field errors.
 */
export function useAdminSave() {
  const desk = useDesk();
  const { run, ...state } = useSaveState<AdminFieldError, ReturnType<typeof adminSaveErrorOf>>(adminSaveErrorOf);
  const save = (checked: Checked, send: (api: Api, online: boolean, body: Record<string, unknown>) => Promise<void>): Promise<boolean> =>
    run(checked, () => (checked.ok ? send(desk.replication.api, desk.status.getSnapshot().online, checked.body) : Promise.resolve()));
  return { ...state, save };
}
export type AdminSave = ReturnType<typeof useAdminSave>;
