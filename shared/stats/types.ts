import type { ComplaintStatus, ComplaintType, Priority } from '../enums.ts';

/** The fields of a complaint the statistics read: the desk reads only these, in one pass. */
export type StatsComplaint = {
  id: string;
  referenceNumber: string;
  hospitalId: string;
  departmentId: string | null;
  sourceCode: string;
  category: string | null;
  type: ComplaintType;
  priority: Priority;
  status: ComplaintStatus;
  assigneeId: string | null;
  createdAt: number;
  dueAt: number | null;
  overdue: boolean;
};

/** A `status_changed` timeline event, reduced to what the statistics need. */
export type StatusChange = {
  complaintId: string;
  at: number;
  from: string | null;
  to: string | null;
};

/** What the statistics derive once per complaint from its status changes (facts.ts). */
export type ComplaintFacts = {
  complaint: StatsComplaint;
  /** Its status changes, oldest first, looked up once (a lookup per complaint per figure is a large share of the dashboard's time). */
  changes: readonly StatusChange[] | undefined;
  /** When it last entered RESOLVED, if it is resolved or closed now and the timeline says when. */
  resolvedAt: number | null;
  /** When it entered its current status (its creation when it never changed). */
  currentSince: number;
};
