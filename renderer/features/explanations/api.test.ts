import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/index.ts';
import { createApi, type FetchLike } from '../../sync/http.ts';
import { canRequestExplanation } from './access.ts';
import { checkInput, EXPLANATION_ERROR_CODES, EXPLANATION_FIELD_ERRORS, failureOf, requestExplanation } from './api.ts';
import type { ExplanationState } from './requests.ts';

function server(status: number, body: unknown) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { api: createApi({ serverUrl: 'http://127.0.0.1:9', fetch }), calls };
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return failureOf(e);
  }
  throw new Error('expected the request to fail');
}

describe('requesting an explanation from the desk', () => {
  it('POSTs the staff member and the message (left out when blank) and returns the link', async () => {
    const answer = { id: 'x1', link: 'http://srv/explanations/tok', dueAt: '2026-11-24T10:00:00.000Z' };
    const { api, calls } = server(201, answer);
    expect(await requestExplanation(api, true, 'c 1', { staffId: 'u1', message: '  Why?  ' })).toEqual(answer);
    await requestExplanation(api, true, 'c 1', { staffId: 'u2', message: '   ' });
    expect(calls).toEqual([
      { url: 'http://127.0.0.1:9/api/v1/complaints/c%201/explanations', method: 'POST', body: { staffId: 'u1', message: 'Why?' } },
      { url: 'http://127.0.0.1:9/api/v1/complaints/c%201/explanations', method: 'POST', body: { staffId: 'u2' } },
    ]);
  });

  it('refuses at once while offline, without calling the server', async () => {
    const { api, calls } = server(201, {});
    expect(await failure(requestExplanation(api, false, 'c', { staffId: 'u', message: '' }))).toEqual({ code: 'offline', fields: {} });
    expect(calls).toHaveLength(0);
  });

  it('turns the server’s refusals and field errors into what the form shows', async () => {
    const ask = (status: number, body: unknown) => failure(requestExplanation(server(status, body).api, true, 'c', { staffId: 'u', message: 'm' }));
    expect(await ask(403, { error: 'forbidden' })).toEqual({ code: 'forbidden', fields: {} });
    expect(await ask(404, { error: 'not_found' })).toEqual({ code: 'not_found', fields: {} });
    expect(await ask(422, { error: 'validation_failed', fields: { staffId: 'unknown' } })).toEqual({ code: 'invalid', fields: { staffId: 'unknown' } });
    expect(await ask(422, { error: 'validation_failed', fields: { message: 'too_big' } })).toEqual({ code: 'invalid', fields: { message: 'too_long' } });
    expect(await ask(500, {})).toEqual({ code: 'server', fields: {} });
  });

  it('checks the form before sending: a staff member is required, the message has a limit', () => {
    expect(checkInput({ staffId: '', message: '' })).toEqual({ staffId: 'required' });
    expect(checkInput({ staffId: 'u', message: 'x'.repeat(4_001) })).toEqual({ message: 'too_long' });
    expect(checkInput({ staffId: 'u', message: 'fine' })).toBeNull();
  });

  it('offers the action to the roles the server allows, for the hospitals they see', () => {
    expect(canRequestExplanation({ role: 'px_admin', hospitalId: null }, 'h1')).toBe(true);
    expect(canRequestExplanation({ role: 'hospital_admin', hospitalId: 'h1' }, 'h1')).toBe(true);
    expect(canRequestExplanation({ role: 'hospital_admin', hospitalId: 'h2' }, 'h1')).toBe(false);
    expect(canRequestExplanation({ role: 'admin', hospitalId: null }, 'h1')).toBe(true);
    for (const role of ['desk_agent', 'department_manager', 'ceo'] as const) expect(canRequestExplanation({ role, hospitalId: 'h1' }, 'h1')).toBe(false);
  });

  it('has words for every error, field error and state in both languages', async () => {
    const states: ExplanationState[] = ['pending', 'overdue', 'received', 'expired'];
    for (const lang of ['ar', 'en'] as const) {
      const i18n = await createI18n(lang);
      const keys = [
        ...EXPLANATION_ERROR_CODES.map((c) => `explanations.error.${c}`),
        ...EXPLANATION_FIELD_ERRORS.map((c) => `explanations.fieldError.${c}`),
        ...states.map((s) => `explanations.state.${s}`),
        'explanations.offline',
      ];
      for (const key of keys) expect(i18n.exists(key), `${lang} ${key}`).toBe(true);
    }
  });
});
