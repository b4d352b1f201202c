import { afterEach, describe, expect, it } from 'vitest';
import { firstValueFrom, filter } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { StaffNotificationDoc } from '../../../shared/documents.ts';
import { createDeskDatabase, type DeskDatabase } from '../../db/database.ts';
import { createI18n } from '../../i18n/index.ts';
import { Outbox } from '../../sync/outbox.ts';
import { uniqueName } from '../../testing/fixtures.ts';
import { Announcer, MAX_SHOWN } from './announce.ts';
import { markRead, unreadCount, watchNotifications } from './data.ts';
import { showOsNotification, type WebNotifications } from './os-notify.ts';
import { notificationText } from './text.ts';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
let n = 0;
function note(over: Partial<StaffNotificationDoc> = {}): StaffNotificationDoc {
  n += 1;
  return {
    id: `n_${n}`,
    hospitalId: 'h1',
    userId: 'u1',
    kind: 'assigned',
    complaintId: `c${n}`,
    referenceNumber: `CMP-2026-${String(n).padStart(6, '0')}`,
    complaintTitle: 'Long wait in the clinic',
    causeId: `e${n}`,
    level: null,
    createdAt: T0 + n * 60_000,
    readAt: null,
    ...over,
  };
}

let open: DeskDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.map((db) => db.close()));
  open = [];
});
async function database(): Promise<DeskDatabase> {
  const db = await createDeskDatabase({ name: uniqueName('inbox'), storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) });
  open.push(db);
  return db;
}

describe('the user’s notifications on the desk', () => {
  it('lists only the signed-in user’s, newest first, and counts the unread', async () => {
    const db = await database();
    const older = note();
    const newer = note({ readAt: T0 });
    const someoneElse = note({ userId: 'u2' });
    await db.notifications.bulkInsert([newer, someoneElse, older]);
    const list = await firstValueFrom(watchNotifications(db, 'u1'));
    expect(list.map((d) => d.id)).toEqual([newer.id, older.id]);
    expect(unreadCount(list)).toBe(1);
  });

  it('marks one read, records it for the push, and never touches another user’s', async () => {
    const db = await database();
    const outbox = new Outbox();
    const mine = note();
    const theirs = note({ userId: 'u2' });
    await db.notifications.bulkInsert([mine, theirs]);
    expect(await markRead({ db, outbox, userId: 'u1' }, mine.id, T0 + 5)).toBe(true);
    expect(outbox.count).toBe(1);
    expect(await markRead({ db, outbox, userId: 'u1' }, mine.id, T0 + 9)).toBe(false);
    expect(await markRead({ db, outbox, userId: 'u1' }, theirs.id, T0 + 9)).toBe(false);
    const list = await firstValueFrom(watchNotifications(db, 'u1').pipe(filter((l) => l[0]?.readAt !== null)));
    expect(list[0]?.readAt).toBe(T0 + 5);
    expect((await db.notifications.findOne(theirs.id).exec())?.readAt).toBeNull();
  });
});

describe('OS notifications', () => {
  it('announce nothing of what was there at start, then each new unread one', () => {
    const a = new Announcer();
    const old = note();
    expect(a.next([old])).toEqual([]); // before the first sync finished
    a.start([old]);
    const fresh = note();
    const alreadyRead = note({ readAt: T0 });
    expect(a.next([fresh, alreadyRead, old])).toEqual([{ kind: 'one', notification: fresh }]);
    expect(a.next([fresh, alreadyRead, old])).toEqual([]);
  });

  it('summarise a burst instead of flooding the screen', () => {
    const a = new Announcer();
    a.start([]);
    const burst = Array.from({ length: 7 }, () => note());
    const shown = a.next(burst);
    expect(shown).toHaveLength(MAX_SHOWN);
    expect(shown.at(-1)).toEqual({ kind: 'summary', count: 7 - (MAX_SHOWN - 1) });
  });

  it('go through Electron when the desk runs in the app, with the complaint to open', async () => {
    const sent: unknown[] = [];
    const desk = { notify: async (x: unknown) => void sent.push(x) } as never;
    expect(await showOsNotification({ title: 'T', body: 'B', complaintId: 'c1' }, { desk, web: null, open: () => undefined })).toBe('desk');
    expect(sent).toEqual([{ title: 'T', body: 'B', complaintId: 'c1' }]);
  });

  it('fall back to the Web Notification API only where it is already allowed, else show nothing', async () => {
    const made: { title: string; onclick: ((e: Event) => void) | null }[] = [];
    const web = (permission: string): WebNotifications => ({
      permission,
      create: (title) => {
        const shown = { title, onclick: null };
        made.push(shown);
        return shown;
      },
    });
    const opened: string[] = [];
    const targets = (w: WebNotifications | null) => ({ desk: null, web: w, open: (id: string) => opened.push(id) });
    expect(await showOsNotification({ title: 'T', body: 'B', complaintId: 'c9' }, targets(web('default')))).toBe('none');
    expect(await showOsNotification({ title: 'T', body: 'B', complaintId: 'c9' }, targets(null))).toBe('none');
    expect(made).toEqual([]);
    expect(await showOsNotification({ title: 'T', body: 'B', complaintId: 'c9' }, targets(web('granted')))).toBe('web');
    made[0]?.onclick?.(new Event('click'));
    expect(opened).toEqual(['c9']);
  });
});

describe('notification wording', () => {
  it('says what happened and to which complaint, in Arabic and English', async () => {
    const en = await createI18n('en');
    const ar = await createI18n('ar');
    const assigned = note({ referenceNumber: 'CMP-2026-000123', complaintTitle: 'Noise' });
    expect(notificationText(en.t, assigned)).toEqual({ title: 'Assigned to you', body: 'CMP-2026-000123 — Noise' });
    expect(notificationText(ar.t, assigned).title).toBe('أُسندت إليك');
    expect(notificationText(en.t, note({ kind: 'reminder', level: 2 })).title).toMatch(/^URGENT/);
    expect(notificationText(en.t, note({ kind: 'escalated', level: 3 })).title).toBe('Escalated to you (level 3)');
    for (const kind of ['assigned', 'reminder', 'overdue', 'escalated', 'explanation_requested', 'new_complaint'] as const) {
      for (const i18n of [en, ar]) expect(i18n.exists(`inbox.kind.${kind}`), `${i18n.language} ${kind}`).toBe(true);
    }
  });
});
