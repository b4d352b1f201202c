import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffNotificationDoc } from '../../../shared/documents.ts';
import { useDesk } from '../../app/desk-context.ts';
import { hrefFor, navigate } from '../../app/router.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useLanguage } from '../../ui/hooks.ts';
import { LIST_LIMIT, markAllRead, markRead, targetOf, unreadCount, useMyNotifications } from './data.ts';
import { notificationText } from './text.ts';
import { useOsNotifications } from './use-os-notifications.ts';
import './notifications.css';

/** The shell's bell: the signed-in user's unread count, and their notifications in a list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const desk = useDesk();
  const all = useMyNotifications(desk);
  const unread = unreadCount(all);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useOsNotifications(desk, all);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const openOne = (n: StaffNotificationDoc) => {
    setOpen(false);
    void markRead(targetOf(desk), n.id, Date.now()).catch((e: unknown) => console.error(e));
    navigate(hrefFor.detail(n.complaintId));
  };

  return (
    <div className="inbox" ref={box}>
      <button
        type="button"
        className="inbox-bell"
        data-testid="inbox-bell"
        data-unread={unread}
        aria-expanded={open}
        aria-label={t('inbox.bell', { n: unread })}
        onClick={() => setOpen(!open)}
      >
        <svg className="inbox-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && <span className="inbox-count">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && <NotificationList items={all.slice(0, LIST_LIMIT)} unread={unread} onOpen={openOne} onReadAll={() => void markAllRead(desk, all, Date.now())} />}
    </div>
  );
}

function NotificationList({ items, unread, onOpen, onReadAll }: { items: StaffNotificationDoc[]; unread: number; onOpen(n: StaffNotificationDoc): void; onReadAll(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="inbox-panel card" data-testid="inbox-list" role="dialog" aria-label={t('inbox.title')}>
      <div className="inbox-head">
        <strong>{t('inbox.title')}</strong>
        {unread > 0 && (
          <button type="button" className="link-button" data-testid="inbox-read-all" onClick={onReadAll}>
            {t('inbox.markAllRead')}
          </button>
        )}
      </div>
      {items.length === 0 && <p className="muted">{t('inbox.empty')}</p>}
      <ul>
        {items.map((n) => {
          const text = notificationText(t, n);
          return (
            <li key={n.id}>
              <button
                type="button"
                className={n.readAt === null ? 'inbox-item unread' : 'inbox-item'}
                data-testid="inbox-item"
                data-kind={n.kind}
                data-complaint-id={n.complaintId}
                data-read={String(n.readAt !== null)}
                onClick={() => onOpen(n)}
              >
                <strong>{text.title}</strong>
                <span>{text.body}</span>
                <span className="muted">{formatDateTime(n.createdAt, lang)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
