import type { ComplaintDoc, StaffNotificationDoc } from '../../shared/documents.ts';
import type { NotificationCause } from '../../shared/notifications/plan.ts';

/**
 * Which members of staff a cause concerns, as in-app notifications (pure). The causes are the
 * outbox's (shared/notifications/plan.ts): the same change that queues their e-mails.
 *
 * - `assigned`: the new assignee.
 * - SLA first and second reminder, overdue: the complaint's assignee.
 * - SLA escalation: whoever it went to.
 * - explanation request: the staff member asked (the first request or one escalated to a manager).
 * - `created`: the manager of the complaint's department.
 *
 * Status changes and survey thresholds make none. Nobody is told of their own action (assigning a
 * complaint to oneself). One notification per cause and user (see store.ts for its id).
 */
export type NewStaffNotification = Omit<StaffNotificationDoc, 'id' | 'readAt'>;

export type InboxContext = {
  complaints: ReadonlyMap<string, ComplaintDoc>;
  /** Department id → its manager's user id. */
  managers: ReadonlyMap<string, string>;
};

type Recipient = { userId: string | null; kind: StaffNotificationDoc['kind']; level: number | null; actorId: string | null };

function recipientOf(cause: NotificationCause, doc: ComplaintDoc, ctx: InboxContext): Recipient | null {
  switch (cause.kind) {
    case 'assigned':
      return { userId: cause.assigneeId, kind: 'assigned', level: null, actorId: cause.actorId };
    case 'created':
      return { userId: doc.departmentId === null ? null : (ctx.managers.get(doc.departmentId) ?? null), kind: 'new_complaint', level: null, actorId: cause.actorId };
    case 'sla':
      if (cause.action === 'escalation') return { userId: cause.targetUserId, kind: 'escalated', level: cause.level, actorId: null };
      if (cause.action === 'overdue') return { userId: doc.assigneeId, kind: 'overdue', level: null, actorId: null };
      return { userId: doc.assigneeId, kind: 'reminder', level: cause.level, actorId: null };
    case 'explanation':
      return { userId: cause.staffId, kind: 'explanation_requested', level: null, actorId: null };
    case 'status':
    case 'threshold':
      return null;
  }
}

export function inAppNotificationsFor(causes: readonly NotificationCause[], ctx: InboxContext, now: number): NewStaffNotification[] {
  const out: NewStaffNotification[] = [];
  for (const cause of causes) {
    const doc = ctx.complaints.get(cause.complaintId);
    if (!doc) continue;
    const r = recipientOf(cause, doc, ctx);
    if (!r || r.userId === null || r.userId === r.actorId) continue;
    out.push({
      hospitalId: doc.hospitalId,
      userId: r.userId,
      kind: r.kind,
      complaintId: doc.id,
      referenceNumber: doc.referenceNumber,
      complaintTitle: doc.title,
      causeId: cause.causeId,
      level: r.level,
      createdAt: now,
    });
  }
  return out;
}
