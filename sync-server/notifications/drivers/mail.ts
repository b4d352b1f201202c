import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { maskEmail } from '../store.ts';
import { redactLinks, type DriverLog, type SendOutcome } from './types.ts';

/** Staff e-mail: SMTP through nodemailer (`SMTP_URL`), or recorded and logged without it. */
export type MailMessage = { to: string; from: string; subject: string; text: string; messageId: string };

export interface MailDriver {
  readonly name: string;
  send(message: MailMessage): Promise<SendOutcome>;
  close(): void;
}

/** Bounds on one SMTP attempt; the outbox lease for e-mail is longer than their sum. */
export const SMTP_TIMEOUTS_MS = { connection: 10_000, greeting: 10_000, socket: 20_000 } as const;

export class SmtpMailDriver implements MailDriver {
  readonly name = 'smtp';
  readonly #transport: nodemailer.Transporter<SMTPTransport.SentMessageInfo>;

  constructor(url: string) {
    this.#transport = nodemailer.createTransport({
      url,
      connectionTimeout: SMTP_TIMEOUTS_MS.connection,
      greetingTimeout: SMTP_TIMEOUTS_MS.greeting,
      socketTimeout: SMTP_TIMEOUTS_MS.socket,
    });
  }

  async send(message: MailMessage): Promise<SendOutcome> {
    try {
      const info = await this.#transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        // The same Message-ID on every attempt, so a mail server or client can recognise a repeat.
        messageId: message.messageId,
      });
      return { kind: 'sent', providerId: info.messageId ?? null };
    } catch (err) {
      const code = (err as { responseCode?: unknown }).responseCode;
      const text = err instanceof Error ? err.message.slice(0, 300) : String(err);
      // 5xx from the server is a refusal (bad address, policy); anything else may pass later.
      if (typeof code === 'number' && code >= 500 && code < 600) return { kind: 'permanent', error: text };
      return { kind: 'retry', error: text };
    }
  }

  close(): void {
    this.#transport.close();
  }
}

export class RecordingMailDriver implements MailDriver {
  readonly name = 'recording';
  constructor(private readonly log: DriverLog) {}

  async send(message: MailMessage): Promise<SendOutcome> {
    this.log.info({ to: maskEmail(message.to), subject: message.subject, text: redactLinks(message.text) }, 'e-mail not sent (no SMTP_URL): recorded only');
    return { kind: 'not_sent', reason: 'no SMTP server configured' };
  }

  close(): void {}
}

export function mailDriverFor(config: { smtpUrl: string | null }, log: DriverLog): MailDriver {
  return config.smtpUrl === null ? new RecordingMailDriver(log) : new SmtpMailDriver(config.smtpUrl);
}
