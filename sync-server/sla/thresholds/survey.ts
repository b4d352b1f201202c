import type { ComplaintDoc, ThresholdDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import { matchingRules } from '../../../shared/sla/escalation.ts';
import {
  breachedThresholds,
  describeCondition,
  planThresholdActions,
  SURVEY_SCORE_MAX,
  SURVEY_SCORE_MIN,
} from '../../../shared/sla/thresholds.ts';
import type { ActionTarget } from '../../../shared/sla/types.ts';
import { lockComplaints, writeComplaint } from '../../complaints/store.ts';
import type { Tx } from '../../db/pool.ts';
import { writeReplicatedMany } from '../../db/replicated.ts';
import { escalationRulesOf, loadDirectory, type HospitalDirectory } from '../context.ts';
import { refreshSchedule } from '../due.ts';
import { slaEventId } from '../event-ids.ts';
import { resolveTarget } from '../targets.ts';
import { notifyThresholdBreach, type NotifyHook } from './notify.ts';
import { activeThresholds } from './store.ts';

/**
 * Recording a satisfaction-survey response and applying the hospital's survey-score thresholds,
 * all in the caller's transaction (the survey page, built later, calls this once per response).
 *
 *   survey_received (internal)  always: data {key, surveyId, score, comment, thresholds:[{id, action,
 *                               condition}]}; comment = the complainant's comment. The public
 *                               timeline shows only that a survey was received.
 *   follow_up threshold         a system `note` (internal) per threshold, data.kind 'follow_up' with
 *                               the threshold and the score, so staff see what to follow up. The
 *                               complaint is NOT reopened.
 *   notify threshold            `notifyThresholdBreach` (notify.ts) per threshold — a no-op until the
 *                               notification outbox exists.
 *   escalate threshold(s)       once per response: escalation level + 1, the complaint reassigned to
 *                               the target of the hospital's escalation rule for that level (kept,
 *                               and recorded unresolved, when no rule or nobody fits), an internal
 *                               `sla_escalated` event with data.reason 'survey_threshold'. The
 *                               status is left alone: a closed complaint stays closed.
 *
 * Exactly once: the response's key is `survey:<complaintId>:<surveyId>`; with the complaint row
 * locked first, a `survey_received` event with that key already on the timeline means this
 * response was recorded (a retry): nothing is written again. Event ids also derive from the key
 * (sla/event-ids.ts) and are inserted ON CONFLICT DO NOTHING.
 *
 * Lock order as everywhere (sla/scheduler.ts): the complaint row FOR UPDATE first, every read,
 * then the replicated writes (events, then the complaint), which take the seq lock.
 */
export type SurveyResponse = {
  complaintId: string;
  /**
   * The survey invitation answered. A complaint closed, reopened and closed again gets a survey
   * each time; without an id a complaint has one response at most.
   */
  surveyId?: string | undefined;
  /** An integer on the 1–5 scale. */
  score: number;
  /** At most 4,000 characters (a timeline comment); empty counts as none. */
  comment: string | null;
  now: number;
};

export type SurveyResult =
  | { outcome: 'recorded'; eventId: string; breached: ThresholdDoc[]; escalation: { level: number; assigneeId: string | null } | null }
  | { outcome: 'duplicate' }
  | { outcome: 'not_found' };

export type SurveyHooks = { notify: NotifyHook };

const MAX_COMMENT = 4_000;
const MAX_ESCALATION_LEVEL = 20;

export function surveyKey(complaintId: string, surveyId: string | undefined): string {
  return `survey:${complaintId}:${surveyId ?? 'once'}`;
}

export async function recordSurveyResponse(tx: Tx, r: SurveyResponse, hooks: SurveyHooks = { notify: notifyThresholdBreach }): Promise<SurveyResult> {
  if (!Number.isInteger(r.score) || r.score < SURVEY_SCORE_MIN || r.score > SURVEY_SCORE_MAX) throw new RangeError(`survey score ${r.score} is not 1–5`);
  const comment = r.comment?.trim() ? r.comment.trim() : null;
  if (comment !== null && comment.length > MAX_COMMENT) throw new RangeError('survey comment longer than 4000 characters');

  const row = (await lockComplaints(tx, [r.complaintId])).get(r.complaintId);
  if (!row || row.deleted) return { outcome: 'not_found' };
  const doc = row.doc;
  const key = surveyKey(doc.id, r.surveyId);
  if (await alreadyRecorded(tx, doc.id, key)) return { outcome: 'duplicate' };

  const breached = breachedThresholds(r.score, await activeThresholds(tx, doc.hospitalId, 'survey_score'), { hospitalId: doc.hospitalId });
  const plan = planThresholdActions(breached);
  const dir = breached.length > 0 ? await loadDirectory(tx, doc.hospitalId) : null;
  const surveyEventId = slaEventId(key, 'event', r.now);
  const event = (id: string, e: Pick<TimelineEventDoc, 'type' | 'actorName' | 'field' | 'from' | 'to' | 'comment' | 'data'>): TimelineEventDoc => ({
    id, complaintId: doc.id, hospitalId: doc.hospitalId, at: r.now, actorId: null, visibility: 'internal', ...e,
  });
  const events: TimelineEventDoc[] = [
    event(surveyEventId, {
      type: 'survey_received',
      // Said by the complainant, not by staff: no actor id (so it never counts as a staff response).
      actorName: doc.complainant.name,
      field: null, from: null, to: null,
      comment,
      data: {
        key, surveyId: r.surveyId ?? null, score: r.score, comment,
        thresholds: breached.map((t) => ({ id: t.id, action: t.action, condition: describeCondition(t) })),
      },
    }),
  ];
  for (const t of plan.followUps) {
    events.push(event(slaEventId(`${key}:follow_up:${t.id}`, 'event', r.now), {
      type: 'note', actorName: null, field: null, from: null, to: null,
      comment: followUpText(r.score, t),
      data: { kind: 'follow_up', key: `${key}:follow_up:${t.id}`, thresholdId: t.id, operator: t.operator, value: t.value, score: r.score, surveyEventId },
    }));
  }

  let next: ComplaintDoc = doc;
  let escalation: { level: number; assigneeId: string | null } | null = null;
  if (plan.escalation.length > 0 && dir) {
    const level = Math.min(doc.escalationLevel + 1, MAX_ESCALATION_LEVEL);
    const target = await ruleTarget(tx, doc, level);
    const userId = target === null ? null : resolveTarget(target, doc, dir);
    const assigneeId = userId ?? doc.assigneeId;
    next = {
      ...doc,
      assigneeId,
      escalationLevel: level,
      escalatedAt: r.now,
      updatedAt: assigneeId !== doc.assigneeId ? Math.max(r.now, doc.updatedAt) : doc.updatedAt,
    };
    escalation = { level, assigneeId };
    events.push(event(slaEventId(`${key}:escalation`, 'event', r.now), {
      type: 'sla_escalated', actorName: null, field: 'assigneeId', from: doc.assigneeId, to: assigneeId, comment: null,
      data: {
        // A key no scheduled action has: the SLA schedule never takes this for one of its levels.
        key: `${key}:escalation`, reason: 'survey_threshold', level, score: r.score,
        thresholdIds: plan.escalation.map((t) => t.id), target: { role: target?.role ?? null, userId }, resolved: userId !== null, surveyEventId,
      },
    }));
  }

  for (const t of plan.notifications) {
    await hooks.notify(tx, {
      key: `${key}:notify:${t.id}`,
      complaintId: doc.id, hospitalId: doc.hospitalId, referenceNumber: doc.referenceNumber,
      threshold: t, score: r.score, comment,
      recipient: notifyTarget(t, doc, dir),
      surveyEventId, at: r.now,
    });
  }

  // The seq lock from here to commit, after every read.
  await writeReplicatedMany(
    tx,
    'events',
    events.map((e) => ({ id: e.id, hospitalId: e.hospitalId, doc: e, columns: { complaint_id: e.complaintId, type: e.type, at: e.at, visibility: e.visibility } })),
    { onConflict: 'nothing' },
  );
  if (next !== doc) {
    await writeComplaint(tx, next);
    await refreshSchedule(tx, next);
  }
  return { outcome: 'recorded', eventId: surveyEventId, breached, escalation };
}

async function alreadyRecorded(tx: Tx, complaintId: string, key: string): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM events WHERE complaint_id = $1 AND type = 'survey_received' AND doc->'data'->>'key' = $2 LIMIT 1`,
    [complaintId, key],
  );
  return rows.length > 0;
}

/** The target of the hospital's escalation rule for `level` that lets this complaint through; null when none. */
async function ruleTarget(tx: Tx, doc: ComplaintDoc, level: number): Promise<ActionTarget | null> {
  const rule = matchingRules(doc, await escalationRulesOf(tx, doc.hospitalId)).find((r) => r.level === level);
  return rule ? { role: rule.targetRole, userId: rule.targetUserId } : null;
}

function notifyTarget(t: ThresholdDoc, doc: ComplaintDoc, dir: HospitalDirectory | null): ActionTarget {
  // A threshold saved through the API always names a role for 'notify'; PX admins are the default reader.
  const wanted: ActionTarget = { role: t.notifyRole ?? 'px_admin', userId: t.notifyUserId };
  return { role: wanted.role, userId: dir ? resolveTarget(wanted, doc, dir) : null };
}

/** Server-written, so in both desk languages. */
function followUpText(score: number, t: ThresholdDoc): string {
  const condition = describeCondition(t);
  return `متابعة: تقييم الاستبيان ${score} (الحد ${condition}) · Follow-up: survey score ${score} (threshold ${condition})`;
}
