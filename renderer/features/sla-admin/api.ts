import type { Api } from '../../sync/http.ts';
import { OfflineError } from '../../sync/http.ts';

export type SlaResourceName = 'configs' | 'escalation-rules' | 'calendars';

/**
 * The server's SLA administration API (sync-server/routes/sla-admin.ts). Online only: these
 * settings are the server's, so an offline change is refused at once rather than queued. The
 * local copy is never written — the saved document comes back through replication.
 */
async function send(api: Api, online: boolean, method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: object): Promise<void> {
  if (!online) throw new OfflineError(new Error('the desk is offline'));
  await api.json<unknown>(`/api/v1/sla/${path}`, body === undefined ? { method } : { method, body });
}

const one = (resource: SlaResourceName, id: string) => `${resource}/${encodeURIComponent(id)}`;

/** `doc` is the whole document but id and updatedAt, hospitalId included. */
export function createSlaDoc(api: Api, online: boolean, resource: SlaResourceName, doc: object): Promise<void> {
  return send(api, online, 'POST', resource, doc);
}

/** `patch` never holds id or hospitalId (the server refuses them). */
export function patchSlaDoc(api: Api, online: boolean, resource: SlaResourceName, id: string, patch: object): Promise<void> {
  return send(api, online, 'PATCH', one(resource, id), patch);
}

export function deleteSlaDoc(api: Api, online: boolean, resource: SlaResourceName, id: string): Promise<void> {
  return send(api, online, 'DELETE', one(resource, id));
}
