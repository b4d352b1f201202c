import type { ComplaintDoc, StaffDoc } from '../../../shared/documents.ts';
import type { DeskDatabase } from '../../db/database.ts';
import type { DeskWriter } from '../../data/writer.ts';
import type { ComplaintActor as Actor } from '../../../shared/complaint-access.ts';
import { planBulk, type BulkAction, type BulkRow } from './plan.ts';

/**
 * Runs a bulk action on this desk: reads the selected complaints as they are now (the selection
 * may be older than a pulled change), plans every row, and writes the allowed ones one by one
 * through the desk's writer — local write, timeline event and outbox, exactly like the detail
 * page, so the changes replicate when the server is reachable. A row whose write fails is
 * reported as such; the others stand.
 */
export async function runBulk(
  deps: { db: DeskDatabase; writer: DeskWriter; actor: Actor & { displayName: string } },
  ids: readonly string[],
  action: BulkAction,
  now: number,
  onProgress?: (done: number, total: number) => void,
): Promise<BulkRow[]> {
  const found = await deps.db.complaints.findByIds([...ids]).exec();
  const complaints = new Map<string, ComplaintDoc>([...found].map(([id, d]) => [id, d.toJSON() as ComplaintDoc]));
  const staffDocs = await deps.db.staff.find().exec();
  const staff = new Map<string, StaffDoc>(staffDocs.map((d) => [d.id, d.toJSON() as StaffDoc]));
  const rows = planBulk(ids, complaints, action, deps.actor, staff, {
    now,
    user: { id: deps.actor.id, displayName: deps.actor.displayName },
  });
  const out: BulkRow[] = [];
  for (const [i, row] of rows.entries()) {
    if (row.ok) {
      try {
        await deps.writer.changeComplaint(row.id, row.change.patch, row.change.event);
        out.push(row);
      } catch (e) {
        out.push({ id: row.id, reference: row.reference, ok: false, error: 'save_failed', detail: e instanceof Error ? e.message : String(e) });
      }
    } else out.push(row);
    onProgress?.(i + 1, rows.length);
  }
  return out;
}
