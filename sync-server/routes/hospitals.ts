import type { FastifyInstance } from 'fastify';
import type { HospitalSummary } from '../../shared/api.ts';
import type { ServerDeps } from '../deps.ts';

/** `GET /api/v1/hospitals` (bearer) → the caller's hospitals, `[{id, code, nameEn, nameAr}]`, by code. */
export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get('/api/v1/hospitals', async (request): Promise<HospitalSummary[]> => {
    const { hospitalId } = request.user;
    const { rows } = await deps.pool.query<HospitalSummary>(
      `SELECT id, doc->>'code' AS code, doc->>'nameEn' AS "nameEn", doc->>'nameAr' AS "nameAr"
       FROM hospitals
       WHERE NOT deleted AND ($1::text IS NULL OR id = $1)
       ORDER BY doc->>'code', id`,
      [hospitalId],
    );
    return rows;
  });
}
