import { describe, expect, it } from 'vitest';
import { latestScore, surveyBy, surveySummary, type SurveyScore } from './survey.ts';
import { complaint, H, T0 } from './test-fixtures.ts';

const answer = (complaintId: string, at: number, score: number): SurveyScore => ({ complaintId, at, score });
const byComplaint = (scores: SurveyScore[]) => {
  const m = new Map<string, SurveyScore[]>();
  for (const s of scores) m.set(s.complaintId, [...(m.get(s.complaintId) ?? []), s]);
  return m;
};

describe('survey statistics', () => {
  const complaints = [
    complaint('a', { departmentId: 'd1' }),
    complaint('b', { departmentId: 'd1' }),
    complaint('c', { departmentId: 'd2' }),
    complaint('d', { departmentId: null }),
    complaint('e', { departmentId: 'd2' }), // never answered
  ];
  const scores = byComplaint([
    answer('a', T0 + H, 5),
    answer('b', T0 + 2 * H, 1),
    // Answered twice: the later answer (4) counts, the earlier (2) does not.
    answer('c', T0 + 9 * H, 4),
    answer('c', T0 + 3 * H, 2),
    answer('d', T0 + H, 4),
    answer('out-of-scope', T0, 1),
  ]);

  it('counts each complaint’s latest answer once: responses, average and every score 1–5', () => {
    // Scores counted: 5, 1, 4, 4 → 14 / 4 = 3.5
    expect(surveySummary(complaints, scores)).toEqual({
      responses: 4,
      average: 3.5,
      distribution: [
        { score: 1, count: 1 },
        { score: 2, count: 0 },
        { score: 3, count: 0 },
        { score: 4, count: 2 },
        { score: 5, count: 1 },
      ],
    });
  });

  it('averages per department, leaving out departments nobody answered for', () => {
    // d1: 5 and 1 → 3; d2: c's 4 (e unanswered); none: 4
    expect(surveyBy(complaints, scores, (c) => c.departmentId ?? '')).toEqual([
      { key: 'd1', responses: 2, average: 3 },
      { key: 'd2', responses: 1, average: 4 },
      { key: '', responses: 1, average: 4 },
    ]);
  });

  it('has no average when nobody answered, and ignores scores off the 1–5 scale', () => {
    const s = surveySummary(complaints, byComplaint([answer('a', T0, 0), answer('b', T0, 2.5)]));
    expect(s.responses).toBe(0);
    expect(s.average).toBeNull();
    expect(s.distribution.map((r) => r.count)).toEqual([0, 0, 0, 0, 0]);
    expect(latestScore([answer('a', T0, 3), answer('a', T0 + H, 7)])).toBe(3);
  });
});
