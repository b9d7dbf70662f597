// What a handler sees of a Kafka record: plain data, no kafkajs types, so handlers (ingestion)
// never import kafkajs and can be tested with hand-made messages.
import type { IHeaders, KafkaMessage } from 'kafkajs';

/** Kafka allows a header key to repeat; a repeated key arrives as a list, in record order. */
export type HeaderValue = Buffer | readonly Buffer[];

export interface InboundMessage {
  readonly topic: string;
  readonly partition: number;
  /** A decimal string: Kafka offsets are int64 and exceed Number.MAX_SAFE_INTEGER in theory. */
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, HeaderValue>>;
  /** Epoch milliseconds as a decimal string, exactly as the record carries it. */
  readonly timestamp: string;
}

export function toInboundMessage(
  topic: string,
  partition: number,
  message: KafkaMessage,
): InboundMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: normalizeHeaders(message.headers),
    timestamp: message.timestamp,
  };
}

/** A header as text: the last value when the key repeats; undefined when absent. */
export function headerText(message: InboundMessage, name: string): string | undefined {
  const value = message.headers[name];
  if (value === undefined) return undefined;
  const last = Buffer.isBuffer(value) ? value : value[value.length - 1];
  return last?.toString('utf8');
}

// kafkajs types headers loosely (string | Buffer | arrays | undefined) because the same type
// serves producing; received headers are Buffers, but normalising keeps the port honest.
function normalizeHeaders(headers: IHeaders | undefined): Record<string, HeaderValue> {
  const normalized: Record<string, HeaderValue> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    normalized[name] = Array.isArray(value) ? value.map(toBuffer) : toBuffer(value);
  }
  return normalized;
}

function toBuffer(value: Buffer | string): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
}
