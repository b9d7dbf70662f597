import { EventTooLargeError, type EventStore, type StreamAppend } from '@churn/event-store';
import type { FactAppend } from '../inbound/inbound-envelope';

/** What became of one message's facts: stored (or already stored), or refused by the store. */
export type AppendOutcome =
  { readonly stored: true } | { readonly stored: false; readonly detail: string };

const STORED: AppendOutcome = { stored: true };

/**
 * Appends the facts of a chunk of messages in one `appendMany`: one item per fact, with
 * `expectedRevision: 'any'`, so the event id makes a redelivered message a no-op however the
 * consumer chunks it. Items keep message order, and the store applies one stream's items in
 * that order, so a customer's facts are stored as Kafka holds them. On the embedded store the
 * whole chunk is one transaction and one fsync. A fact refused as too large dead-letters its
 * message; any other refusal or store failure rejects the promise: the consumer retries the chunk.
 */
export class FactAppender {
  constructor(private readonly store: EventStore) {}

  async appendAll(messages: readonly (readonly FactAppend[])[]): Promise<AppendOutcome[]> {
    const items: StreamAppend[] = [];
    for (const appends of messages)
      for (const { stream, event } of appends)
        items.push({ stream, events: [event], expectedRevision: 'any' });
    const outcomes = items.length > 0 ? await this.store.appendMany(items) : [];
    let next = 0;
    return messages.map((appends) => {
      let verdict = STORED;
      for (let i = 0; i < appends.length; i++) {
        const outcome = outcomes[next++];
        if (outcome === undefined) throw new Error('the store returned fewer outcomes than items');
        if (outcome.ok) continue;
        if (!(outcome.error instanceof EventTooLargeError)) throw outcome.error;
        if (verdict.stored) verdict = { stored: false, detail: outcome.error.message };
      }
      return verdict;
    });
  }
}
