import { describe, expect, it } from 'vitest';
import { createApi, type FetchLike } from '../../sync/http.ts';
import { createSlaDoc, deleteSlaDoc, patchSlaDoc } from './api.ts';
import { saveErrorOf } from './errors.ts';

function server(status: number, body: unknown) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
    return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { api: createApi({ serverUrl: 'http://127.0.0.1:9', fetch }), calls };
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return saveErrorOf(e);
  }
  throw new Error('expected the save to fail');
}

describe('saving SLA settings', () => {
  it('PATCHes the document by id and sends only the edited fields', async () => {
    const { api, calls } = server(200, { id: 'cfg 1' });
    await patchSlaDoc(api, true, 'configs', 'cfg 1', { slaHours: 36 });
    expect(calls).toEqual([{ url: 'http://127.0.0.1:9/api/v1/sla/configs/cfg%201', method: 'PATCH', body: { slaHours: 36 } }]);
  });

  it('POSTs a new document and DELETEs one by id', async () => {
    const { api, calls } = server(201, { id: 'new' });
    await createSlaDoc(api, true, 'escalation-rules', { hospitalId: 'h1', level: 2 });
    const gone = server(204, null);
    await deleteSlaDoc(gone.api, true, 'calendars', 'cal/1');
    expect(calls).toEqual([{ url: 'http://127.0.0.1:9/api/v1/sla/escalation-rules', method: 'POST', body: { hospitalId: 'h1', level: 2 } }]);
    expect(gone.calls).toEqual([{ url: 'http://127.0.0.1:9/api/v1/sla/calendars/cal%2F1', method: 'DELETE', body: null }]);
  });

  it('refuses at once while offline, without calling the server', async () => {
    const { api, calls } = server(200, {});
    expect(await failure(patchSlaDoc(api, false, 'escalation-rules', 'r1', { maxLevel: 2 }))).toEqual({ code: 'offline', fields: {} });
    expect(await failure(createSlaDoc(api, false, 'configs', {}))).toEqual({ code: 'offline', fields: {} });
    expect(await failure(deleteSlaDoc(api, false, 'configs', 'c1'))).toEqual({ code: 'offline', fields: {} });
    expect(calls).toHaveLength(0);
  });

  it('reports a refusal and the server’s field errors', async () => {
    expect((await failure(patchSlaDoc(server(403, { error: 'forbidden' }).api, true, 'configs', 'c', {}))).code).toBe('forbidden');
    const invalid = server(422, { error: 'validation_failed', fields: { targetUserId: 'unknown', level: 'above_max_level', 'holidays.0.date': 'invalid_format', slaHours: 'too_small' } });
    expect(await failure(patchSlaDoc(invalid.api, true, 'escalation-rules', 'r', {}))).toEqual({
      code: 'invalid',
      fields: { targetUserId: 'unknown', level: 'level_above_max', 'holidays.0.date': 'invalid', slaHours: 'out_of_range' },
    });
    expect((await failure(createSlaDoc(server(409, { error: 'already_exists' }).api, true, 'configs', {}))).code).toBe('conflict');
  });
});
