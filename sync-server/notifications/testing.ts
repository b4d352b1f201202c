/**
 * Test doubles for the outbox's outside world, as real servers on loopback (port 0): an SMS
 * gateway speaking the brief's generic HTTP contract, and an SMTP server (smtp-server). Used by the
 * notification tests and the outbox benchmark.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export const GATEWAY_USER = 'gw-user';
export const GATEWAY_PASSWORD = 'gw-password';

export type GatewayRequest = { to: string; text: string; reference: string; sender: string; authorized: boolean };

/**
 * How the gateway answers one request: `ok` takes it (a reference it already has is answered
 * with the same id and not sent again, as a gateway that honours `reference` does); `status`
 * answers that HTTP status without taking it; `accept_then_hang` takes it (the phone gets it)
 * but never answers, like an answer lost to a time-out or to our process dying; `hang` neither.
 */
export type GatewayBehaviour = { kind: 'ok' } | { kind: 'status'; status: number } | { kind: 'accept_then_hang' } | { kind: 'hang' };

export type FakeGateway = {
  url: string;
  /** Every request, in arrival order. */
  requests: GatewayRequest[];
  /** What reached phones: one entry per reference the gateway took. */
  delivered: Map<string, { to: string; text: string; id: string }>;
  /** Decides each answer; default `ok`. */
  behave: (req: GatewayRequest, nth: number) => GatewayBehaviour;
  /** Called when a request arrives (after the behaviour is chosen). */
  onRequest: (req: GatewayRequest) => void;
  close(): Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeGateway(): Promise<FakeGateway> {
  const hanging = new Set<ServerResponse>();
  let seq = 0;
  const gw: FakeGateway = {
    url: '',
    requests: [],
    delivered: new Map(),
    behave: () => ({ kind: 'ok' }),
    onRequest: () => undefined,
    close: async () => undefined,
  };
  const expected = `Basic ${Buffer.from(`${GATEWAY_USER}:${GATEWAY_PASSWORD}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET') {
      // What a benchmark running the gateway in another process reads back.
      const references = new Set(gw.requests.map((r) => r.reference));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests: gw.requests.length, references: references.size, delivered: gw.delivered.size }));
      return;
    }
    void (async () => {
      const raw = await readBody(req);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        // answered 400 below
      }
      const r: GatewayRequest = {
        to: String(body.to ?? ''),
        text: String(body.text ?? ''),
        reference: String(body.reference ?? ''),
        sender: String(body.sender ?? ''),
        authorized: req.headers.authorization === expected,
      };
      gw.requests.push(r);
      const nth = gw.requests.filter((x) => x.reference === r.reference).length;
      if (!r.authorized) return res.writeHead(401).end();
      if (!r.reference || !r.to) return res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad request"}');
      const b = gw.behave(r, nth);
      gw.onRequest(r);
      if (b.kind === 'status') return res.writeHead(b.status, { 'content-type': 'application/json' }).end(`{"error":"status ${b.status}"}`);
      if (b.kind === 'hang' || b.kind === 'accept_then_hang') {
        if (b.kind === 'accept_then_hang' && !gw.delivered.has(r.reference)) gw.delivered.set(r.reference, { to: r.to, text: r.text, id: `gw-${++seq}` });
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      let entry = gw.delivered.get(r.reference);
      if (!entry) {
        entry = { to: r.to, text: r.text, id: `gw-${++seq}` };
        gw.delivered.set(r.reference, entry);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: entry.id }));
    })();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gw.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  gw.close = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return gw;
}

/** Server variables pointing the SMS driver at a fake gateway. */
export function gatewayEnv(gw: FakeGateway, timeoutMs = 500): Record<string, string> {
  return {
    SMS_GATEWAY_URL: gw.url,
    SMS_GATEWAY_USERNAME: GATEWAY_USER,
    SMS_GATEWAY_PASSWORD: GATEWAY_PASSWORD,
    SMS_GATEWAY_SENDER: 'SHCT',
    SMS_GATEWAY_TIMEOUT_MS: String(timeoutMs),
  };
}

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; messageId: string };
export type FakeSmtp = { url: string; mails: ReceivedMail[]; close(): Promise<void> };

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** A single-part text mail as nodemailer writes it: headers, then a base64 or quoted-printable body. */
export function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return { subject: decodeWords(header('Subject')), text: text.replace(/\r\n/g, '\n').trim(), messageId: header('Message-ID') };
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Polls until `check` returns something other than undefined/false (bounded; no timing asserted). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 30_000): Promise<Exclude<T, false | undefined>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
