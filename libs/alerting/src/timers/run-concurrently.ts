/**
 * Runs `work` over `items` with at most `limit` in flight. Appends issued together reach the
 * embedded store in the same tick and share one commit (its group commit), so a storm of
 * escalations or notifications costs a few fsyncs, not one each.
 */
export const runConcurrently = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};
