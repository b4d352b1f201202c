import { COMPLAINT_STATUSES, type ComplaintStatus } from '../enums.ts';
import { forEachSegment } from './facts.ts';
import type { ComplaintFacts } from './types.ts';

/** Time spent in one status over all complaints: total, visits, average and longest visit. */
export type StatusTimeRow = { status: ComplaintStatus; totalMs: number; visits: number; avgMs: number | null; maxMs: number };

/** An open complaint and how long it has been in its current status. */
export type WaitingRow = { complaintId: string; referenceNumber: string; status: ComplaintStatus; sinceMs: number; waitedMs: number };

export function statusTimes(facts: readonly ComplaintFacts[], now: number): StatusTimeRow[] {
  // A plain record, not a Map: this runs once per status visit of every complaint.
  const acc = Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, { totalMs: 0, visits: 0, maxMs: 0 }])) as Record<
    ComplaintStatus,
    { totalMs: number; visits: number; maxMs: number }
  >;
  const visit = (status: ComplaintStatus, from: number, to: number) => {
    const a = acc[status];
    const ms = to - from;
    a.totalMs += ms;
    a.visits += 1;
    if (ms > a.maxMs) a.maxMs = ms;
  };
  for (const f of facts) forEachSegment(f.complaint, f.changes, now, visit);
  return COMPLAINT_STATUSES.map((status) => {
    const a = acc[status];
    return { status, totalMs: a.totalMs, visits: a.visits, avgMs: a.visits ? a.totalMs / a.visits : null, maxMs: a.maxMs };
  });
}

const longerFirst = (a: WaitingRow, b: WaitingRow) => b.waitedMs - a.waitedMs || (a.complaintId < b.complaintId ? -1 : a.complaintId > b.complaintId ? 1 : 0);

/**
 * The open complaints that have waited longest in their current status, longest first. Keeps only
 * the top `limit` while it walks (linear; no sort of every open complaint).
 */
export function longestWaiting(facts: readonly ComplaintFacts[], now: number, limit: number): WaitingRow[] {
  const top: WaitingRow[] = [];
  if (limit <= 0) return top;
  for (const f of facts) {
    const s = f.complaint.status;
    if (s === 'RESOLVED' || s === 'CLOSED' || s === 'CANCELLED') continue;
    const waitedMs = Math.max(0, now - f.currentSince);
    const last = top[top.length - 1];
    if (top.length === limit && last && (waitedMs < last.waitedMs || (waitedMs === last.waitedMs && f.complaint.id > last.complaintId))) continue;
    const row: WaitingRow = { complaintId: f.complaint.id, referenceNumber: f.complaint.referenceNumber, status: s, sinceMs: f.currentSince, waitedMs };
    let i = top.length;
    while (i > 0 && longerFirst(row, top[i - 1]!) < 0) i -= 1;
    top.splice(i, 0, row);
    if (top.length > limit) top.pop();
  }
  return top;
}
