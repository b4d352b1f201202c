import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { OfflineError, type Api, type RequestOptions } from '../../sync/http.ts';
import { SyncStatusStore } from '../../sync/status.ts';
import { LocalFiles, type LocalFile } from './local-files.ts';
import { AttachmentUploads } from './uploads.ts';

type Answer = number | 'offline';

/** A server that answers each PUT from a script (last answer repeats) and records what it got. */
function fakeApi(script: Record<string, Answer[]>) {
  const calls: Array<{ path: string; options: RequestOptions }> = [];
  const api: Api = {
    serverUrl: 'http://server.test',
    async request(path, options = {}) {
      calls.push({ path, options });
      const id = path.split('/').pop()?.split('?')[0] ?? '';
      const answers = script[id] ?? [201];
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (answer === 'offline') throw new OfflineError(new Error('down'));
      const body = answer === 422 ? { error: 'attachment_rejected', reason: 'wrong_type' } : {};
      return new Response(JSON.stringify(body), { status: answer, headers: { 'content-type': 'application/json' } });
    },
    async json() {
      throw new Error('not used');
    },
  };
  return { api, calls };
}

/** Timers run only when the test says so, and say how long they asked for. */
function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number }> = [];
  return {
    delays: () => pending.map((t) => t.ms),
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms };
      pending.push(t);
      return t;
    },
    clearTimer: (h: unknown) => {
      const i = pending.indexOf(h as (typeof pending)[number]);
      if (i >= 0) pending.splice(i, 1);
    },
    fire: () => pending.splice(0).forEach((t) => t.fn()),
  };
}

const BYTES = new Uint8Array([1, 2, 3]).buffer;

const file = (id: string, over: Partial<LocalFile> = {}): LocalFile => ({
  id,
  complaintId: 'c1',
  hospitalId: 'h1',
  name: `${id}.png`,
  type: 'image/png',
  size: 3,
  sha256: 'a'.repeat(64),
  state: 'pending',
  reason: null,
  addedAt: 0,
  ...over,
});

let uploads: AttachmentUploads | null = null;
afterEach(() => uploads?.stop());

async function setup(script: Record<string, Answer[]>, online = true) {
  const files = new LocalFiles('test-files', new IDBFactory());
  const status = new SyncStatusStore({ browserOnline: online });
  const timers = manualTimers();
  const { api, calls } = fakeApi(script);
  uploads = new AttachmentUploads({ files, api, status, setTimer: timers.setTimer, clearTimer: timers.clearTimer });
  return { files, status, timers, calls, uploads };
}

describe('attachment uploads', () => {
  it('sends each pending file once with its bytes and type, and keeps a refused one marked with the reason', async () => {
    const { files, calls, uploads } = await setup({ bad: [422] });
    await files.put(file('good'), BYTES);
    await files.put(file('bad'), BYTES);
    await files.put(file('done', { state: 'uploaded' }), BYTES);
    await uploads.run();

    expect(calls.map((c) => c.path).sort()).toEqual([
      '/api/v1/complaints/c1/attachments/bad?name=bad.png',
      '/api/v1/complaints/c1/attachments/good?name=good.png',
    ]);
    expect(calls[0]?.options).toMatchObject({ method: 'PUT', raw: { type: 'image/png' } });
    expect(new Uint8Array(calls[0]?.options.raw?.data as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
    expect((await files.get('good'))?.state).toBe('uploaded');
    expect(await files.get('bad')).toMatchObject({ state: 'rejected', reason: 'wrong_type' });

    await uploads.run();
    expect(calls).toHaveLength(2);
  });

  it('tries again later, waiting longer each time, while the server is unreachable or lacks the complaint', async () => {
    const { files, timers, calls, uploads } = await setup({ photo: ['offline', 404, 404, 201] });
    await files.put(file('photo'), BYTES);
    await uploads.run();
    expect(timers.delays()).toEqual([1_000]);
    timers.fire();
    await uploads.idle();
    expect(timers.delays()).toEqual([2_000]);
    timers.fire();
    await uploads.idle();
    expect(timers.delays()).toEqual([4_000]);
    expect((await files.get('photo'))?.state).toBe('pending');
    timers.fire();
    await uploads.idle();
    expect(calls).toHaveLength(4);
    expect((await files.get('photo'))?.state).toBe('uploaded');
    expect(timers.delays()).toEqual([]);
  });

  it('tries at once when the desk comes back online, without waiting out the back-off', async () => {
    const { files, status, timers, calls, uploads } = await setup({ photo: ['offline', 201] });
    await files.put(file('photo'), BYTES);
    await uploads.run();
    expect(calls).toHaveLength(1);
    status.update({ lastRequestOk: false });
    status.update({ lastRequestOk: true });
    await expect.poll(async () => (await files.get('photo'))?.state).toBe('uploaded');
    expect(calls).toHaveLength(2);
    expect(timers.delays()).toEqual([]);
  });
});
