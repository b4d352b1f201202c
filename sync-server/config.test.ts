import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('applies the brief defaults to an empty environment', () => {
    expect(parseConfig({})).toEqual({
      nodeEnv: 'development',
      logLevel: 'info',
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: null,
      baseUrl: 'http://localhost:8080',
      orgName: 'SHCT',
      supportPhone: null,
      smsGatewayUrl: null,
      smsGatewayUsername: null,
      smsGatewayPassword: null,
      smsGatewaySender: null,
      smsGatewayTimeoutMs: 10_000,
      smtpUrl: null,
      mailFrom: null,
      amqpUrl: null,
      amqpExchange: 'complaint-desk.events',
      adminPassword: null,
      clock: 'system',
      clockStart: null,
      embeddedPgPort: null,
      attachmentsDir: path.join('data', 'attachments'),
    });
  });

  it('keeps attachments under DATA_DIR unless ATTACHMENTS_DIR says where', () => {
    expect(parseConfig({ DATA_DIR: '/var/lib/desk' }).attachmentsDir).toBe(path.join('/var/lib/desk', 'attachments'));
    expect(parseConfig({ DATA_DIR: '/var/lib/desk', ATTACHMENTS_DIR: '/mnt/shared/files' }).attachmentsDir).toBe('/mnt/shared/files');
  });

  it('reads every variable', () => {
    const c = parseConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/desk',
      DATABASE_URL: 'postgres://u:p@db:5432/desk',
      BASE_URL: 'https://px.example.org/',
      ORG_NAME: 'KFMC',
      SUPPORT_PHONE: '8001234567',
      SMS_GATEWAY_URL: 'https://sms.example.org/send',
      SMS_GATEWAY_USERNAME: 'u',
      SMS_GATEWAY_PASSWORD: 'p',
      SMS_GATEWAY_SENDER: 'KFMC',
      SMS_GATEWAY_TIMEOUT_MS: '2500',
      SMTP_URL: 'smtp://mail:25',
      MAIL_FROM: 'px@example.org',
      AMQP_URL: 'amqp://guest:guest@mq:5672',
      AMQP_EXCHANGE: 'px.events',
      ADMIN_PASSWORD: 'long-enough-1',
      CLOCK: 'system',
      EMBEDDED_PG_PORT: '55432',
    });
    expect(c).toMatchObject({
      nodeEnv: 'production',
      logLevel: 'debug',
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/desk',
      baseUrl: 'https://px.example.org',
      orgName: 'KFMC',
      supportPhone: '8001234567',
      smsGatewayUrl: 'https://sms.example.org/send',
      smsGatewaySender: 'KFMC',
      smsGatewayTimeoutMs: 2500,
      smtpUrl: 'smtp://mail:25',
      amqpUrl: 'amqp://guest:guest@mq:5672',
      amqpExchange: 'px.events',
      adminPassword: 'long-enough-1',
      embeddedPgPort: 55432,
    });
  });

  it('derives BASE_URL from PORT and treats empty strings as unset', () => {
    expect(parseConfig({ PORT: '3000', BASE_URL: '' }).baseUrl).toBe('http://localhost:3000');
    expect(parseConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeNull();
  });

  it('starts a manual clock where told', () => {
    const c = parseConfig({ CLOCK: 'manual', CLOCK_START: '2026-01-01T00:00:00Z' });
    expect(c.clock).toBe('manual');
    expect(c.clockStart).toBe(Date.UTC(2026, 0, 1));
  });

  it('refuses CLOCK=manual in production', () => {
    expect(() => parseConfig({ CLOCK: 'manual', NODE_ENV: 'production' })).toThrow(/CLOCK: manual is refused/);
  });

  it('lists every bad variable at once, without echoing secrets', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', CLOCK: 'sundial', DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short', EMBEDDED_PG_PORT: '5432' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(Object.keys(problems).sort()).toEqual(['ADMIN_PASSWORD', 'CLOCK', 'DATABASE_URL', 'EMBEDDED_PG_PORT', 'PORT']);
    expect((error as Error).message).toContain('PORT');
    expect((error as Error).message).not.toContain('short');
  });

  it('needs the gateway credentials with a gateway URL, and a sane time-out', () => {
    expect(() => parseConfig({ SMS_GATEWAY_URL: 'https://sms.example.org/send' })).toThrow(
      /SMS_GATEWAY_USERNAME: required when SMS_GATEWAY_URL is set[\s\S]*SMS_GATEWAY_PASSWORD: required/,
    );
    expect(() => parseConfig({ SMS_GATEWAY_TIMEOUT_MS: '5' })).toThrow(/SMS_GATEWAY_TIMEOUT_MS/);
    expect(parseConfig({ SMS_GATEWAY_USERNAME: 'u' }).smsGatewayUrl).toBeNull();
  });
});
