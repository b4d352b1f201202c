import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../shared/api.ts';
import { SEVERITY_DEFAULTS_SETTING } from '../complaints/sla.ts';
import { setSetting } from '../db/settings.ts';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../test/server.ts';

describe('GET /api/v1/server-info', () => {
  let srv: TestServer;
  let token: string;
  beforeAll(async () => {
    srv = await startTestServer({ env: { BASE_URL: 'https://complaints.example.sa/', ORG_NAME: 'KFMC', SUPPORT_PHONE: '8001234567' } });
    token = (await srv.login('admin', TEST_ADMIN_PASSWORD)).accessToken;
  });
  afterAll(async () => srv?.close());

  it('tells a signed-in desk the public base of tracking links, and no severity defaults when none are set', async () => {
    const res = await srv.call<ServerInfo>('GET', '/api/v1/server-info', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ publicBaseUrl: 'https://complaints.example.sa', orgName: 'KFMC', supportPhone: '8001234567', severityDefaults: {} });
  });

  it('gives the SLA defaults per severity the scheduler uses, as they are now', async () => {
    await setSetting(srv.db.pool, SEVERITY_DEFAULTS_SETTING, JSON.stringify({ critical: 6, high: 12 }));
    const res = await srv.call<ServerInfo>('GET', '/api/v1/server-info', { token });
    expect(res.body.severityDefaults).toEqual({ critical: 6, high: 12 });
    // A broken setting is what the scheduler ignores too: the desk is told there are none.
    await setSetting(srv.db.pool, SEVERITY_DEFAULTS_SETTING, '{"high": -3}');
    expect((await srv.call<ServerInfo>('GET', '/api/v1/server-info', { token })).body.severityDefaults).toEqual({});
  });

  it('needs a token', async () => {
    expect((await srv.call('GET', '/api/v1/server-info')).status).toBe(401);
  });
});
