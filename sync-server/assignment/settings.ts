import type { AssignmentSettings } from '../../shared/admin-documents.ts';
import type { Tx } from '../db/pool.ts';
import { recordAdminChange } from '../admin/store.ts';
import { autoAssignEnabled } from './auto.ts';

/** Turns a hospital's automatic assignment on or off, recorded like every admin change. */
export async function saveAssignmentSettings(
  tx: Tx,
  hospitalId: string,
  next: AssignmentSettings,
  change: { actorId: string; now: number },
): Promise<AssignmentSettings> {
  await tx.query('SELECT 1 FROM hospitals WHERE id = $1 FOR UPDATE', [hospitalId]);
  const before: AssignmentSettings = { autoAssign: await autoAssignEnabled(tx, hospitalId) };
  await tx.query(
    `INSERT INTO assignment_settings (hospital_id, auto_assign) VALUES ($1, $2)
     ON CONFLICT (hospital_id) DO UPDATE SET auto_assign = EXCLUDED.auto_assign`,
    [hospitalId, next.autoAssign],
  );
  await recordAdminChange(tx, {
    action: 'update', ...change, hospitalId, collection: 'assignmentSettings', docId: hospitalId, before, after: next,
  });
  return next;
}
