import type { HospitalSummary, LoginResponse } from '../../shared/api.ts';
import type { StoredUser, UserRecords } from '../db/local-store.ts';
import { HttpError, OfflineError, createApi, type FetchLike } from '../sync/http.ts';
import { fetchServerInfo, type KeptServerInfo } from './server-info.ts';
import { checkVerifier, makeVerifier } from './verifier.ts';

/**
 * Sign-in: online against the server (and then a verifier is kept for offline use), or — when
 * the server cannot be reached — offline against the verifier of an earlier online sign-in.
 */
export type LoginErrorCode =
  | 'bad_server_url'
  | 'invalid_credentials'
  | 'rate_limited'
  | 'server_error'
  | 'no_hospital'
  | 'offline_unknown_user'
  | 'offline_wrong_password';

export type LoginResult =
  | { ok: true; record: StoredUser; hospitalId: string; offline: boolean }
  | { ok: false; code: LoginErrorCode };

export type LoginInput = { serverUrl: string; username: string; password: string };

export function normalizeServerUrl(input: string): string | null {
  const trimmed = input.trim().replace(/\/+$/, '');
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return trimmed;
  } catch {
    return null;
  }
}

/** The user's own hospital, else the one used last on this desk, else the first they may see. */
export function pickHospital(
  user: LoginResponse['user'],
  hospitals: readonly HospitalSummary[],
  previous: string | null,
): string | null {
  if (user.hospitalId) return user.hospitalId;
  if (previous && hospitals.some((h) => h.id === previous)) return previous;
  return hospitals[0]?.id ?? null;
}

export async function login(input: LoginInput, users: UserRecords, fetchImpl?: FetchLike): Promise<LoginResult> {
  const serverUrl = normalizeServerUrl(input.serverUrl);
  if (!serverUrl) return { ok: false, code: 'bad_server_url' };
  const username = input.username.trim();
  const api = createApi({ serverUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  let response: LoginResponse;
  try {
    response = await api.json<LoginResponse>('/api/v1/auth/login', {
      method: 'POST',
      body: { username, password: input.password },
    });
  } catch (error) {
    if (error instanceof OfflineError || (error instanceof HttpError && error.status >= 500)) {
      return offlineLogin(username, input.password, users);
    }
    if (error instanceof HttpError && (error.status === 401 || error.status === 400 || error.status === 403)) {
      return { ok: false, code: 'invalid_credentials' };
    }
    if (error instanceof HttpError && error.status === 429) return { ok: false, code: 'rate_limited' };
    return { ok: false, code: 'server_error' };
  }

  let hospitals: HospitalSummary[];
  let info: KeptServerInfo;
  try {
    const authed = createApi({
      serverUrl,
      auth: { getAccessToken: () => response.accessToken },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
    hospitals = await authed.json<HospitalSummary[]>('/api/v1/hospitals');
    info = await fetchServerInfo(authed);
  } catch {
    return { ok: false, code: 'server_error' };
  }
  const previous = await users.get(response.user.username);
  const hospitalId = pickHospital(response.user, hospitals, previous?.hospitalId ?? null);
  if (!hospitalId) return { ok: false, code: 'no_hospital' };
  const record: StoredUser = {
    ...response,
    verifier: await makeVerifier(input.password),
    hospitals: hospitals.map(({ id, code, nameEn, nameAr }) => ({ id, code, nameEn, nameAr })),
    hospitalId,
    ...info,
  };
  await users.set(record);
  return { ok: true, record, hospitalId, offline: false };
}

async function offlineLogin(username: string, password: string, users: UserRecords): Promise<LoginResult> {
  const record = await users.get(username);
  if (!record || !record.hospitalId) return { ok: false, code: 'offline_unknown_user' };
  if (!(await checkVerifier(password, record.verifier))) return { ok: false, code: 'offline_wrong_password' };
  return { ok: true, record, hospitalId: record.hospitalId, offline: true };
}
