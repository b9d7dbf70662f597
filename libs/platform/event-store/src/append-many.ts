import { EventStoreError } from './event-store.errors';
import type { AppendResult, StreamAppend, StreamAppendOutcome } from './event-store.port';

/**
 * `appendMany` for an adapter that appends stream by stream (in-memory, EventStoreDB): each
 * stream's items one after another in item order, different streams concurrently. A refusal
 * (`EventStoreError`) becomes that item's outcome; any other failure rejects the call, but only
 * after every stream has settled, so a retry never races appends still in flight.
 */
export const appendStreamByStream = async (
  appends: readonly StreamAppend[],
  appendOne: (item: StreamAppend) => Promise<AppendResult>,
): Promise<StreamAppendOutcome[]> => {
  const outcomes: StreamAppendOutcome[] = new Array<StreamAppendOutcome>(appends.length);
  const byStream = new Map<string, number[]>();
  appends.forEach((item, index) => {
    const indexes = byStream.get(item.stream);
    if (indexes) indexes.push(index);
    else byStream.set(item.stream, [index]);
  });
  const settled = await Promise.allSettled(
    [...byStream.values()].map(async (indexes) => {
      for (const index of indexes) outcomes[index] = await attempt(appends[index], appendOne);
    }),
  );
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return outcomes;
};

const attempt = async (
  item: StreamAppend | undefined,
  appendOne: (item: StreamAppend) => Promise<AppendResult>,
): Promise<StreamAppendOutcome> => {
  if (item === undefined) throw new Error('appendMany: no item at an index it listed');
  try {
    return { ok: true, result: await appendOne(item) };
  } catch (error) {
    if (error instanceof EventStoreError) return { ok: false, error };
    throw error;
  }
};
