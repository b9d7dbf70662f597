import { EventTooLargeError, type EventStore } from '@churn/event-store';
import type { FactAppend } from '../inbound/inbound-envelope';

/** What became of one message's facts: stored (or already stored), or refused by the store. */
export type AppendOutcome =
  { readonly stored: true } | { readonly stored: false; readonly detail: string };

/**
 * Appends the facts of a chunk of messages. One event per append with `expectedRevision: 'any'`:
 * the event id makes a redelivered message a no-op however the consumer chunks it. Appends to
 * one customer stream run one after another, in message order; different streams run
 * concurrently, which the embedded store turns into one transaction and one fsync per tick.
 * Store failures other than "too large" reject the promise: the consumer retries the chunk.
 */
export class FactAppender {
  constructor(private readonly store: EventStore) {}

  async appendAll(messages: readonly (readonly FactAppend[])[]): Promise<AppendOutcome[]> {
    const tails = new Map<string, Promise<unknown>>();
    const perMessage = messages.map((appends) =>
      Promise.all(appends.map((append) => this.chain(tails, append))),
    );
    const settled = await Promise.all(perMessage);
    return settled.map((results) => results.find((r) => !r.stored) ?? { stored: true });
  }

  private chain(tails: Map<string, Promise<unknown>>, append: FactAppend): Promise<AppendOutcome> {
    const previous = tails.get(append.stream) ?? Promise.resolve();
    const next = previous.then(() => this.appendOne(append));
    tails.set(append.stream, next);
    return next;
  }

  private async appendOne({ stream, event }: FactAppend): Promise<AppendOutcome> {
    try {
      await this.store.append(stream, [event], { expectedRevision: 'any' });
      return { stored: true };
    } catch (error) {
      if (error instanceof EventTooLargeError) return { stored: false, detail: error.message };
      throw error;
    }
  }
}
