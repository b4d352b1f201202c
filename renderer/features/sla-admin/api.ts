import type { Api } from '../../sync/http.ts';
import { OfflineError } from '../../sync/http.ts';

export type SlaResourceName = 'configs' | 'escalation-rules' | 'calendars';

/**
 * PATCH one SLA document on the server. Online only: these settings are the server's, so an
 * offline change is refused at once rather than queued. The local copy is not written — the
 * saved document comes back through replication.
 */
export async function patchSlaDoc(api: Api, online: boolean, resource: SlaResourceName, id: string, patch: object): Promise<void> {
  if (!online) throw new OfflineError(new Error('the desk is offline'));
  await api.json<unknown>(`/api/v1/sla/${resource}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });
}
