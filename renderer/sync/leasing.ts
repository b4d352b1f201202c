import { map, type Observable } from 'rxjs';
import type { LeaseResponse } from '../../shared/api.ts';
import { remainingInYear, takeReference, type HeldBlock } from '../../shared/reference-number.ts';
import type { HospitalStore } from '../db/local-store.ts';
import type { Api } from './http.ts';

/**
 * The desk's reference numbers: blocks leased from the server ahead of time so intake can hand
 * out a final `CMP-YYYY-NNNNNN` offline. The held blocks are saved before a number is shown, so a
 * number is never given twice, even after a crash.
 */
export const LEASE_SIZE = 50;
export const LOW_WATER = 20;

/** Years for which a block should be leased now (local calendar: the year of intake). */
export function yearsNeedingLease(blocks: readonly HeldBlock[], now: number): number[] {
  const date = new Date(now);
  const year = date.getFullYear();
  const years: number[] = [];
  if (remainingInYear(blocks, year) < LOW_WATER) years.push(year);
  if (date.getMonth() === 11 && remainingInYear(blocks, year + 1) === 0) years.push(year + 1);
  return years;
}

export type ReferenceBookOptions = {
  store: HospitalStore;
  deskId: string;
  hospitalId: string;
  now?: () => number;
};

export class ReferenceBook {
  private queue: Promise<unknown> = Promise.resolve();
  private replenishing: Promise<void> | null = null;
  private api: Api | null = null;
  private readonly now: () => number;

  constructor(private readonly options: ReferenceBookOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Leasing needs the network; without an api the book only hands out what it holds. */
  setApi(api: Api | null): void {
    this.api = api;
  }

  async blocks(): Promise<HeldBlock[]> {
    return (await this.options.store.get('refBlocks'))?.blocks ?? [];
  }

  async remaining(): Promise<number> {
    return remainingInYear(await this.blocks(), new Date(this.now()).getFullYear());
  }

  /** The next final reference number, or null when no leased number is left for this year. */
  take(): Promise<string | null> {
    return this.commit((blocks) => {
      const taken = takeReference(blocks, new Date(this.now()).getFullYear());
      return taken ? { blocks: taken.blocks, value: taken.reference } : { value: null };
    });
  }

  /**
   * Runs `fn` on the held blocks with no other take or lease in between, and saves the blocks it
   * returns before resolving: a number is on disk as used before anyone is shown it.
   */
  commit<T>(fn: (blocks: HeldBlock[]) => { blocks?: HeldBlock[]; value: T }): Promise<T> {
    const result = this.locked(async () => {
      const out = fn(await this.blocks());
      if (out.blocks) await this.options.store.set('refBlocks', { blocks: out.blocks });
      return out.value;
    });
    void result.then(() => this.replenish().catch(() => undefined), () => undefined);
    return result;
  }

  /** Numbers held for the current year, live. */
  watchRemaining(): Observable<number> {
    return this.options.store
      .watch('refBlocks')
      .pipe(map((v) => remainingInYear(v?.blocks ?? [], new Date(this.now()).getFullYear())));
  }

  /** Leases what is missing; network failures are left for the next attempt. */
  replenish(): Promise<void> {
    this.replenishing ??= this.doReplenish().finally(() => {
      this.replenishing = null;
    });
    return this.replenishing;
  }

  private async doReplenish(): Promise<void> {
    const api = this.api;
    if (!api) return;
    for (const year of yearsNeedingLease(await this.blocks(), this.now())) {
      const block = await api.json<LeaseResponse>('/api/v1/reference-blocks', {
        method: 'POST',
        body: { deskId: this.options.deskId, hospitalId: this.options.hospitalId, year, size: LEASE_SIZE },
      });
      await this.locked(async () => {
        const blocks = await this.blocks();
        if (blocks.some((b) => b.year === block.year && b.start === block.start)) return;
        blocks.push({ year: block.year, start: block.start, end: block.end, next: block.start });
        await this.options.store.set('refBlocks', { blocks });
      });
    }
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
