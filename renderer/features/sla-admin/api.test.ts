import { describe, expect, it } from 'vitest';
import { ESCALATION_TARGET_ROLES } from '../../../shared/enums.ts';
import { createI18n } from '../../i18n/index.ts';
import { createApi, type FetchLike } from '../../sync/http.ts';
import { patchSlaDoc } from './api.ts';
import { FIELD_ERRORS, SAVE_ERROR_CODES, saveErrorOf } from './errors.ts';

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

  it('refuses at once while offline, without calling the server', async () => {
    const { api, calls } = server(200, {});
    expect(await failure(patchSlaDoc(api, false, 'escalation-rules', 'r1', { maxLevel: 2 }))).toEqual({ code: 'offline', fields: {} });
    expect(calls).toHaveLength(0);
  });

  it('reports a refusal and the server’s field errors', async () => {
    expect((await failure(patchSlaDoc(server(403, { error: 'forbidden' }).api, true, 'configs', 'c', {}))).code).toBe('forbidden');
    const invalid = server(422, { error: 'validation_failed', fields: { targetUserId: 'unknown' } });
    expect(await failure(patchSlaDoc(invalid.api, true, 'escalation-rules', 'r', {}))).toEqual({ code: 'invalid', fields: { targetUserId: 'unknown' } });
  });

  it('has words for every error and escalation target in both languages', async () => {
    for (const lang of ['ar', 'en'] as const) {
      const i18n = await createI18n(lang);
      const keys = [
        ...SAVE_ERROR_CODES.map((c) => `slaAdmin.error.${c}`),
        ...FIELD_ERRORS.map((c) => `slaAdmin.fieldError.${c}`),
        ...ESCALATION_TARGET_ROLES.map((r) => `sla.target.${r}`),
      ];
      for (const key of keys) expect(i18n.exists(key), `${lang} ${key}`).toBe(true);
    }
  });
});
