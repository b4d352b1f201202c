import { z } from 'zod';
import { SEVERITIES } from '../../shared/enums.ts';
import type { SeverityDefaults } from '../../shared/sla.ts';
import type { Api } from '../sync/http.ts';

/**
 * What the desk keeps of `GET /api/v1/server-info`: the public base of tracking links and the
 * server's SLA defaults per severity (for the offline projection of a complaint's schedule). Kept
 * with the signed-in user's record, so an offline sign-in has them too, and asked again whenever
 * the desk comes back online, since an admin may change the defaults at any time.
 */
export type KeptServerInfo = { publicBaseUrl: string; severityDefaults: SeverityDefaults };

const serverInfoSchema = z.object({
  publicBaseUrl: z.string().min(1),
  // An older server does not send them, and a broken value must not stop the sign-in: none.
  severityDefaults: z.partialRecord(z.enum(SEVERITIES), z.number().min(0).max(24 * 365)).catch({}).default({}),
});

export function readServerInfo(body: unknown): KeptServerInfo {
  return serverInfoSchema.parse(body);
}

export async function fetchServerInfo(api: Api): Promise<KeptServerInfo> {
  return readServerInfo(await api.json<unknown>('/api/v1/server-info'));
}

type Listener = () => void;

/** A tiny external store (like the sync status) the SLA panel reads with useSyncExternalStore. */
export class ServerInfoKeeper {
  private info: KeptServerInfo;
  private readonly listeners = new Set<Listener>();

  constructor(
    initial: KeptServerInfo,
    private readonly save: (info: KeptServerInfo) => Promise<void>,
  ) {
    this.info = initial;
  }

  getSnapshot = (): KeptServerInfo => this.info;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Asks the server again; keeps what it had when the server cannot be reached. */
  async refresh(api: Api): Promise<void> {
    let next: KeptServerInfo;
    try {
      next = await fetchServerInfo(api);
    } catch {
      return;
    }
    if (JSON.stringify(next) === JSON.stringify(this.info)) return;
    this.info = next;
    for (const l of this.listeners) l();
    await this.save(next).catch(() => undefined);
  }
}
