import type { BankFact } from '@churn/domain-facts';
import type { EventStore, NewEvent, RecordedEvent } from '@churn/event-store';

/** A UUID-shaped id per fact, as ingestion's v5 ids are. */
const idOf = (i: number): string => `00000000-0000-5000-8000-${i.toString(16).padStart(12, '0')}`;

/** A fact as ingestion appends it to `customer-<id>`. */
export const factEvent = (fact: BankFact, sequence: number): NewEvent => ({
  id: idOf(sequence),
  type: fact.type,
  data: fact.data,
  metadata: { occurredAt: fact.data.occurredAt, schemaVersion: fact.schemaVersion },
});

/** Appends facts in feed order, one customer stream each, as ingestion would; their count. */
export const appendFacts = async (
  store: EventStore,
  facts: Iterable<BankFact>,
  firstSequence = 0,
): Promise<number> => {
  let sequence = firstSequence;
  for (const fact of facts)
    await store.append(`customer-${fact.data.customerId}`, [factEvent(fact, sequence++)], {
      expectedRevision: 'any',
    });
  return sequence - firstSequence;
};

/** Facts as the store would hand them back, without a store: for folding a model directly. */
export function* recordedFacts(facts: Iterable<BankFact>): Iterable<RecordedEvent> {
  let position = 0;
  for (const fact of facts) {
    const event = factEvent(fact, position++);
    yield {
      ...event,
      stream: `customer-${fact.data.customerId}`,
      revision: 0,
      position,
      recordedAt: event.metadata.occurredAt,
    };
  }
}
