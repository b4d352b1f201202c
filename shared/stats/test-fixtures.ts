import type { ComplaintFacts, StatsComplaint, StatusChange } from './types.ts';

export const H = 3_600_000;
export const T0 = Date.UTC(2026, 10, 10, 8, 0, 0); // 2026-11-10 08:00Z

export function complaint(id: string, patch: Partial<StatsComplaint> = {}): StatsComplaint {
  return {
    id,
    referenceNumber: `CMP-2026-${id.padStart(6, '0')}`,
    hospitalId: 'h1',
    departmentId: 'd1',
    sourceCode: 'PATIENT',
    category: null,
    type: 'complaint',
    priority: 'medium',
    status: 'PENDING',
    assigneeId: null,
    createdAt: T0,
    dueAt: T0 + 72 * H,
    overdue: false,
    ...patch,
  };
}

export const change = (complaintId: string, at: number, from: string, to: string): StatusChange => ({ complaintId, at, from, to });

export const facts = (c: StatsComplaint, resolvedAt: number | null = null, currentSince = c.createdAt): ComplaintFacts => ({
  complaint: c,
  changes: undefined,
  resolvedAt,
  currentSince,
});
