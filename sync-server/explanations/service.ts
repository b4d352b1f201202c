import { ManualClock } from '../clock.ts';
import type { ServerDeps } from '../deps.ts';
import { NoticeListener } from '../sla/listen.ts';
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
const SAFETY_WAKE_MS = 60_000;
const CONTENTION_RETRY_MS = 50;
const ERROR_RETRY_MS = 1_000;

export type ExplanationServiceOptions = {
  /**
   * Told, after commit, of each link an escalation issued (the manager's). The e-mail outbox will
   * deliver it; until then nobody receives it.
   */
  onLinkIssued?: (link: IssuedLink) => void;
};

export type RunningExplanationService = { stop(): Promise<void>; settled(): Promise<void> };

export async function startExplanationService(deps: ServerDeps, options: ExplanationServiceOptions = {}): Promise<RunningExplanationService> {
  const { pool, clock, log } = deps;
  const manual = clock instanceof ManualClock;
  let stopping = false;
  let dirty = true;
  let sleeping = false;
  let wake: (() => void) | null = null;
  let settledWaiters: (() => void)[] = [];

  const poke = (): void => {
    dirty = true;
    wake?.();
  };
  const listener = new NoticeListener(pool, [EXPLANATION_CHANNEL], poke, poke, log);
  await listener.start();
  const offClock = manual ? clock.onChange(poke) : () => undefined;

  function sleep(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? null : setTimeout(done, Math.max(0, ms));
      function done(): void {
        if (timer) clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
      if (dirty || stopping) done();
    });
  }

  async function step(): Promise<number | null> {
    for (;;) {
      if (stopping) return null;
      const r = await fireDue(pool, clock.now(), BATCH_SIZE);
      for (const link of r.issued) options.onLinkIssued?.(link);
      if (r.claimed < BATCH_SIZE) break;
    }
    const next = await earliestNext(pool);
    const now = clock.now();
    if (next === null) return manual ? null : SAFETY_WAKE_MS;
    if (next > now) return manual ? null : Math.min(next - now, SAFETY_WAKE_MS);
    return CONTENTION_RETRY_MS; // still due: held by another transaction right now
  }

  const loop = (async () => {
    while (!stopping) {
      dirty = false;
      let delay: number | null;
      try {
        delay = await step();
      } catch (err) {
        log.error({ err }, 'explanation service step failed');
        delay = ERROR_RETRY_MS;
      }
      if (stopping) break;
      if (dirty) continue;
      sleeping = true;
      for (const w of settledWaiters) w();
      settledWaiters = [];
      await sleep(delay);
      sleeping = false;
    }
  })();

  return {
    async stop() {
      stopping = true;
      poke();
      await loop;
      offClock();
      await listener.close();
      for (const w of settledWaiters) w();
    },
    settled() {
      if (sleeping && !dirty) return Promise.resolve();
      return new Promise((resolve) => settledWaiters.push(resolve));
    },
  };
}

export const explanationService = { name: 'explanations', start: (deps: ServerDeps) => startExplanationService(deps) };
