import type { ComplaintStatus, ComplaintType, Priority } from '../../shared/enums.ts';
import { groupStatusChanges } from '../../shared/stats/facts.ts';
import { isSurveyScore, type SurveyScore } from '../../shared/stats/survey.ts';
import type { StatsComplaint, StatusChange } from '../../shared/stats/types.ts';
import type { Pool } from '../db/pool.ts';

/** The dashboard's input for a set of hospitals, as the desk's statistics cache holds it for one. */
export type StatsInput = {
  complaints: StatsComplaint[];
  changesByComplaint: Map<string, StatusChange[]>;
  surveysByComplaint: Map<string, SurveyScore[]>;
};

type ComplaintRow = [string, string, string, string | null, string, string | null, string, string, string, string | null, number, number | null, boolean];
type EventRow = [string, string, number, string | null, string | null, unknown];

/**
 * Reads every complaint of the hospitals with its status changes and survey answers: two
 * set-based reads (no per-complaint query) in one read-only snapshot, so an event and its
 * complaint are seen together. Rows come back as arrays (no object per row), and only the
 * columns the statistics need: the whole document is never read. The fields are those of
 * renderer/features/stats/read.ts `toStatsComplaint`, from the table's columns where it has them.
 */
export async function readStatsInput(pool: Pool, hospitalIds: readonly string[]): Promise<StatsInput> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const complaints = await client.query<ComplaintRow>({
      text: `SELECT id, hospital_id, reference_number, department_id, source_code, doc->>'category', doc->>'type',
                    priority, status, assignee_id, created_at, due_at, overdue
             FROM complaints WHERE hospital_id = ANY($1) AND NOT deleted`,
      values: [hospitalIds],
      rowMode: 'array',
    });
    // The score as sync-server/sla/thresholds/survey.ts writes it, as the desk cache reads it.
    const events = await client.query<EventRow>({
      text: `SELECT complaint_id, type, at, doc->>'from', doc->>'to', doc->'data'->'score'
             FROM events WHERE type IN ('status_changed', 'survey_received') AND hospital_id = ANY($1) AND NOT deleted`,
      values: [hospitalIds],
      rowMode: 'array',
    });
    await client.query('COMMIT');
    const changes: StatusChange[] = [];
    const surveysByComplaint = new Map<string, SurveyScore[]>();
    for (const [complaintId, type, at, from, to, score] of events.rows) {
      if (type === 'status_changed') changes.push({ complaintId, at, from, to });
      else if (isSurveyScore(score)) {
        const list = surveysByComplaint.get(complaintId);
        if (list) list.push({ complaintId, at, score });
        else surveysByComplaint.set(complaintId, [{ complaintId, at, score }]);
      }
    }
    for (const list of surveysByComplaint.values()) if (list.length > 1) list.sort((a, b) => a.at - b.at);
    return { complaints: complaints.rows.map(toStatsComplaint), changesByComplaint: groupStatusChanges(changes), surveysByComplaint };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function toStatsComplaint(r: ComplaintRow): StatsComplaint {
  const [id, hospitalId, referenceNumber, departmentId, sourceCode, category, type, priority, status, assigneeId, createdAt, dueAt, overdue] = r;
  // Written only from zod-validated documents (complaints/store.ts), so the strings are the enums.
  return {
    id,
    referenceNumber,
    hospitalId,
    departmentId,
    sourceCode,
    category,
    type: type as ComplaintType,
    priority: priority as Priority,
    status: status as ComplaintStatus,
    assigneeId,
    createdAt,
    dueAt,
    overdue,
  };
}
