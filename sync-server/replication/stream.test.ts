import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaseResponse } from '../../shared/api.ts';
import { createSource } from '../bootstrap.ts';
import { deskComplaint, lease, pushNew, setupWorld, type World } from '../complaints/fixtures.ts';
import { withTx } from '../db/pool.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let srv: TestServer;
let w: World;
let mainBlock: LeaseResponse;
let northBlock: LeaseResponse;
let n = 0;

beforeAll(async () => {
  srv = await startTestServer();
  w = await setupWorld(srv);
  mainBlock = await lease(srv, w.tokens.mainDesk, w.main.id);
  northBlock = await lease(srv, w.tokens.northDesk, w.north.id);
});
afterAll(async () => {
  await srv?.close();
});

type Message = { event: string; data: string };

/** Reads a Server-Sent Events stream the way the desk does: fetch with a bearer header. */
async function openStream(token: string, hospitalId: string) {
  const abort = new AbortController();
  const res = await fetch(`${srv.url}/api/v1/replication/stream?hospitalId=${hospitalId}`, {
    headers: { authorization: `Bearer ${token}`, origin: 'app://desk' },
    signal: abort.signal,
  });
  const messages: Message[] = [];
  const waiters = new Set<() => void>();
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
            if (event) messages.push({ event, data });
            for (const wake of waiters) wake();
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  async function next(predicate: (m: Message) => boolean, timeoutMs = 3_000): Promise<Message | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
        setTimeout(wake, left);
      });
    }
  }
  return { res, messages, next, close: () => abort.abort() };
}

const changed = (collection: string) => (m: Message) =>
  m.event === 'changed' && (JSON.parse(m.data) as { collections: string[] }).collections.includes(collection);

describe('replication stream', () => {
  it('says hello, then tells each hospital only about its own changes and group-wide ones', async () => {
    const main = await openStream(w.tokens.mainDesk, w.main.id);
    const north = await openStream(w.tokens.northDesk, w.north.id);
    try {
      expect(main.res.status).toBe(200);
      expect(main.res.headers.get('content-type')).toContain('text/event-stream');
      // The desk's renderer reads the stream cross-origin.
      expect(main.res.headers.get('access-control-allow-origin')).toBe('*');
      expect(main.messages[0]?.event ?? (await main.next((m) => m.event === 'hello'))?.event).toBe('hello');
      expect(await north.next((m) => m.event === 'hello')).not.toBeNull();

      await pushNew(srv, w.tokens.mainDesk, deskComplaint(w.main.id, mainBlock, n++, w.users.mainDesk, srv.deps.clock.now()));
      expect(await main.next(changed('complaints'))).not.toBeNull();

      await pushNew(srv, w.tokens.northDesk, deskComplaint(w.north.id, northBlock, n++, w.users.northDesk, srv.deps.clock.now()));
      expect(await north.next(changed('complaints'))).not.toBeNull();
      await withTx(srv.db.pool, (tx) => createSource(tx, { code: 'PORTAL', nameEn: 'Portal', nameAr: 'البوابة', kind: 'external', now: 1 }));
      expect(await main.next(changed('sources'))).not.toBeNull();
      expect(await north.next(changed('sources'))).not.toBeNull();
      // By now (messages arrive in order) main has heard about its own complaint only.
      expect(main.messages.filter(changed('complaints'))).toHaveLength(1);
      expect(north.messages.filter(changed('complaints'))).toHaveLength(1);
    } finally {
      main.close();
      north.close();
    }
  });

  it('refuses a hospital the caller may not see, and a missing token', async () => {
    const other = await openStream(w.tokens.mainDesk, w.north.id);
    expect(other.res.status).toBe(403);
    const anonymous = await fetch(`${srv.url}/api/v1/replication/stream?hospitalId=${w.main.id}`);
    expect(anonymous.status).toBe(401);
  });

  it('reconnects its database listener and asks the desks to resync everything', async () => {
    const main = await openStream(w.tokens.mainDesk, w.main.id);
    try {
      await main.next((m) => m.event === 'hello');
      await srv.db.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'complaint-desk-replication-stream' AND datname = current_database()`,
      );
      const resync = await main.next(changed('slaConfigs'), 10_000);
      expect(resync).not.toBeNull();
      // And it hears changes again afterwards.
      await pushNew(srv, w.tokens.mainDesk, deskComplaint(w.main.id, mainBlock, n++, w.users.mainDesk, srv.deps.clock.now()));
      const before = main.messages.length;
      expect(await main.next((m) => main.messages.indexOf(m) >= before && changed('complaints')(m))).not.toBeNull();
    } finally {
      main.close();
    }
  });
});
