import type { DeskApi } from '../../../shared/desk-api.ts';

/**
 * Shows an OS notification: through Electron's preload when the desk runs in the app; in a
 * plain browser through the Web Notification API, but only if the user already allowed it (the
 * desk never asks — a permission prompt on every sign-in would be worse than no notification).
 * Clicking it opens `complaintId` (Electron tells the page through `onNotificationClick`).
 */
export type OsNotification = { title: string; body: string; complaintId: string | null };

type WebNotificationLike = { onclick: ((event: Event) => void) | null };
export type WebNotifications = {
  permission: string;
  create(title: string, options: { body: string }): WebNotificationLike;
};

export function webNotifications(win: Window | undefined = typeof window === 'undefined' ? undefined : window): WebNotifications | null {
  const N = (win as (Window & { Notification?: typeof Notification }) | undefined)?.Notification;
  if (!N) return null;
  return { permission: N.permission, create: (title, options) => new N(title, options) as WebNotificationLike };
}

export async function showOsNotification(
  n: OsNotification,
  targets: { desk: DeskApi | null; web: WebNotifications | null; open(complaintId: string): void },
): Promise<'desk' | 'web' | 'none'> {
  if (targets.desk) {
    await targets.desk.notify({ title: n.title, body: n.body, ...(n.complaintId ? { complaintId: n.complaintId } : {}) });
    return 'desk';
  }
  if (targets.web && targets.web.permission === 'granted') {
    const shown = targets.web.create(n.title, { body: n.body });
    const id = n.complaintId;
    if (id) shown.onclick = () => targets.open(id);
    return 'web';
  }
  return 'none';
}
