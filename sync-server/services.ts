import { brokerService } from './broker/service.ts';
import type { ServerDeps } from './deps.ts';
import { explanationService } from './explanations/service.ts';
import { outboxService } from './notifications/worker.ts';
import { schedulerService } from './sla/scheduler.ts';

/**
 * Background services that run beside the HTTP app in every server process (the SLA scheduler,
 * the notification outbox, …). main.ts and the test harness start them all after the app is
 * built and stop them, in reverse order, before closing the pool. Each must be safe with several
 * server instances on one database. To add one: append it to `services`.
 */
export type RunningService = { stop(): Promise<void> };
export type Service = { name: string; start(deps: ServerDeps): Promise<RunningService> };

export const services: Service[] = [schedulerService, explanationService, outboxService, brokerService];

export async function startServices(deps: ServerDeps, list: readonly Service[] = services): Promise<() => Promise<void>> {
  const running: { name: string; svc: RunningService }[] = [];
  try {
    for (const s of list) running.push({ name: s.name, svc: await s.start(deps) });
  } catch (err) {
    for (const r of running.reverse()) await r.svc.stop().catch(() => undefined);
    throw err;
  }
  return async () => {
    for (const r of [...running].reverse()) {
      await r.svc.stop().catch((e: unknown) => deps.log.error({ err: e }, `stopping ${r.name} failed`));
    }
  };
}
