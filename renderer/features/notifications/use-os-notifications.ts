import { useEffect, useRef } from 'react';
import { firstValueFrom } from 'rxjs';
import { useTranslation } from 'react-i18next';
import type { StaffNotificationDoc } from '../../../shared/documents.ts';
import type { DeskSession } from '../../app/session.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { Announcer } from './announce.ts';
import { watchNotifications } from './data.ts';
import { showOsNotification, webNotifications } from './os-notify.ts';
import { notificationText } from './text.ts';

const deskApi = () => (typeof window === 'undefined' ? null : (window.desk ?? null));

/**
 * OS notifications for the user's new unread notifications while the desk is open (see
 * announce.ts for which), and a clicked one opens its complaint.
 */
export function useOsNotifications(desk: DeskSession, current: readonly StaffNotificationDoc[]): void {
  const { t } = useTranslation();
  const announcer = useRef<Announcer | null>(null);

  useEffect(() => {
    const a = new Announcer();
    announcer.current = a;
    let cancelled = false;
    // What the first download brings is old news: announcing starts after it, with everything
    // the database holds by then counted as seen.
    void desk.replication
      .awaitInitial()
      .then(() => firstValueFrom(watchNotifications(desk.db, desk.user.id)))
      .then(
        (known) => !cancelled && a.start(known),
        () => undefined,
      );
    const stop = deskApi()?.onNotificationClick((id) => navigate(hrefFor.detail(id)));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [desk]);

  useEffect(() => {
    const shown = announcer.current?.next(current) ?? [];
    const targets = { desk: deskApi(), web: webNotifications(), open: (id: string) => navigate(hrefFor.detail(id)) };
    for (const a of shown) {
      const n = a.kind === 'one' ? { ...notificationText(t, a.notification), complaintId: a.notification.complaintId } : { title: t('inbox.title'), body: t('inbox.more', { count: a.count }), complaintId: null };
      void showOsNotification(n, targets).catch((e: unknown) => console.warn('notification not shown', e));
    }
  }, [current, t]);
}
