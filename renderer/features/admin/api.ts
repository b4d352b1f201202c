import type { AdminResource } from '../../../shared/admin-access.ts';
import type { AssignmentSettings } from '../../../shared/admin-documents.ts';
import type { Api } from '../../sync/http.ts';
import { OfflineError } from '../../sync/http.ts';

/**
 * The server's administration API (sync-server/admin/crud-routes.ts). Online only: the directory
 * is the server's, so an offline change is refused at once rather than queued; the saved row
 * comes back through replication (or, for hospitals, the next list).
 */
export type AdminDocResource = Exclude<AdminResource, 'assignment'>;

function online(isOnline: boolean): void {
  if (!isOnline) throw new OfflineError(new Error('the desk is offline'));
}

export async function createAdminDoc(api: Api, isOnline: boolean, resource: AdminDocResource, body: object): Promise<void> {
  online(isOnline);
  await api.json(`/api/v1/admin/${resource}`, { method: 'POST', body });
}

export async function patchAdminDoc(api: Api, isOnline: boolean, resource: AdminDocResource, id: string, body: object): Promise<void> {
  online(isOnline);
  await api.json(`/api/v1/admin/${resource}/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export async function setStaffPassword(api: Api, isOnline: boolean, id: string, password: string): Promise<void> {
  online(isOnline);
  await api.json(`/api/v1/admin/staff/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } });
}

export async function listHospitals<T>(api: Api, isOnline: boolean): Promise<T[]> {
  online(isOnline);
  return (await api.json<{ data: T[] }>('/api/v1/admin/hospitals')).data;
}

export async function getAssignment(api: Api, isOnline: boolean, hospitalId: string): Promise<AssignmentSettings> {
  online(isOnline);
  return api.json<AssignmentSettings>('/api/v1/admin/assignment', { query: { hospitalId } });
}

export async function putAssignment(api: Api, isOnline: boolean, hospitalId: string, settings: AssignmentSettings): Promise<void> {
  online(isOnline);
  await api.json('/api/v1/admin/assignment', { method: 'PUT', body: { hospitalId, ...settings } });
}
