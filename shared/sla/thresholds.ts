import type { ThresholdDoc, ThresholdMetric, ThresholdOperator } from '../documents.ts';

/**
 * Threshold-based actions (source document 002 §9): a hospital's thresholds on a measured value —
 * today the satisfaction survey's score — and what breaching them does. Pure; the server loads
 * the thresholds, calls these and writes what they say.
 */

/** The survey's score scale (brief: a 1–5 score after closure). */
export const SURVEY_SCORE_MIN = 1;
export const SURVEY_SCORE_MAX = 5;

export function compare(operator: ThresholdOperator, measured: number, value: number): boolean {
  switch (operator) {
    case 'lt':
      return measured < value;
    case 'lte':
      return measured <= value;
    case 'gt':
      return measured > value;
    case 'gte':
      return measured >= value;
    case 'eq':
      return measured === value;
  }
}

export type ThresholdScope = { metric?: ThresholdMetric; hospitalId?: string };

/**
 * The active thresholds of `scope.metric` (the survey score by default) — and of
 * `scope.hospitalId` when given — that `measured` breaches, by id so every caller applies them in
 * the same order. A value that is not a finite number breaches nothing.
 */
export function breachedThresholds(measured: number, thresholds: readonly ThresholdDoc[], scope: ThresholdScope = {}): ThresholdDoc[] {
  if (!Number.isFinite(measured)) return [];
  const metric = scope.metric ?? 'survey_score';
  return thresholds
    .filter((t) => t.active && t.metric === metric && (scope.hospitalId === undefined || t.hospitalId === scope.hospitalId))
    .filter((t) => compare(t.operator, measured, t.value))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * What one measurement does with its breached thresholds: one follow-up and one notification per
 * threshold (each says which threshold and may tell someone else), but at most ONE escalation,
 * however many escalate thresholds it breached — a single bad score is one reason to go one level
 * up, not several.
 */
export type ThresholdPlan = { followUps: ThresholdDoc[]; notifications: ThresholdDoc[]; escalation: ThresholdDoc[] };

export function planThresholdActions(breached: readonly ThresholdDoc[]): ThresholdPlan {
  return {
    followUps: breached.filter((t) => t.action === 'follow_up'),
    notifications: breached.filter((t) => t.action === 'notify'),
    escalation: breached.filter((t) => t.action === 'escalate'),
  };
}

export type ThresholdFieldError = 'required' | 'out_of_range';

/**
 * What the schema alone cannot say about a threshold: a survey threshold's value lies on the
 * score scale (one outside it could never, or would always, fire), and a 'notify' threshold names
 * whom it tells.
 */
export function thresholdFieldErrors(t: ThresholdDoc): Record<string, ThresholdFieldError> {
  const fields: Record<string, ThresholdFieldError> = {};
  if (t.metric === 'survey_score' && (t.value < SURVEY_SCORE_MIN || t.value > SURVEY_SCORE_MAX)) fields.value = 'out_of_range';
  if (t.action === 'notify') {
    if (t.notifyRole === null) fields.notifyRole = 'required';
    else if (t.notifyRole === 'named_user' && t.notifyUserId === null) fields.notifyUserId = 'required';
  }
  return fields;
}

/** A short, language-neutral form of the condition for timelines and logs: "score < 3". */
export function describeCondition(t: Pick<ThresholdDoc, 'operator' | 'value'>): string {
  const symbol: Record<ThresholdOperator, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=' };
  return `${symbol[t.operator]} ${t.value}`;
}
