import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/access.ts';
import { ManualClock } from '../clock.ts';
import type { ServerDeps } from '../deps.ts';
import { HttpError } from '../http.ts';

/**
 * The manual clock (brief §4), only when `CLOCK=manual` (404 otherwise) and only for admins (403).
 *   GET  /api/v1/clock → {now} (ISO)
 *   POST /api/v1/clock {advanceMinutes} | {set: ISO} → {now}
 * Moving the clock notifies its listeners, so the scheduler acts at once on what became due.
 */
const advanceSchema = z.object({ advanceMinutes: z.number().min(0).max(10 * 365 * 24 * 60) }).strict();
const setSchema = z.object({ set: z.string().datetime({ offset: true }) }).strict();

// Picked by key rather than a zod union, so a bad value gets an error on its own field.
function parseClockRequest(body: unknown): z.infer<typeof advanceSchema> | z.infer<typeof setSchema> {
  const isObject = typeof body === 'object' && body !== null;
  return isObject && 'set' in body ? setSchema.parse(body) : advanceSchema.parse(body);
}

export default async function routes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { clock } = deps;
  if (!(clock instanceof ManualClock) || deps.config.clock !== 'manual') return; // → 404
  const adminOnly = { preHandler: requireRole('admin') };

  app.get('/api/v1/clock', adminOnly, async () => ({ now: new Date(clock.now()).toISOString() }));

  app.post('/api/v1/clock', adminOnly, async (request) => {
    const body = parseClockRequest(request.body);
    if ('advanceMinutes' in body) {
      clock.advance(Math.round(body.advanceMinutes * 60_000));
    } else {
      const target = Date.parse(body.set);
      if (target < clock.now()) {
        throw new HttpError(422, { error: 'validation_failed', fields: { set: 'clock_cannot_go_back' } });
      }
      clock.set(target);
    }
    return { now: new Date(clock.now()).toISOString() };
  });
}
