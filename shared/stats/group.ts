import { z } from 'zod';
import type { Dashboard } from './dashboard.ts';

/**
 * `GET /api/v1/stats/group` — the whole group's dashboard, computed on the server (only it holds
 * every hospital) for group-level users. `now` and `utcOffsetMinutes` are the desk's, so the
 * month boundaries are the reader's; without `now` the server's clock counts.
 */
export const groupStatsQuerySchema = z.object({
  now: z.coerce.number().int().min(0).max(8.64e15).optional(),
  /** Minutes east of UTC (UTC−12 … UTC+14). */
  utcOffsetMinutes: z.coerce.number().int().min(-720).max(840).default(0),
});
export type GroupStatsQuery = z.infer<typeof groupStatsQuerySchema>;

type Named = { id: string; code: string; nameEn: string; nameAr: string };

/**
 * The answer. The desk holds only the open hospital's directory, so the names of the group's
 * hospitals, departments and the agents the dashboard counts come with it.
 */
export type GroupStats = {
  /** The time the figures are as of (epoch ms). */
  computedAt: number;
  utcOffsetMinutes: number;
  dashboard: Dashboard;
  hospitals: Named[];
  departments: (Named & { hospitalId: string })[];
  staff: { id: string; displayName: string }[];
};
