/**
 * Helpers for the public pages' server tests (not a test file): a test server with the
 * notification outbox pointed at a fake SMS gateway on loopback, complaints made through the
 * integration API, and raw HTTP from a chosen loopback address (the rate limits count per address).
 */
import { request as httpRequest } from 'node:http';
import type { ComplaintView } from '../complaints/view.ts';
import { setupWorld, type World } from '../complaints/fixtures.ts';
import { gatewayEnv, startFakeGateway, type FakeGateway } from '../notifications/testing.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

export type PublicWorld = World & { gw: FakeGateway; close(): Promise<void> };

export async function startPublicWorld(env: Record<string, string> = {}): Promise<PublicWorld> {
  const gw = await startFakeGateway();
  const srv = await startTestServer({ env: { ...gatewayEnv(gw), ...env } });
  const w = await setupWorld(srv);
  return {
    ...w,
    gw,
    async close() {
      await srv.close();
      await gw.close();
    },
  };
}

export type Made = ComplaintView & { secret: string; path: string };

export async function makeComplaint(w: World, body: Record<string, unknown> = {}): Promise<Made> {
  const res = await w.srv.call<ComplaintView>('POST', '/api/v1/complaints', {
    token: w.tokens.mainDesk,
    body: {
      hospitalId: w.main.id,
      sourceCode: 'PATIENT',
      title: 'Waited four hours at the pharmacy',
      description: 'The pharmacy queue was very long.',
      complainant: { name: 'Reem Al-Harbi', phone: '0551234567', language: 'ar' },
      ...body,
    },
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  const url = new URL(res.body.trackingUrl);
  return { ...res.body, secret: url.searchParams.get('s') ?? '', path: url.pathname };
}

export async function moveTo(w: World, id: string, steps: readonly (string | { to: string; resolution?: string; comment?: string })[]): Promise<void> {
  for (const step of steps) {
    const body = typeof step === 'string' ? { to: step } : step;
    const res = await w.srv.call('POST', `/api/v1/complaints/${id}/transitions`, { token: w.tokens.mainDesk, body });
    if (res.status !== 200) throw new Error(`transition to ${body.to} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export const CLOSE_STEPS = ['ASSIGNED', 'IN_PROGRESS', { to: 'RESOLVED', resolution: 'We apologised and fixed the queue.' }, 'CLOSED'] as const;

export type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One HTTP request from `localAddress` (any 127.x.y.z is this machine), following no redirect.
 * `form` is sent url-encoded, as a browser sends a form.
 */
export function raw(
  baseUrl: string,
  path: string,
  opts: { method?: string; form?: Record<string, string>; localAddress?: string } = {},
): Promise<RawAnswer> {
  const url = new URL(path, baseUrl);
  const payload = opts.form ? new URLSearchParams(opts.form).toString() : null;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: opts.method ?? (payload === null ? 'GET' : 'POST'),
        localAddress: opts.localAddress ?? '127.0.0.1',
        headers: payload === null ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== null) req.write(payload);
    req.end();
  });
}

/** The page's text as a reader sees it (tags dropped, entities of the escaper decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<style>.*?<\/style>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');
}
