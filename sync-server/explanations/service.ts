import type { ServerDeps } from '../deps.ts';
import { isManual, sleepUntil, startWakeLoop, type RunningLoop } from '../sla/wake-loop.ts';
import { fireDue, type IssuedLink } from './fire.ts';
import { earliestNext, EXPLANATION_CHANNEL } from './store.ts';

/**
 * The explanation service: the SLA scheduler's pattern (sla/scheduler.ts) on its own table. It
 * sleeps until the earliest `next_at` of the pending requests, wakes on `LISTEN
 * explanation_due_changed` (a new request) and on the manual clock's onChange, claims with SKIP
 * LOCKED and fires with deterministic ids (fire.ts), so several instances and restarts fire each
 * reminder and escalation exactly once. What was due during downtime fires on start.
 */
const BATCH_SIZE = 200;
const CONTENTION_RETRY_MS = 50;

export type ExplanationServiceOptions = {
  /**
   * Told, after commit, of each link an escalation issued (the manager's). The e-mail outbox will
   * deliver it; until then nobody receives it.
   */
  onLinkIssued?: (link: IssuedLink) => void;
};

export type RunningExplanationService = RunningLoop;

export async function startExplanationService(deps: ServerDeps, options: ExplanationServiceOptions = {}): Promise<RunningExplanationService> {
  const { pool, clock } = deps;
  const manual = isManual(deps);
  return startWakeLoop({
    name: 'explanation service',
    deps,
    channels: [EXPLANATION_CHANNEL],
    async step(isStopping) {
      for (;;) {
        if (isStopping()) return null;
        const r = await fireDue(pool, clock.now(), BATCH_SIZE);
        for (const link of r.issued) options.onLinkIssued?.(link);
        if (r.claimed < BATCH_SIZE) break;
      }
      const next = await earliestNext(pool);
      const now = clock.now();
      // Still due: held by another transaction right now.
      if (next !== null && next <= now) return CONTENTION_RETRY_MS;
      return sleepUntil(next, now, manual);
    },
  });
}

export const explanationService = { name: 'explanations', start: (deps: ServerDeps) => startExplanationService(deps) };
