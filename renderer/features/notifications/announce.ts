import type { StaffNotificationDoc } from '../../../shared/documents.ts';

/**
 * Which notifications deserve an OS notification (pure). Only those that arrive while the desk
 * is open: everything present when it started (the first download included) counts as seen, so
 * signing in never floods the screen. A burst shows the newest few and a summary of the rest.
 */
export const MAX_SHOWN = 3;

export type Announcement =
  | { kind: 'one'; notification: StaffNotificationDoc }
  | { kind: 'summary'; count: number };

export class Announcer {
  #seen = new Set<string>();
  #ready = false;

  /** Everything known up to now is old news; call when the first sync is done. */
  start(current: readonly StaffNotificationDoc[]): void {
    for (const d of current) this.#seen.add(d.id);
    this.#ready = true;
  }

  /** What to announce of the current list (newest first), and remembers it. */
  next(current: readonly StaffNotificationDoc[]): Announcement[] {
    if (!this.#ready) return [];
    const fresh = current.filter((d) => !this.#seen.has(d.id));
    for (const d of fresh) this.#seen.add(d.id);
    const unread = fresh.filter((d) => d.readAt === null);
    if (unread.length <= MAX_SHOWN) return unread.map((n) => ({ kind: 'one', notification: n }));
    return [
      ...unread.slice(0, MAX_SHOWN - 1).map((n): Announcement => ({ kind: 'one', notification: n })),
      { kind: 'summary', count: unread.length - (MAX_SHOWN - 1) },
    ];
  }
}
