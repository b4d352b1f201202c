import type { GroupStats } from '../../../shared/stats/group.ts';
import type { DeviceStore } from '../../db/local-store.ts';
import { HttpError, OfflineError, type Api } from '../../sync/http.ts';

/**
 * The whole group's dashboard comes from the server (sync-server/routes/stats.ts), the one place
 * that holds every hospital. The last answer is kept in the workstation's device store, so that
 * offline the desk still shows it, saying as of when.
 */
export type GroupView =
  | { state: 'ready'; answer: GroupStats; from: 'server' }
  /** The last answer kept on this workstation, because the server could not be asked or failed. */
  | { state: 'ready'; answer: GroupStats; from: 'stored'; why: 'offline' | 'failed' }
  | { state: 'needs_connection' }
  | { state: 'failed' }
  | { state: 'forbidden' };

export type GroupLoad = {
  api: Api;
  store: DeviceStore;
  userId: string;
  online: boolean;
  now: number;
  utcOffsetMinutes: number;
};

/** The kept answer, only when it is this user's (another user of the workstation may not be group-level). */
async function kept(store: DeviceStore, userId: string): Promise<GroupStats | null> {
  const saved = await store.get('stats.group').catch(() => null);
  return saved?.userId === userId ? saved.answer : null;
}

export async function loadGroupStats(o: GroupLoad): Promise<GroupView> {
  const fallback = async (why: 'offline' | 'failed'): Promise<GroupView> => {
    const answer = await kept(o.store, o.userId);
    if (answer) return { state: 'ready', answer, from: 'stored', why };
    return why === 'offline' ? { state: 'needs_connection' } : { state: 'failed' };
  };
  if (!o.online) return fallback('offline');
  try {
    const answer = await o.api.json<GroupStats>('/api/v1/stats/group', { query: { now: o.now, utcOffsetMinutes: o.utcOffsetMinutes } });
    await o.store.set('stats.group', { userId: o.userId, answer }).catch(() => undefined);
    return { state: 'ready', answer, from: 'server' };
  } catch (error) {
    if (error instanceof OfflineError) return fallback('offline');
    if (error instanceof HttpError && error.status === 403) {
      // No longer group-level: what was kept must not be shown again either.
      await o.store.remove('stats.group').catch(() => undefined);
      return { state: 'forbidden' };
    }
    return fallback('failed');
  }
}
