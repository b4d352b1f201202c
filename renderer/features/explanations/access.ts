import type { SessionUser } from '../../../shared/api.ts';

/**
 * Who may ask for a staff explanation — the server's rule (sync-server/routes/explanations.ts):
 * PX admins, admins and hospital admins, within the hospitals they may see. The desk hides what
 * the server would refuse; the server still decides.
 */
export function canRequestExplanation(user: Pick<SessionUser, 'role' | 'hospitalId'>, hospitalId: string): boolean {
  const seesHospital = user.hospitalId === null || user.hospitalId === hospitalId;
  return seesHospital && (user.role === 'px_admin' || user.role === 'admin' || user.role === 'hospital_admin');
}
