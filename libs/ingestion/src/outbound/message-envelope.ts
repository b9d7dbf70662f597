import type { InboundEnvelope } from '../inbound/inbound-envelope';
import type { FactMessage } from './fact-message';

/** Where a message sits, for a record that never went through Kafka (a file, a test, a store). */
export interface MessageCoordinates {
  readonly partition?: number;
  readonly offset?: string;
  /** Epoch milliseconds as a decimal string, as kafkajs gives it. */
  readonly timestamp?: string;
}

/**
 * The record a consumer would hand to `decodeMessage` for `message`: key and value as UTF-8
 * bytes, the value JSON-encoded. Lets a file or the simulator feed ingestion without a broker.
 */
export const messageEnvelope = (
  message: FactMessage,
  coordinates: MessageCoordinates = {},
): InboundEnvelope => ({
  topic: message.topic,
  partition: coordinates.partition ?? 0,
  offset: coordinates.offset ?? '0',
  key: Buffer.from(message.key, 'utf8'),
  value: Buffer.from(JSON.stringify(message.value), 'utf8'),
  timestamp: coordinates.timestamp ?? '0',
});
