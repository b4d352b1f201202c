/**
 * Gathers calls made at the same time by concurrent deliveries and runs them as one: while one
 * batch runs, the next gathers (no timer, so a lone call goes at once). Each call resolves with
 * its own result. A batch that fails is run again one call at a time, so one bad item does not
 * sink the others.
 */
export class Batcher<I, O> {
  #pending: { item: I; resolve: (o: O) => void; reject: (err: unknown) => void }[] = [];
  #running: Promise<void> | null = null;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<O[]>,
    private readonly maxBatch = 500,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      this.#kick();
    });
  }

  #kick(): void {
    if (this.#running) return;
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      // Added between the last check of the loop and here.
      if (this.#pending.length > 0) this.#kick();
    });
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, this.maxBatch);
      try {
        const out = await this.run(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(out[i] as O));
      } catch {
        for (const b of batch) {
          try {
            const [one] = await this.run([b.item]);
            b.resolve(one as O);
          } catch (err) {
            this.onError(err);
            b.reject(err);
          }
        }
      }
    }
  }

  /** Resolves when everything added so far has run. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
  }
}
