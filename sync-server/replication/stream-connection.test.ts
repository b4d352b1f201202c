import { describe, expect, it, vi } from 'vitest';
import { StreamConnection } from './stream.ts';

// Fake timers in a file of their own: they must not capture the timers of a running server.
describe('stream connection', () => {
  it('coalesces a burst of changes into one message', async () => {
    vi.useFakeTimers();
    try {
      const conn = new StreamConnection('h1', () => undefined, 60_000);
      const chunks: string[] = [];
      conn.body.on('data', (c: Buffer) => chunks.push(c.toString()));
      for (let i = 0; i < 100; i++) conn.changed(i % 2 ? ['complaints'] : ['events']);
      await vi.advanceTimersByTimeAsync(60);
      expect(chunks).toEqual(['event: changed\ndata: {"collections":["complaints","events"]}\n\n']);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(chunks[1]).toBe(': heartbeat\n\n');
      conn.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
