import type { ComplaintDoc } from '../../../shared/documents.ts';
import type { StatsComplaint } from '../../../shared/stats/types.ts';

/** The fields of a complaint document the dashboard reads (cache.ts keeps only these in memory). */
export function toStatsComplaint(d: ComplaintDoc): StatsComplaint {
  return {
    id: d.id,
    referenceNumber: d.referenceNumber,
    hospitalId: d.hospitalId,
    departmentId: d.departmentId,
    sourceCode: d.sourceCode,
    category: d.category,
    type: d.type,
    priority: d.priority,
    status: d.status,
    assigneeId: d.assigneeId,
    createdAt: d.createdAt,
    dueAt: d.dueAt,
    // Dexie keeps indexed booleans as '1'/'0'; read from the storage they may come so.
    overdue: d.overdue === true || (d.overdue as unknown) === '1',
  };
}
