import type { NewEvent } from '@churn/event-store';
import type { Rejection } from './rejection';

/**
 * One Kafka record as the consumer hands it over. A structural subset of `InboundMessage` in
 * @churn/messaging, so the consumer passes its message straight in and tests hand-make them.
 */
export interface InboundEnvelope {
  readonly topic: string;
  readonly partition: number;
  /** Decimal string: Kafka offsets are int64. */
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Milliseconds since the epoch as a decimal string, as kafkajs gives it. Informational only. */
  readonly timestamp: string;
}

/** One fact to append, to the stream it belongs to. */
export interface FactAppend {
  readonly stream: string;
  readonly event: NewEvent;
}

export interface DecodedFacts {
  readonly kind: 'facts';
  /** In message order; a payroll batch yields one append per credit, in the batch's order. */
  readonly appends: readonly FactAppend[];
}

/** What one message becomes: facts to append, or a rejection for the dead-letter topic. */
export type Decoded = DecodedFacts | Rejection;

export interface IngestionLimits {
  /** Largest accepted message value on every topic but payroll, in bytes. */
  readonly maxMessageBytes: number;
  /** Largest accepted value on the payroll topic, whose batch form carries a whole payroll. */
  readonly maxPayrollBatchBytes: number;
  /** Most credits one payroll batch may carry. */
  readonly maxBatchCredits: number;
  /** How far `occurredAt` may lie ahead of the injected clock before it is refused. */
  readonly maxClockSkewMs: number;
}

export const DEFAULT_INGESTION_LIMITS: IngestionLimits = {
  maxMessageBytes: 256 * 1024,
  maxPayrollBatchBytes: 4 * 1024 * 1024,
  maxBatchCredits: 10_000,
  maxClockSkewMs: 5 * 60 * 1000,
};

export interface DecodeOptions {
  /** The consumer's clock, injected: only the clock-skew check reads it. */
  readonly now: Date;
  readonly limits?: Partial<IngestionLimits>;
}
