import type { FastifyInstance } from 'fastify';
import { adminCrudRoutes } from '../admin/crud-routes.ts';
import { staffAdmin } from '../admin/resources.ts';
import { staffCreateExtras, staffPasswordRoutes } from '../admin/staff-password.ts';
import type { ServerDeps } from '../deps.ts';

/**
 * Administration of staff: roles, reports-to, department, active, and passwords (set at creation
 * or reset later). See admin/crud-routes.ts and admin/staff-password.ts.
 */
const crud = adminCrudRoutes(staffAdmin, staffCreateExtras);

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  await crud(app, deps);
  await staffPasswordRoutes(app, deps);
}
