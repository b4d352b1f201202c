import http from 'node:http';
import https from 'node:https';
import { maskPhone } from '../../../shared/phone.ts';
import { redactLinks, type DriverLog, type SendOutcome } from './types.ts';

/**
 * SMS providers behind one interface. `HttpSmsDriver` is the brief's generic HTTP gateway; others
 * (Twilio, Unifonic, …) implement `SmsDriver` the same way and are chosen in `smsDriverFor`.
 */
export type SmsMessage = {
  /** E.164. */
  to: string;
  text: string;
  /** Stable for the message across attempts: the gateway uses it to drop a repeat. */
  reference: string;
};

export interface SmsDriver {
  readonly name: string;
  send(message: SmsMessage): Promise<SendOutcome>;
  /** Lets go of kept-alive connections (at shutdown). */
  close?(): void;
}

export type HttpSmsOptions = { url: string; username: string; password: string; sender: string; timeoutMs: number };

/**
 * The generic HTTP driver (brief §4, "SMS gateway"): `POST $SMS_GATEWAY_URL`, HTTP Basic auth,
 * JSON `{sender, to, text, reference}`. 2xx = accepted (a JSON `id` is the provider's message id);
 * 429, 5xx, a time-out or a network error = try again later; any other answer = refused for good.
 */
export class HttpSmsDriver implements SmsDriver {
  readonly name = 'http';
  readonly #auth: string;
  readonly #url: URL;
  // Kept-alive connections: a burst reuses a few sockets instead of a handshake per message.
  readonly #agent: http.Agent;

  constructor(private readonly options: HttpSmsOptions) {
    this.#auth = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`;
    this.#url = new URL(options.url);
    const agentOptions = { keepAlive: true, maxSockets: 64 };
    this.#agent = this.#url.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  }

  send(message: SmsMessage): Promise<SendOutcome> {
    const payload = Buffer.from(JSON.stringify({ sender: this.options.sender, to: message.to, text: message.text, reference: message.reference }), 'utf8');
    const request = this.#url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve) => {
      let settled = false;
      const done = (o: SendOutcome) => {
        if (!settled) {
          settled = true;
          resolve(o);
        }
      };
      const req = request(
        this.#url,
        {
          method: 'POST',
          agent: this.#agent,
          headers: { authorization: this.#auth, 'content-type': 'application/json', accept: 'application/json', 'content-length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => {
            // Only the start of an answer matters (an id, or an error to show staff).
            if (chunks.reduce((n, b) => n + b.length, 0) < 4_096) chunks.push(c);
          });
          res.on('error', () => undefined);
          res.on('end', () => {
            clearTimeout(timer);
            done(outcomeOf(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
          });
        },
      );
      const timer = setTimeout(() => {
        done({ kind: 'retry', error: `timed out after ${this.options.timeoutMs} ms` });
        req.destroy();
      }, this.options.timeoutMs);
      req.on('error', (err: Error) => {
        clearTimeout(timer);
        done({ kind: 'retry', error: `gateway unreachable: ${err.message}` });
      });
      req.end(payload);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

function outcomeOf(status: number, body: string): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent', providerId: providerIdOf(body) };
  const error = `HTTP ${status}${body.trim() ? `: ${body.trim().slice(0, 200)}` : ''}`;
  if (status === 429 || status >= 500) return { kind: 'retry', error };
  return { kind: 'permanent', error };
}

function providerIdOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'id' in parsed) {
      const id = (parsed as { id: unknown }).id;
      if (typeof id === 'string' && id.trim() !== '') return id.slice(0, 200);
      if (typeof id === 'number' && Number.isFinite(id)) return String(id);
    }
  } catch {
    // Not JSON: accepted without an id.
  }
  return null;
}

/** Without SMS_GATEWAY_URL: every SMS is logged (links redacted) and recorded as not sent. */
export class RecordingSmsDriver implements SmsDriver {
  readonly name = 'recording';
  constructor(private readonly log: DriverLog) {}

  async send(message: SmsMessage): Promise<SendOutcome> {
    this.log.info({ to: maskPhone(message.to), reference: message.reference, text: redactLinks(message.text) }, 'SMS not sent (no SMS_GATEWAY_URL): recorded only');
    return { kind: 'not_sent', reason: 'no SMS gateway configured' };
  }
}

export type SmsConfig = {
  smsGatewayUrl: string | null;
  smsGatewayUsername: string | null;
  smsGatewayPassword: string | null;
  smsGatewaySender: string | null;
  smsGatewayTimeoutMs: number;
  orgName: string;
};

export function smsDriverFor(config: SmsConfig, log: DriverLog): SmsDriver {
  if (config.smsGatewayUrl === null) return new RecordingSmsDriver(log);
  return new HttpSmsDriver({
    url: config.smsGatewayUrl,
    username: config.smsGatewayUsername ?? '',
    password: config.smsGatewayPassword ?? '',
    // Without SMS_GATEWAY_SENDER the messages go out under the organisation's name.
    sender: config.smsGatewaySender ?? config.orgName,
    timeoutMs: config.smsGatewayTimeoutMs,
  });
}
