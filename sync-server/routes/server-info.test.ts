import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../shared/api.ts';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../test/server.ts';

describe('GET /api/v1/server-info', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ env: { BASE_URL: 'https://complaints.example.sa/', ORG_NAME: 'KFMC', SUPPORT_PHONE: '8001234567' } });
  });
  afterAll(async () => srv?.close());

  it('tells a signed-in desk the public base of tracking links', async () => {
    const { accessToken } = await srv.login('admin', TEST_ADMIN_PASSWORD);
    const res = await srv.call<ServerInfo>('GET', '/api/v1/server-info', { token: accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ publicBaseUrl: 'https://complaints.example.sa', orgName: 'KFMC', supportPhone: '8001234567' });
  });

  it('needs a token', async () => {
    expect((await srv.call('GET', '/api/v1/server-info')).status).toBe(401);
  });
});
