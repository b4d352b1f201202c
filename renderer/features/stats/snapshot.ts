import type { SurveyScore } from '../../../shared/stats/survey.ts';
import type { StatsComplaint, StatusChange } from '../../../shared/stats/types.ts';

/**
 * The statistics cache as saved between sessions (a local document of the hospital's database):
 * one array per field rather than one object per complaint, because IndexedDB reads a handful of
 * long arrays far faster than 100,000 small objects. Checkpoints say where each collection's
 * change feed was read up to; a newer `SNAPSHOT_VERSION` discards older snapshots (2: survey
 * scores added — a version-1 snapshot lacks them, so it is rebuilt rather than read as "no answers").
 */
export const SNAPSHOT_VERSION = 2;
export type FeedCheckpoint = { id: string; lwt: number };

export type StatsSnapshot = {
  version: number;
  complaintsCheckpoint: FeedCheckpoint | null;
  eventsCheckpoint: FeedCheckpoint | null;
  c: {
    id: string[];
    ref: string[];
    hospital: string[];
    department: (string | null)[];
    source: string[];
    category: (string | null)[];
    type: StatsComplaint['type'][];
    priority: StatsComplaint['priority'][];
    status: StatsComplaint['status'][];
    assignee: (string | null)[];
    created: number[];
    due: (number | null)[];
    overdue: boolean[];
  };
  e: { complaint: string[]; at: number[]; from: (string | null)[]; to: (string | null)[] };
  s: { complaint: string[]; at: number[]; score: number[] };
};

export function encodeSnapshot(
  complaints: Iterable<StatsComplaint>,
  changes: ReadonlyMap<string, readonly StatusChange[]>,
  surveys: ReadonlyMap<string, readonly SurveyScore[]>,
  checkpoints: { complaints: FeedCheckpoint | null; events: FeedCheckpoint | null },
): StatsSnapshot {
  const c: StatsSnapshot['c'] = {
    id: [], ref: [], hospital: [], department: [], source: [], category: [], type: [], priority: [], status: [], assignee: [], created: [], due: [], overdue: [],
  };
  for (const x of complaints) {
    c.id.push(x.id);
    c.ref.push(x.referenceNumber);
    c.hospital.push(x.hospitalId);
    c.department.push(x.departmentId);
    c.source.push(x.sourceCode);
    c.category.push(x.category);
    c.type.push(x.type);
    c.priority.push(x.priority);
    c.status.push(x.status);
    c.assignee.push(x.assigneeId);
    c.created.push(x.createdAt);
    c.due.push(x.dueAt);
    c.overdue.push(x.overdue);
  }
  const e: StatsSnapshot['e'] = { complaint: [], at: [], from: [], to: [] };
  for (const list of changes.values()) {
    for (const ch of list) {
      e.complaint.push(ch.complaintId);
      e.at.push(ch.at);
      e.from.push(ch.from);
      e.to.push(ch.to);
    }
  }
  const sv: StatsSnapshot['s'] = { complaint: [], at: [], score: [] };
  for (const list of surveys.values()) {
    for (const x of list) {
      sv.complaint.push(x.complaintId);
      sv.at.push(x.at);
      sv.score.push(x.score);
    }
  }
  return { version: SNAPSHOT_VERSION, complaintsCheckpoint: checkpoints.complaints, eventsCheckpoint: checkpoints.events, c, e, s: sv };
}

/** The snapshot's complaints, status changes (each complaint's in saved order, oldest first) and survey scores. */
export function decodeSnapshot(s: StatsSnapshot): { complaints: StatsComplaint[]; changes: StatusChange[]; surveys: SurveyScore[] } {
  const c = s.c;
  const complaints: StatsComplaint[] = new Array<StatsComplaint>(c.id.length);
  for (let i = 0; i < c.id.length; i++) {
    complaints[i] = {
      id: c.id[i]!,
      referenceNumber: c.ref[i]!,
      hospitalId: c.hospital[i]!,
      departmentId: c.department[i] ?? null,
      sourceCode: c.source[i]!,
      category: c.category[i] ?? null,
      type: c.type[i]!,
      priority: c.priority[i]!,
      status: c.status[i]!,
      assigneeId: c.assignee[i] ?? null,
      createdAt: c.created[i]!,
      dueAt: c.due[i] ?? null,
      overdue: c.overdue[i] === true,
    };
  }
  const changes: StatusChange[] = new Array<StatusChange>(s.e.complaint.length);
  for (let i = 0; i < s.e.complaint.length; i++) {
    changes[i] = { complaintId: s.e.complaint[i]!, at: s.e.at[i]!, from: s.e.from[i] ?? null, to: s.e.to[i] ?? null };
  }
  const surveys: SurveyScore[] = new Array<SurveyScore>(s.s.complaint.length);
  for (let i = 0; i < s.s.complaint.length; i++) surveys[i] = { complaintId: s.s.complaint[i]!, at: s.s.at[i]!, score: s.s.score[i]! };
  return { complaints, changes, surveys };
}
