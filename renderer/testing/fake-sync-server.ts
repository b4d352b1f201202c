/// <reference types="node" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stableStringify } from '../../shared/merge.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/replication.ts';

/**
 * A tiny in-process stand-in for the sync server, speaking the wire protocol of
 * shared/replication.ts on 127.0.0.1, for the renderer's unit tests only (the e2e tests use the
 * real server). Conflicts are simplified: a push whose assumed state is not the current state
 * is refused and answered with the current state.
 */
/** The one user of the fake: `desk` with this password, group-level (no hospital of its own). */
export const FAKE_PASSWORD = 'Desk-pass-123';

type Row = { seq: number; doc: Record<string, unknown> & { id: string; _deleted: boolean } };

export type FakeServer = {
  url: string;
  requests: { method: string; path: string; query: Record<string, string> }[];
  /** Writes as another desk or the server itself would, and tells connected streams. */
  put(collection: CollectionName, doc: Record<string, unknown> & { id: string }, notify?: boolean): void;
  get(collection: CollectionName, id: string): Record<string, unknown> | undefined;
  count(collection: CollectionName): number;
  /** Invalidate every access token: the next request answers 401 until a refresh. */
  expireTokens(): void;
  /** Simulate the network being down: every connection is cut. */
  setDown(down: boolean): void;
  refreshCount(): number;
  close(): Promise<void>;
};

export async function startFakeServer(): Promise<FakeServer> {
  let seq = 0;
  let down = false;
  let tokenGeneration = 1;
  let refreshes = 0;
  // The access token can expire on its own; the refresh token of the same generation still works.
  let accessValid = true;
  const data = new Map<CollectionName, Map<string, Row>>(COLLECTION_NAMES.map((c) => [c, new Map()]));
  const streams = new Set<ServerResponse>();
  const requests: FakeServer['requests'] = [];

  const write = (collection: CollectionName, doc: Record<string, unknown> & { id: string }) => {
    const row: Row = { seq: ++seq, doc: { _deleted: false, ...doc } };
    data.get(collection)!.set(doc.id, row);
  };
  const notify = (collections: CollectionName[]) => {
    for (const s of streams) s.write(`event: changed\ndata: ${JSON.stringify({ collections })}\n\n`);
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<unknown>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null));
      req.on('error', reject);
    });

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (down) {
        req.socket.destroy();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams) });
      if (url.pathname === '/api/v1/auth/refresh') {
        const body = (await readBody(req)) as { refreshToken?: string };
        if (body.refreshToken !== `refresh-${tokenGeneration}`) return send(res, 401, { error: 'invalid_token' });
        refreshes++;
        tokenGeneration++;
        accessValid = true;
        return send(res, 200, {
          accessToken: `access-${tokenGeneration}`,
          refreshToken: `refresh-${tokenGeneration}`,
          user: { id: 'u1', username: 'desk', displayName: 'Desk', role: 'desk_agent', hospitalId: 'h1' },
        });
      }
      if (url.pathname === '/api/v1/auth/login') {
        const body = (await readBody(req)) as { username?: string; password?: string };
        if (body.username !== 'desk' || body.password !== FAKE_PASSWORD) return send(res, 401, { error: 'invalid_credentials' });
        return send(res, 200, {
          accessToken: `access-${tokenGeneration}`,
          refreshToken: `refresh-${tokenGeneration}`,
          user: { id: 'u1', username: 'desk', displayName: 'Desk Agent', role: 'desk_agent', hospitalId: null },
        });
      }
      if (!accessValid || req.headers.authorization !== `Bearer access-${tokenGeneration}`) return send(res, 401, { error: 'unauthorized' });
      if (url.pathname === '/api/v1/replication/stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write('event: hello\ndata: {}\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (url.pathname === '/api/v1/server-info') {
        return send(res, 200, { publicBaseUrl: 'https://track.example.sa', orgName: 'SHCT', supportPhone: null });
      }
      if (url.pathname === '/api/v1/hospitals') {
        return send(res, 200, [...data.get('hospitals')!.values()].map((r) => r.doc).map(({ id, code, nameEn, nameAr }) => ({ id, code, nameEn, nameAr })));
      }
      const m = /^\/api\/v1\/replication\/(\w+)\/(pull|push)$/.exec(url.pathname);
      const collection = m?.[1] as CollectionName | undefined;
      if (!m || !collection || !data.has(collection)) return send(res, 404, { error: 'not_found' });
      const table = data.get(collection)!;
      if (m[2] === 'pull') {
        const since = Number(url.searchParams.get('seq') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 200);
        const rows = [...table.values()].filter((r) => r.seq > since).sort((a, b) => a.seq - b.seq).slice(0, limit);
        const last = rows[rows.length - 1];
        return send(res, 200, { documents: rows.map((r) => r.doc), checkpoint: { seq: last ? last.seq : since } });
      }
      if (collection !== 'complaints' && collection !== 'events') return send(res, 404, { error: 'not_pushable' });
      const body = (await readBody(req)) as {
        deskId: string;
        rows: { assumedMasterState: Row['doc'] | null; newDocumentState: Row['doc'] }[];
      };
      const conflicts: Row['doc'][] = [];
      for (const row of body.rows) {
        const current = table.get(row.newDocumentState.id)?.doc;
        const assumed = row.assumedMasterState;
        if (current && (!assumed || stableStringify(assumed) !== stableStringify(current))) {
          if (stableStringify(current) !== stableStringify(row.newDocumentState)) conflicts.push(current);
          continue;
        }
        write(collection, row.newDocumentState);
      }
      if (body.rows.length > conflicts.length) notify([collection]);
      return send(res, 200, { conflicts });
    })().catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    put(collection, doc, shouldNotify = true) {
      write(collection, doc);
      if (shouldNotify) notify([collection]);
    },
    get: (collection, id) => data.get(collection)!.get(id)?.doc,
    count: (collection) => data.get(collection)!.size,
    expireTokens() {
      accessValid = false;
    },
    setDown(value) {
      down = value;
      if (value) {
        for (const s of streams) s.destroy();
        streams.clear();
      }
    },
    refreshCount: () => refreshes,
    async close() {
      for (const s of streams) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
