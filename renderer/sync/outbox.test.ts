import { describe, expect, it } from 'vitest';
import { complaint, event } from '../testing/fixtures.ts';
import { Outbox } from './outbox.ts';

describe('outbox of unacknowledged writes', () => {
  it('counts each written document until a push of that same state is acknowledged', () => {
    const box = new Outbox();
    const c = complaint(1);
    const e = event(c);
    box.record('complaints', c);
    box.record('events', e);
    expect(box.count).toBe(2);
    box.ack('events', [e]);
    expect(box.count).toBe(1);
    // A later edit is still pending after an older state's push is acknowledged.
    const edited = { ...c, priority: 'urgent' as const, updatedAt: c.updatedAt + 1 };
    box.record('complaints', edited);
    box.ack('complaints', [c]);
    expect(box.count).toBe(1);
    box.ack('complaints', [edited]);
    expect(box.count).toBe(0);
  });

  it('ignores server-owned fields and tolerates an ack that arrives before the record', () => {
    const box = new Outbox();
    const c = complaint(2);
    box.ack('complaints', [{ ...c, _deleted: false }]);
    box.record('complaints', { ...c, dueAt: 123, overdue: true });
    expect(box.count).toBe(0);
  });

  it('persists entries and settles the ones from an earlier session once replication caught up', async () => {
    let saved: Record<string, string> = {};
    const persistence = { load: async () => saved, save: async (e: Record<string, string>) => void (saved = e) };
    const first = new Outbox(persistence);
    await first.init();
    first.record('complaints', complaint(3));
    await first.flush();
    expect(Object.keys(saved)).toHaveLength(1);

    const second = new Outbox(persistence);
    await second.init();
    expect(second.count).toBe(1);
    const fresh = complaint(4);
    second.record('complaints', fresh);
    second.settleLoaded();
    expect(second.count).toBe(1);
    second.ack('complaints', [fresh]);
    expect(second.count).toBe(0);
  });
});
