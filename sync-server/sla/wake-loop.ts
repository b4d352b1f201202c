import { ManualClock } from '../clock.ts';
import type { ServerDeps } from '../deps.ts';
import { NoticeListener, type NoticeHandler } from '../db/listen.ts';

/**
 * The loop behind every "fire what is due" service (the SLA scheduler, explanation requests):
 * run a step, then sleep for as long as the step says — until the next due time — unless a
 * NOTIFY on one of `channels` or a move of the manual clock wakes it first. There is no polling
 * period; with the system clock the step caps its sleep only as a net for clock jumps and for
 * notices lost while the LISTEN connection was being reopened (which also wakes the loop).
 */
export const SAFETY_WAKE_MS = 60_000;
const ERROR_RETRY_MS = 1_000;

export type RunningLoop = {
  stop(): Promise<void>;
  /** Resolves once the loop has nothing left to do at the current time and sleeps. */
  settled(): Promise<void>;
};

export type WakeLoopOptions = {
  name: string;
  deps: Pick<ServerDeps, 'pool' | 'clock' | 'log'>;
  channels: readonly string[];
  /** Called for every notice before the loop is woken. */
  onNotice?: NoticeHandler;
  /** One round of work; answers how long to sleep (ms), or null to sleep until woken. */
  step: (isStopping: () => boolean) => Promise<number | null>;
};

/** How long to sleep until `next` (epoch ms): never on a manual clock, never past the net. */
export function sleepUntil(next: number | null, now: number, manual: boolean): number | null {
  if (manual) return null;
  return next === null ? SAFETY_WAKE_MS : Math.min(Math.max(0, next - now), SAFETY_WAKE_MS);
}

export function isManual(deps: Pick<ServerDeps, 'clock'>): boolean {
  return deps.clock instanceof ManualClock;
}

export async function startWakeLoop(options: WakeLoopOptions): Promise<RunningLoop> {
  const { pool, clock, log } = options.deps;
  let stopping = false;
  let dirty = true;
  let sleeping = false;
  let wake: (() => void) | null = null;
  let settledWaiters: (() => void)[] = [];
  const isStopping = () => stopping;

  const poke = (): void => {
    dirty = true;
    wake?.();
  };
  const listener = new NoticeListener(
    pool,
    options.channels,
    (channel, payload) => {
      options.onNotice?.(channel, payload);
      poke();
    },
    poke,
    log,
    options.name.toLowerCase().replace(/\s+/g, '-'),
  );
  await listener.start();
  const offClock = clock instanceof ManualClock ? clock.onChange(poke) : () => undefined;

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

  const loop = (async () => {
    while (!stopping) {
      dirty = false;
      let delay: number | null;
      try {
        delay = await options.step(isStopping);
      } catch (err) {
        log.error({ err }, `${options.name} step failed`);
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
