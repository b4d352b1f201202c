import { COMPLAINT_STATUSES, PRIORITIES } from '../enums.ts';
import { agentPerformance, type AgentRow } from './agents.ts';
import { countBy, type CountRow } from './counts.ts';
import { complaintFacts } from './facts.ts';
import { hospitalRows, type HospitalRow } from './hospitals.ts';
import { compareMonths, monthStarts, type MonthComparison } from './months.ts';
import { inScope, type StatsScope } from './scope.ts';
import { complianceOf, slaBy, slaOutcome, type SlaRow } from './sla.ts';
import { longestWaiting, statusTimes, type StatusTimeRow, type WaitingRow } from './status-time.ts';
import { surveyBy, surveySummary, type SurveyRow, type SurveyScore, type SurveySummary } from './survey.ts';
import type { StatsComplaint, StatusChange } from './types.ts';

export type Dashboard = {
  total: number;
  byStatus: CountRow[];
  byPriority: CountRow[];
  byCategory: CountRow[];
  bySource: CountRow[];
  /** One row per hospital in scope (a single row but for the whole group). */
  byHospital: HospitalRow[];
  sla: { met: number; breached: number; pending: number; excluded: number; compliance: number | null };
  slaBySource: SlaRow[];
  slaByDepartment: SlaRow[];
  agents: AgentRow[];
  months: MonthComparison;
  statusTimes: StatusTimeRow[];
  longestWaiting: WaitingRow[];
  survey: SurveySummary & { byDepartment: SurveyRow[] };
};

export type DashboardInput = {
  /** Any iterable: the desk passes its cache's map values without copying them into an array first. */
  complaints: Iterable<StatsComplaint>;
  /** Each complaint's status changes, oldest first (`groupStatusChanges`). */
  changesByComplaint: ReadonlyMap<string, readonly StatusChange[]>;
  /** Each complaint's satisfaction-survey answers (none: no survey figures). */
  surveysByComplaint?: ReadonlyMap<string, readonly SurveyScore[]>;
  scope: StatsScope;
  now: number;
  /** Minutes east of UTC for the month boundaries. */
  utcOffsetMinutes: number;
  waitingLimit?: number;
};

/**
 * Every figure of the dashboard from the complaints in scope and their status changes. Linear in
 * the number of complaints and events (a handful of passes, one sort of the open ones).
 */
export function computeDashboard(input: DashboardInput): Dashboard {
  const { now } = input;
  const complaints: StatsComplaint[] = [];
  for (const c of input.complaints) if (inScope(input.scope, c)) complaints.push(c);
  const surveys = input.surveysByComplaint ?? new Map<string, readonly SurveyScore[]>();
  const facts = complaints.map((c) => complaintFacts(c, input.changesByComplaint.get(c.id)));
  const sla = { met: 0, breached: 0, pending: 0, excluded: 0 };
  for (const f of facts) sla[slaOutcome(f, now)] += 1;
  return {
    total: complaints.length,
    byStatus: countBy(complaints, (c) => c.status, COMPLAINT_STATUSES),
    byPriority: countBy(complaints, (c) => c.priority, PRIORITIES),
    byCategory: countBy(complaints, (c) => c.category),
    bySource: countBy(complaints, (c) => c.sourceCode),
    byHospital: hospitalRows(facts, now),
    sla: { ...sla, compliance: complianceOf(sla.met, sla.breached) },
    slaBySource: slaBy(facts, (f) => f.complaint.sourceCode, now),
    slaByDepartment: slaBy(facts, (f) => f.complaint.departmentId ?? '', now),
    agents: agentPerformance(facts),
    months: compareMonths(facts, monthStarts(now, input.utcOffsetMinutes), now),
    statusTimes: statusTimes(facts, now),
    longestWaiting: longestWaiting(facts, now, input.waitingLimit ?? 10),
    survey: { ...surveySummary(complaints, surveys), byDepartment: surveyBy(complaints, surveys, (c) => c.departmentId ?? '') },
  };
}
