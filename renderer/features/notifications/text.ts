import type { TFunction } from 'i18next';
import type { StaffNotificationDoc } from '../../../shared/documents.ts';

/** A notification in the reader's language: what happened (title) and to which complaint (body). */
export function notificationText(t: TFunction, n: StaffNotificationDoc): { title: string; body: string } {
  const key = n.kind === 'reminder' && n.level === 2 ? 'reminderUrgent' : n.kind;
  return {
    title: t(`inbox.kind.${key}`, { level: n.level ?? 1 }),
    body: t('inbox.line', { reference: n.referenceNumber, title: n.complaintTitle }),
  };
}
