import type { LoginResponse } from '../../shared/api.ts';
import { OfflineError, createApi, type AuthSource, type FetchLike } from '../sync/http.ts';

export type Tokens = { accessToken: string; refreshToken: string };

/**
 * Holds the signed-in user's tokens and renews them. Concurrent 401s share one refresh (the
 * server rotates refresh tokens, so a second refresh with the old token would fail).
 */
export class TokenKeeper implements AuthSource {
  private tokens: Tokens;
  private inFlight: Promise<boolean> | null = null;
  /** The server refused the refresh token: asking again would only hammer it. */
  private refused = false;

  constructor(
    private readonly serverUrl: string,
    initial: Tokens,
    private readonly persist: (response: LoginResponse) => Promise<void>,
    private readonly fetchImpl?: FetchLike,
  ) {
    this.tokens = initial;
  }

  getAccessToken(): string | null {
    return this.tokens.accessToken || null;
  }

  refresh(): Promise<boolean> {
    if (this.refused) return Promise.resolve(false);
    this.inFlight ??= this.doRefresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async doRefresh(): Promise<boolean> {
    const api = createApi({ serverUrl: this.serverUrl, ...(this.fetchImpl ? { fetch: this.fetchImpl } : {}) });
    const res = await api.request('/api/v1/auth/refresh', {
      method: 'POST',
      body: { refreshToken: this.tokens.refreshToken },
    });
    if (res.status >= 500) throw new OfflineError(new Error(`refresh answered ${res.status}`));
    if (!res.ok) {
      this.refused = true;
      return false;
    }
    const body = (await res.json()) as LoginResponse;
    this.tokens = { accessToken: body.accessToken, refreshToken: body.refreshToken };
    await this.persist(body);
    return true;
  }
}
