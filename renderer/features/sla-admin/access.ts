import type { SessionUser } from '../../../shared/api.ts';

/**
 * Who may change a hospital's SLA settings — the server's rule (sync-server/routes/sla-admin.ts):
 * admins and PX admins, and a hospital admin for their own hospital. The desk hides what the
 * server would refuse; the server still decides.
 */
export function canAdministerSla(user: Pick<SessionUser, 'role' | 'hospitalId'>, hospitalId: string): boolean {
  const seesHospital = user.hospitalId === null || user.hospitalId === hospitalId;
  if (user.role === 'admin' || user.role === 'px_admin') return seesHospital;
  return user.role === 'hospital_admin' && seesHospital;
}
