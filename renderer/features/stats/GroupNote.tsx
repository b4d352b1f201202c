import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/enums.ts';
import { formatDateTime } from '../../i18n/index.ts';
import type { GroupView } from './group.ts';

/** Where the whole group's figures come from, as of when — and plainly when the desk is offline. */
export function GroupNote({ view, lang }: { view: GroupView | null; lang: Language }) {
  const { t } = useTranslation();
  if (!view) return <p className="muted" data-testid="stats-group-note" data-note="loading">{t('stats.groupLoading')}</p>;
  if (view.state !== 'ready') {
    const key = view.state === 'needs_connection' ? 'stats.groupNeedsConnection' : view.state === 'forbidden' ? 'stats.groupForbidden' : 'stats.groupFailed';
    return (
      <p className="warn" role="status" data-testid="stats-group-note" data-note={view.state}>
        {t(key)}
      </p>
    );
  }
  const time = formatDateTime(view.answer.computedAt, lang);
  if (view.from === 'server') return <p className="muted" data-testid="stats-group-note" data-note="fresh">{t('stats.groupAsOf', { time })}</p>;
  return (
    <p className="warn" role="status" data-testid="stats-group-note" data-note={view.why === 'offline' ? 'offline' : 'stale'} data-as-of={view.answer.computedAt}>
      {t(view.why === 'offline' ? 'stats.groupOffline' : 'stats.groupFailedStored', { time })}
    </p>
  );
}
