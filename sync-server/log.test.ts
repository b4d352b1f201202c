import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './log.ts';

describe('request logs', () => {
  it('never contain a tracking secret or an explanation token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ loggerInstance: createLogger('info', sink) });
    app.get('/complaints/track/:ref/', async () => 'ok');
    app.get('/explanations/:token', async () => 'ok');
    await app.inject({ url: '/complaints/track/CMP-2026-000001/?s=SECRET-abc123&lang=en' });
    await app.inject({ url: '/explanations/TOKEN-xyz789?lang=ar' });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/complaints/track/CMP-2026-000001/?[redacted]');
    expect(log).toContain('/explanations/[redacted]');
    expect(log).not.toContain('SECRET-abc123');
    expect(log).not.toContain('TOKEN-xyz789');
  });

  it('keeps paths without secrets readable', () => {
    expect(redactUrl('/api/v1/complaints/CMP-2026-000001')).toBe('/api/v1/complaints/CMP-2026-000001');
    expect(redactUrl('/api/v1/replication/complaints/pull?hospitalId=h&seq=3')).toBe('/api/v1/replication/complaints/pull?[redacted]');
  });
});
