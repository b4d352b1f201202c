import { describe, expect, it } from 'vitest';
import { SyncStatusStore } from './status.ts';

describe('sync status', () => {
  it('is online only when the browser has a network and the last request reached the server', () => {
    const store = new SyncStatusStore();
    let notified = 0;
    store.subscribe(() => notified++);
    expect(store.getSnapshot().online).toBe(true);
    store.requestOutcome(false);
    expect(store.getSnapshot().online).toBe(false);
    store.requestOutcome(true);
    store.update({ browserOnline: false });
    expect(store.getSnapshot().online).toBe(false);
    store.update({ browserOnline: true });
    expect(store.getSnapshot().online).toBe(true);
    expect(notified).toBe(4);
  });

  it('does not notify when nothing changed (React would re-render for nothing)', () => {
    const store = new SyncStatusStore({ pending: 2 });
    let notified = 0;
    store.subscribe(() => notified++);
    const before = store.getSnapshot();
    store.update({ pending: 2 });
    store.requestOutcome(true);
    expect(notified).toBe(0);
    expect(store.getSnapshot()).toBe(before);
  });
});
