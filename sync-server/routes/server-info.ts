import type { FastifyInstance } from 'fastify';
import type { ServerInfo } from '../../shared/api.ts';
import { severityDefaults } from '../complaints/sla.ts';
import type { ServerDeps } from '../deps.ts';

/**
 * `GET /api/v1/server-info` (bearer): the public base of tracking links, the organisation's name
 * and support line, and the SLA defaults per severity. A desk reaches the server by an internal
 * address; the links it prints on receipts must be the public ones the SMS carries. The defaults
 * are read at each call (a settings row any instance may change), so a desk that asks again sees
 * the current ones.
 */
export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get('/api/v1/server-info', async (): Promise<ServerInfo> => ({
    publicBaseUrl: deps.config.baseUrl,
    orgName: deps.config.orgName,
    supportPhone: deps.config.supportPhone,
    severityDefaults: await severityDefaults(deps.pool),
  }));
}
