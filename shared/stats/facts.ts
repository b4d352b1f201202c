import { COMPLAINT_STATUSES, type ComplaintStatus } from '../enums.ts';
import type { ComplaintFacts, StatsComplaint, StatusChange } from './types.ts';

const STATUS_SET: ReadonlySet<string> = new Set(COMPLAINT_STATUSES);
const isStatus = (s: string | null): s is ComplaintStatus => s !== null && STATUS_SET.has(s);

/** Status changes grouped per complaint, each group oldest first (events may arrive in any order). */
export function groupStatusChanges(changes: readonly StatusChange[]): Map<string, StatusChange[]> {
  const byComplaint = new Map<string, StatusChange[]>();
  for (const ch of changes) {
    if (!isStatus(ch.to)) continue;
    const list = byComplaint.get(ch.complaintId);
    if (list) list.push(ch);
    else byComplaint.set(ch.complaintId, [ch]);
  }
  for (const list of byComplaint.values()) if (list.length > 1) list.sort((a, b) => a.at - b.at);
  return byComplaint;
}

/**
 * One complaint's facts. `resolvedAt` is the last entry into RESOLVED — after a reopen the later
 * resolution counts — and only while the complaint is RESOLVED or CLOSED now (a reopened one is
 * not resolved).
 */
export function complaintFacts(c: StatsComplaint, changes: readonly StatusChange[] | undefined): ComplaintFacts {
  let resolvedAt: number | null = null;
  let currentSince = c.createdAt;
  for (const ch of changes ?? []) {
    if (ch.to === 'RESOLVED') resolvedAt = ch.at;
    if (ch.to === c.status) currentSince = ch.at;
  }
  const done = c.status === 'RESOLVED' || c.status === 'CLOSED';
  return { complaint: c, changes, resolvedAt: done ? resolvedAt : null, currentSince: Math.max(currentSince, c.createdAt) };
}

/**
 * The statuses a complaint went through as [status, from, to) segments. The first status is the
 * first change's `from` (or the current status when it never changed). The last segment runs to
 * `now` while the complaint is active; a final RESOLVED, CLOSED or CANCELLED is not waiting and
 * is left out.
 */
export type StatusSegment = { status: ComplaintStatus; from: number; to: number };

/** Calls `visit` for each segment of `statusSegments` without building the list (the dashboard's hot loop). */
export function forEachSegment(
  c: StatsComplaint,
  changes: readonly StatusChange[] | undefined,
  now: number,
  visit: (status: ComplaintStatus, from: number, to: number) => void,
): void {
  const first = changes?.[0];
  let status: ComplaintStatus = first ? (isStatus(first.from) ? first.from : 'PENDING') : c.status;
  let since = c.createdAt;
  if (changes) {
    for (const ch of changes) {
      if (!isStatus(ch.to)) continue;
      const at = ch.at > since ? ch.at : since;
      visit(status, since, at);
      status = ch.to;
      since = at;
    }
  }
  const terminal = status === 'RESOLVED' || status === 'CLOSED' || status === 'CANCELLED';
  if (!terminal) visit(status, since, now > since ? now : since);
}

export function statusSegments(c: StatsComplaint, changes: readonly StatusChange[] | undefined, now: number): StatusSegment[] {
  const segments: StatusSegment[] = [];
  forEachSegment(c, changes, now, (status, from, to) => segments.push({ status, from, to }));
  return segments;
}
