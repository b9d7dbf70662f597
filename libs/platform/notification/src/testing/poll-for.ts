// Polls instead of sleeping a guessed time, and fails saying what did not arrive.

export async function pollFor(
  condition: () => boolean,
  timeoutMs: number,
  what: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= deadline) throw new Error(`not within ${timeoutMs} ms: ${what()} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
