/**
 * Wakes live subscriptions after a commit in this process. The version counter closes the race
 * between "the last read found nothing" and "start waiting": a commit in between is not missed.
 */
export class AppendSignal {
  private version = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /**
   * Resolves on the first commit after version `seen`, on abort, or after `pollMs`: the poll finds
   * appends made by other processes on the same database, which this signal never hears about.
   */
  wait(seen: number, abort: AbortSignal, pollMs?: number): Promise<void> {
    if (this.version !== seen || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        abort.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = pollMs === undefined ? undefined : setTimeout(done, pollMs);
      this.waiters.add(done);
      abort.addEventListener('abort', done, { once: true });
    });
  }
}
