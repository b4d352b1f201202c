import { useEffect, useState, useSyncExternalStore, type DependencyList } from 'react';
import type { Observable } from 'rxjs';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/enums.ts';
import { isLanguage } from '../i18n/index.ts';
import type { SyncStatus, SyncStatusStore } from '../sync/status.ts';

/** Subscribes to an observable made from `deps`; `initial` until its first value. */
export function useObservable<T>(factory: () => Observable<T>, deps: DependencyList, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = factory().subscribe({ next: setValue, error: (e: unknown) => console.error(e) });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

export function useSyncStatus(store: SyncStatusStore): SyncStatus {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'ar';
}

/**
 * The wall clock, re-read every `tickMs` (a minute by default: fine enough to move an SLA action
 * from projected to due, or a request to overdue, on a screen left open).
 */
export function useNow(tickMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now;
}
