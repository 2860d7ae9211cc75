/**
 * Pages of an `ID ASC` walk finish out of order; the checkpoint may only move past a
 * page once every page before it is written. The ledger tracks that prefix.
 */
export class PageLedger {
  readonly #finished = new Map<number, number>();
  #nextPage = 0;
  #afterId: number;

  constructor(afterId: number) {
    this.#afterId = afterId;
  }

  get afterId(): number {
    return this.#afterId;
  }

  /** Records a written page and its highest deal id; returns the new resume point. */
  finish(page: number, highestId: number): number {
    this.#finished.set(page, highestId);

    while (this.#finished.has(this.#nextPage)) {
      this.#afterId = Math.max(this.#afterId, this.#finished.get(this.#nextPage) ?? 0);
      this.#finished.delete(this.#nextPage);
      this.#nextPage += 1;
    }
    return this.#afterId;
  }
}
