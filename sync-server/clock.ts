/**
 * Time is a dependency. The system clock in production; a manual clock (`CLOCK=manual`) for tests
 * and demos, which only moves when told and tells its listeners so the scheduler can act at once.
 */
export type Clock = {
  now(): number;
  readonly kind: 'system' | 'manual';
};

export const systemClock: Clock = { now: () => Date.now(), kind: 'system' };

export class ManualClock implements Clock {
  readonly kind = 'manual' as const;
  #now: number;
  #listeners = new Set<(now: number) => void>();

  constructor(start: number) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  set(ms: number): void {
    if (ms < this.#now) throw new RangeError('the manual clock never goes back');
    this.#now = ms;
    for (const l of this.#listeners) l(ms);
  }

  advance(ms: number): void {
    this.set(this.#now + ms);
  }

  onChange(listener: (now: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** The clock a server runs on: `CLOCK=manual` starts at `start` (default: the system time now). */
export function createClock(kind: 'system' | 'manual', start: number | null): Clock {
  return kind === 'manual' ? new ManualClock(start ?? Date.now()) : systemClock;
}
