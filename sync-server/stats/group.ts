import { computeDashboard } from '../../shared/stats/dashboard.ts';
import type { GroupStats, GroupStatsQuery } from '../../shared/stats/group.ts';
import type { Pool, Queryable } from '../db/pool.ts';
import { HttpError } from '../http.ts';
import { readStatsInput } from './read.ts';

/**
 * Only a user whose directory record has no hospital sees the whole group. The record, not the
 * token: a user moved to a hospital (or deactivated) since signing in is refused at once.
 */
export async function checkGroupLevel(q: Queryable, userId: string): Promise<void> {
  const { rows } = await q.query<{ hospital_id: string | null }>(`SELECT hospital_id FROM users WHERE id = $1 AND NOT deleted AND active`, [userId]);
  const row = rows[0];
  if (!row || row.hospital_id !== null) throw new HttpError(403, { error: 'forbidden', reason: 'group_level_only' });
}

/** Every figure of the group as of `now`, with the names the desk cannot know. */
export async function computeGroupStats(pool: Pool, now: number, utcOffsetMinutes: number): Promise<GroupStats> {
  const { rows: hospitals } = await pool.query<GroupStats['hospitals'][number]>(
    `SELECT id, doc->>'code' AS code, doc->>'nameEn' AS "nameEn", doc->>'nameAr' AS "nameAr"
     FROM hospitals WHERE NOT deleted ORDER BY doc->>'code', id`,
  );
  const ids = hospitals.map((h) => h.id);
  const input = await readStatsInput(pool, ids);
  const dashboard = computeDashboard({ ...input, scope: { kind: 'group' }, now, utcOffsetMinutes });
  const { rows: departments } = await pool.query<GroupStats['departments'][number]>(
    `SELECT id, hospital_id AS "hospitalId", doc->>'code' AS code, doc->>'nameEn' AS "nameEn", doc->>'nameAr' AS "nameAr"
     FROM departments WHERE hospital_id = ANY($1) AND NOT deleted`,
    [ids],
  );
  const { rows: staff } = await pool.query<GroupStats['staff'][number]>(
    `SELECT id, coalesce(nullif(doc->>'displayName', ''), username) AS "displayName" FROM users WHERE id = ANY($1)`,
    [dashboard.agents.map((a) => a.agentId)],
  );
  return { computedAt: now, utcOffsetMinutes, dashboard, hospitals, departments, staff };
}

export type GroupStatsCacheOptions = {
  pool: Pool;
  /** The business clock: what the figures are computed as of when the desk sends no `now`. */
  now: () => number;
  /** How long an answer is served again (ms). */
  ttlMs?: number;
  /** Wall time for the cache's age (not the business clock, which a test or demo may stop). */
  monotonic?: () => number;
};

type Entry = { at: number; answer: Promise<GroupStats> };

/**
 * A short per-instance cache: the group's figures cost a read of every complaint, so an answer is
 * served again for `ttlMs` (30 s) to anyone asking for about the same time with the same offset,
 * and concurrent requests share one computation. Figures are therefore up to 30 s old; the
 * answer's `computedAt` says as of when.
 */
export class GroupStatsCache {
  private readonly entries = new Map<number, Entry>();
  private readonly ttlMs: number;
  private readonly monotonic: () => number;

  constructor(private readonly o: GroupStatsCacheOptions) {
    this.ttlMs = o.ttlMs ?? 30_000;
    this.monotonic = o.monotonic ?? (() => performance.now());
  }

  async get(query: GroupStatsQuery): Promise<GroupStats> {
    const now = query.now ?? this.o.now();
    const key = query.utcOffsetMinutes;
    const at = this.monotonic();
    const entry = this.entries.get(key);
    if (entry && at - entry.at < this.ttlMs) {
      const answer = await entry.answer;
      if (Math.abs(now - answer.computedAt) <= this.ttlMs) return answer;
    }
    const fresh: Entry = { at, answer: computeGroupStats(this.o.pool, now, key) };
    this.entries.set(key, fresh);
    // A failed computation is not kept: the next request tries again.
    fresh.answer.catch(() => this.entries.get(key) === fresh && this.entries.delete(key));
    return fresh.answer;
  }
}
