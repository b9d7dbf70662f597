// Small timing primitives the consumer needs to stay interruptible: a backoff that a stop()
// cuts short, and a bound on kafkajs calls that can hang (disconnect waits for a batch).

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** Doubling from initialMs, capped at maxMs; attempt 1 waits initialMs. */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(backoff.initialMs * 2 ** exponent, backoff.maxMs);
}

/** Resolves after ms, or at once when the signal aborts; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** 'timed-out' if the promise has not settled within ms; its rejection is returned, not thrown. */
export async function settleWithin(
  promise: Promise<unknown>,
  ms: number,
): Promise<'settled' | 'timed-out' | { readonly error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => 'settled' as const,
        (error: unknown) => ({ error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
