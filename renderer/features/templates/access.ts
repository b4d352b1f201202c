import type { SessionUser } from '../../../shared/api.ts';

/**
 * Who may edit a hospital's message templates — the server's rule (sync-server/routes/templates.ts):
 * admins and PX admins, and a hospital admin for their own hospital. The desk hides what the
 * server would refuse; the server still decides.
 */
export function canEditTemplates(user: Pick<SessionUser, 'role' | 'hospitalId'>, hospitalId: string): boolean {
  const seesHospital = user.hospitalId === null || user.hospitalId === hospitalId;
  return seesHospital && (user.role === 'admin' || user.role === 'px_admin' || user.role === 'hospital_admin');
}
