import path from 'node:path';
import { z } from 'zod';

/**
 * Server configuration from the environment (brief §4, "Server environment"). Pure: the caller
 * passes the environment, so tests and the test harness build configs without touching
 * `process.env`. Empty strings count as unset, as shells and .env files often produce them.
 */
export type ClockKind = 'system' | 'manual';

export type Config = {
  nodeEnv: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  port: number;
  host: string;
  /** Embedded database (`$DATA_DIR/pg`) and files. Relative paths are kept as given. */
  dataDir: string;
  /** An existing PostgreSQL; null means start the embedded one. */
  databaseUrl: string | null;
  /** Public base of tracking links, without a trailing slash. */
  baseUrl: string;
  orgName: string;
  supportPhone: string | null;
  smsGatewayUrl: string | null;
  smsGatewayUsername: string | null;
  smsGatewayPassword: string | null;
  smsGatewaySender: string | null;
  /** How long one request to the SMS gateway may take before it counts as timed out (and is retried). */
  smsGatewayTimeoutMs: number;
  smtpUrl: string | null;
  mailFrom: string | null;
  amqpUrl: string | null;
  /** The topic exchange complaint events are published to (with `amqpUrl`). */
  amqpExchange: string;
  /** First administrator's password; generated at bootstrap when null. */
  adminPassword: string | null;
  clock: ClockKind;
  /** Where a manual clock starts (epoch ms); null = the system time at start. */
  clockStart: number | null;
  /** Port of the embedded PostgreSQL; null = 54329 when free, else any free port. */
  embeddedPgPort: number | null;
  /**
   * Uploaded attachments (`<dir>/<hospital>/<sha256>`). Default `$DATA_DIR/attachments`; several
   * server instances sharing one database must point `ATTACHMENTS_DIR` at one shared folder.
   */
  attachmentsDir: string;
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optional = z.string().trim().min(1).optional();
const port = z.coerce.number().int().min(0).max(65_535);
const url = z.string().trim().url();
const pgUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://');

const envSchema = z.object({
  NODE_ENV: optional,
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  PORT: port.optional(),
  HOST: optional,
  DATA_DIR: optional,
  DATABASE_URL: pgUrl.optional(),
  BASE_URL: url.optional(),
  ORG_NAME: z.string().trim().min(1).max(40).optional(),
  SUPPORT_PHONE: z.string().trim().min(3).max(30).optional(),
  SMS_GATEWAY_URL: url.optional(),
  SMS_GATEWAY_USERNAME: optional,
  SMS_GATEWAY_PASSWORD: optional,
  SMS_GATEWAY_SENDER: z.string().trim().min(1).max(20).optional(),
  SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).optional(),
  SMTP_URL: z.string().trim().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: optional,
  AMQP_URL: z.string().trim().regex(/^amqps?:\/\//, 'must start with amqp:// or amqps://').optional(),
  AMQP_EXCHANGE: z.string().trim().regex(/^[\w.:-]{1,200}$/, 'letters, digits and . _ - : only').optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  CLOCK: z.enum(['system', 'manual']).optional(),
  CLOCK_START: z.string().trim().datetime({ offset: true }).optional(),
  ATTACHMENTS_DIR: optional,
  EMBEDDED_PG_PORT: port
    .refine((p) => p !== 5432, 'must not be 5432 (a system PostgreSQL usually has it)')
    .refine((p) => p !== 0, 'must be a real port')
    .optional(),
});

export class ConfigError extends Error {
  constructor(readonly problems: Record<string, string>) {
    super(
      `Invalid server configuration:\n${Object.entries(problems)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const parsed = envSchema.safeParse(cleaned);
  const problems: Record<string, string> = {};
  if (cleaned.CLOCK === 'manual' && cleaned.NODE_ENV === 'production') {
    problems.CLOCK = 'manual is refused when NODE_ENV=production';
  }
  if (cleaned.SMS_GATEWAY_URL !== undefined) {
    // The brief's driver authenticates with HTTP Basic, and the provider's receipts and STOP
    // replies are checked against the same credentials.
    for (const key of ['SMS_GATEWAY_USERNAME', 'SMS_GATEWAY_PASSWORD'] as const) {
      if (cleaned[key] === undefined) problems[key] = 'required when SMS_GATEWAY_URL is set';
    }
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '_');
      // Secrets are never echoed back; other values help whoever reads the log.
      const shown = /PASSWORD/.test(key) ? '' : ` (got ${JSON.stringify(cleaned[key] ?? '')})`;
      problems[key] ??= `${issue.message}${shown}`;
    }
  }
  if (!parsed.success || Object.keys(problems).length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const nodeEnv = e.NODE_ENV ?? 'development';
  const clock = e.CLOCK ?? 'system';
  if (e.CLOCK_START !== undefined && clock !== 'manual') {
    throw new ConfigError({ CLOCK_START: 'only meaningful with CLOCK=manual' });
  }
  const listenPort = e.PORT ?? 8080;
  return {
    nodeEnv,
    logLevel: e.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    port: listenPort,
    host: e.HOST ?? '127.0.0.1',
    dataDir: e.DATA_DIR ?? './data',
    databaseUrl: e.DATABASE_URL ?? null,
    baseUrl: (e.BASE_URL ?? `http://localhost:${listenPort}`).replace(/\/+$/, ''),
    orgName: e.ORG_NAME ?? 'SHCT',
    supportPhone: e.SUPPORT_PHONE ?? null,
    smsGatewayUrl: e.SMS_GATEWAY_URL ?? null,
    smsGatewayUsername: e.SMS_GATEWAY_USERNAME ?? null,
    smsGatewayPassword: e.SMS_GATEWAY_PASSWORD ?? null,
    smsGatewaySender: e.SMS_GATEWAY_SENDER ?? null,
    smsGatewayTimeoutMs: e.SMS_GATEWAY_TIMEOUT_MS ?? 10_000,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? null,
    amqpUrl: e.AMQP_URL ?? null,
    amqpExchange: e.AMQP_EXCHANGE ?? 'complaint-desk.events',
    adminPassword: e.ADMIN_PASSWORD ?? null,
    clock,
    clockStart: e.CLOCK_START === undefined ? null : Date.parse(e.CLOCK_START),
    embeddedPgPort: e.EMBEDDED_PG_PORT ?? null,
    attachmentsDir: e.ATTACHMENTS_DIR ?? path.join(e.DATA_DIR ?? './data', 'attachments'),
  };
}
