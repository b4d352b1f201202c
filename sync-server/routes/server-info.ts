import type { FastifyInstance } from 'fastify';
import type { ServerInfo } from '../../shared/api.ts';
import type { ServerDeps } from '../deps.ts';

/**
 * `GET /api/v1/server-info` (bearer): the public base of tracking links and the organisation's
 * name and support line. A desk reaches the server by an internal address; the links it prints on
 * receipts must be the public ones the SMS carries.
 */
export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  app.get('/api/v1/server-info', async (): Promise<ServerInfo> => ({
    publicBaseUrl: deps.config.baseUrl,
    orgName: deps.config.orgName,
    supportPhone: deps.config.supportPhone,
  }));
}
