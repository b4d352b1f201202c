import type { FastifyInstance } from 'fastify';
import { groupStatsQuerySchema, type GroupStats } from '../../shared/stats/group.ts';
import type { ServerDeps } from '../deps.ts';
import { checkGroupLevel, GroupStatsCache } from '../stats/group.ts';

/**
 * Statistics the desk cannot compute from its own database.
 *
 *   GET /api/v1/stats/group?now=&utcOffsetMinutes=  → 200 GroupStats (shared/stats/group.ts):
 *     the dashboard of every hospital of the group (shared computeDashboard, scope 'group'),
 *     its per-hospital rows, and the names of the hospitals, departments and agents in it.
 *   403 {error:'forbidden', reason:'group_level_only'} unless the caller's directory record has
 *   no hospital; 422 for a bad query. Answers may be up to 30 s old (stats/group.ts).
 */
export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const cache = new GroupStatsCache({ pool: deps.pool, now: () => deps.clock.now() });

  app.get('/api/v1/stats/group', async (request): Promise<GroupStats> => {
    await checkGroupLevel(deps.pool, request.user.id);
    return cache.get(groupStatsQuerySchema.parse(request.query));
  });
}
