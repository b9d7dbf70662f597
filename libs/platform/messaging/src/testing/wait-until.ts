// Polls instead of sleeping a guessed time: tests stay fast when things are fast and fail with
// a message saying what did not happen, instead of a bare Jest timeout.

export interface WaitUntilOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Evaluated at the timeout, for the error message, e.g. () => `${n} of 100 accepted`. */
  readonly what: () => string;
}

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  options: WaitUntilOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (!(await condition())) {
    if (Date.now() >= deadline)
      throw new Error(`waitUntil: not true after ${options.timeoutMs} ms: ${options.what()}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
