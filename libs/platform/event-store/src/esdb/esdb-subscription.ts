import type { AllStreamSubscription } from '@eventstore/db-client';
import type { RecordedEvent, Subscription } from '../event-store.port';
import { toRecordedEvent } from './esdb-mapping';

/**
 * Wraps a server-side filtered `subscribeToAll` (catch-up then live is the server's job) as the
 * port's subscription. Events at or before the checkpoint are dropped here too, so the exclusive
 * checkpoint holds whatever the server's start semantics.
 */
export const esdbSubscription = (
  source: AllStreamSubscription,
  after: number,
  signal?: AbortSignal,
): Subscription => {
  let closing = false;
  const close = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    signal?.removeEventListener('abort', onAbort);
    await source.unsubscribe();
  };
  const onAbort = (): void => void close();
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  async function* events(): AsyncGenerator<RecordedEvent> {
    try {
      for await (const resolved of source) {
        const event = toRecordedEvent(resolved);
        if (event && event.position > after) yield event;
      }
    } catch (error) {
      if (!closing) throw error; // a cancelled gRPC stream is how an unsubscribe ends
    } finally {
      await close();
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      await close();
      await iterator.return(undefined);
    },
  };
};
