import type { ComplaintDoc, TimelineEventDoc } from '../../shared/documents.ts';
import { trackingUrl } from '../../shared/ids.ts';

/**
 * The integration API's shapes (brief §4). Times are ISO strings here (the replicated documents
 * keep epoch ms). The tracking secret is given only inside `trackingUrl`, the link to send.
 */
export type ComplaintView = Omit<
  ComplaintDoc,
  'trackingSecret' | 'createdAt' | 'updatedAt' | 'dueAt' | 'lastReminderAt' | 'escalatedAt'
> & {
  createdAt: string;
  updatedAt: string;
  dueAt: string | null;
  lastReminderAt: string | null;
  escalatedAt: string | null;
  trackingUrl: string;
};

export type EventView = {
  id: string;
  type: TimelineEventDoc['type'];
  at: string;
  actor: { id: string; name: string | null } | null;
  field: string | null;
  from: string | null;
  to: string | null;
  comment: string | null;
  visibility: TimelineEventDoc['visibility'];
  data: Record<string, unknown>;
};

/** The complaint's SMS and e-mails: {id, channel, to, template, language, status, attempts, providerId, error, createdAt, updatedAt}. */
export type { NotificationView } from '../notifications/store.ts';
import type { NotificationView } from '../notifications/store.ts';

export type ComplaintDetail = ComplaintView & { events: EventView[]; notifications: NotificationView[] };

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function complaintView(doc: ComplaintDoc, baseUrl: string): ComplaintView {
  const { trackingSecret, createdAt, updatedAt, dueAt, lastReminderAt, escalatedAt, ...rest } = doc;
  return {
    ...rest,
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    dueAt: iso(dueAt),
    lastReminderAt: iso(lastReminderAt),
    escalatedAt: iso(escalatedAt),
    trackingUrl: trackingUrl(baseUrl, doc.referenceNumber, trackingSecret),
  };
}

export function eventView(e: TimelineEventDoc): EventView {
  return {
    id: e.id,
    type: e.type,
    at: new Date(e.at).toISOString(),
    actor: e.actorId === null ? null : { id: e.actorId, name: e.actorName },
    field: e.field,
    from: e.from,
    to: e.to,
    comment: e.comment,
    visibility: e.visibility,
    data: e.data,
  };
}
