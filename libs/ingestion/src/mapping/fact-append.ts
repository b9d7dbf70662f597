import type { BankFact } from '@churn/domain-facts';
import { factEventId } from '../event-ids/fact-event-id';
import type { FactAppend, InboundEnvelope } from '../inbound/inbound-envelope';

/**
 * Where a fact's id comes from: its source's own id where it has one, so a redelivery at any
 * offset maps to the same event (ARCHITECTURE.md principle 3).
 */
export interface FactSource {
  /** The contract's topic: ids stay put when a dead letter is replayed from another topic. */
  readonly topic: string;
  /** What the id names, e.g. `txn`, `payroll-credit`. */
  readonly what: string;
  readonly parts: readonly string[];
  /** The message's own id, carried as the event's correlation id. */
  readonly correlationId: string;
}

/** The customer stream a fact belongs to (ARCHITECTURE.md: `customer-<customerId>`). */
export const customerStream = (customerId: string): string => `customer-${customerId}`;

export const factAppend = (
  fact: BankFact,
  source: FactSource,
  envelope: InboundEnvelope,
): FactAppend => ({
  stream: customerStream(fact.data.customerId),
  event: {
    id: factEventId(source.topic, source.what, source.parts),
    type: fact.type,
    data: fact.data,
    metadata: {
      occurredAt: fact.data.occurredAt,
      schemaVersion: fact.schemaVersion,
      correlationId: source.correlationId,
      source: { topic: envelope.topic, partition: envelope.partition, offset: envelope.offset },
    },
  },
});

/**
 * The source id of a message that has none of its own: where it sits in Kafka. A redelivery of
 * the same record keeps it; the same fact produced twice would not, which is why contracts
 * prefer natural ids.
 */
export const coordinatesSource = (
  topic: string,
  what: string,
  envelope: InboundEnvelope,
): FactSource => ({
  topic,
  what,
  parts: [String(envelope.partition), envelope.offset],
  correlationId: `${envelope.topic}|${envelope.partition}|${envelope.offset}`,
});

/** Business time in epoch ms, for ids that include it: the same instant written with another offset names the same fact. */
export const instantPart = (occurredAt: string): string => String(Date.parse(occurredAt));
