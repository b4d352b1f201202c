import { SURVEY_SCORE_MAX, SURVEY_SCORE_MIN } from '../sla/thresholds.ts';
import type { StatsComplaint } from './types.ts';

/** A `survey_received` timeline event, reduced to what the statistics need. */
export type SurveyScore = { complaintId: string; at: number; score: number };

export type SurveySummary = {
  responses: number;
  /** Mean score, null when nobody answered. */
  average: number | null;
  /** How many answered each score, 1 to 5 in order (zeros kept so a chart shows every score). */
  distribution: { score: number; count: number }[];
};

export type SurveyRow = { key: string; responses: number; average: number | null };

export const isSurveyScore = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= SURVEY_SCORE_MIN && (x as number) <= SURVEY_SCORE_MAX;

/**
 * The score that counts for a complaint: its latest answer (a complaint should be answered once,
 * but a repeated survey must not count twice). Equal times: the later in the list wins.
 */
export function latestScore(scores: readonly SurveyScore[] | undefined): number | null {
  let best: SurveyScore | null = null;
  for (const s of scores ?? []) {
    if (!isSurveyScore(s.score)) continue;
    if (!best || s.at >= best.at) best = s;
  }
  return best ? best.score : null;
}

export function surveySummary(complaints: readonly StatsComplaint[], scoresByComplaint: ReadonlyMap<string, readonly SurveyScore[]>): SurveySummary {
  const counts = new Map<number, number>();
  for (let s = SURVEY_SCORE_MIN; s <= SURVEY_SCORE_MAX; s++) counts.set(s, 0);
  let responses = 0;
  let sum = 0;
  for (const c of complaints) {
    const score = latestScore(scoresByComplaint.get(c.id));
    if (score === null) continue;
    responses += 1;
    sum += score;
    counts.set(score, (counts.get(score) ?? 0) + 1);
  }
  return {
    responses,
    average: responses === 0 ? null : sum / responses,
    distribution: [...counts.entries()].map(([score, count]) => ({ score, count })),
  };
}

/** Responses and average score per key (department …), keys in first-answered order; '' stands for none. */
export function surveyBy(
  complaints: readonly StatsComplaint[],
  scoresByComplaint: ReadonlyMap<string, readonly SurveyScore[]>,
  keyOf: (c: StatsComplaint) => string,
): SurveyRow[] {
  const rows = new Map<string, { responses: number; sum: number }>();
  for (const c of complaints) {
    const score = latestScore(scoresByComplaint.get(c.id));
    if (score === null) continue;
    const key = keyOf(c);
    const row = rows.get(key) ?? { responses: 0, sum: 0 };
    row.responses += 1;
    row.sum += score;
    rows.set(key, row);
  }
  return [...rows.entries()].map(([key, r]) => ({ key, responses: r.responses, average: r.sum / r.responses }));
}
