import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/index.ts';
import { useLanguage, useSyncStatus } from '../../ui/hooks.ts';
import type { SyncStatusStore } from '../../sync/status.ts';

/** Always visible: online/offline, unsynced local writes and the last sync. */
export function SyncIndicator({ store }: { store: SyncStatusStore }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const s = useSyncStatus(store);
  return (
    <div
      className={`sync-indicator ${s.online ? 'is-online' : 'is-offline'}`}
      data-testid="sync-indicator"
      data-online={String(s.online)}
      data-pending={String(s.pending)}
      role="status"
      aria-live="polite"
    >
      <span className="dot" aria-hidden="true" />
      <strong>{s.online ? t('sync.online') : t('sync.offline')}</strong>
      <span>{s.pending > 0 ? t('sync.pending', { count: s.pending }) : t('sync.synced')}</span>
      <span className="muted">
        {s.lastSyncAt === null ? t('sync.neverSynced') : t('sync.lastSync', { time: formatDateTime(s.lastSyncAt, lang) })}
      </span>
      {s.authLost && <span className="warn">{t('sync.authLost')}</span>}
    </div>
  );
}

export function FirstSyncProgress({ store }: { store: SyncStatusStore }) {
  const { t } = useTranslation();
  const { firstSync } = useSyncStatus(store);
  if (!firstSync) return null;
  return (
    <div className="first-sync" data-testid="sync-progress" data-pulled={firstSync.pulled}>
      {firstSync.estimate === null ? (
        <progress />
      ) : (
        <progress max={Math.max(1, firstSync.estimate)} value={firstSync.pulled} />
      )}
      <span>
        {firstSync.estimate === null
          ? t('sync.firstSyncStarting', { pulled: firstSync.pulled })
          : t('sync.firstSync', { pulled: firstSync.pulled, estimate: firstSync.estimate })}
      </span>
    </div>
  );
}
