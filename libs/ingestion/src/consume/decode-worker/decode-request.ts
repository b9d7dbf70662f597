import type { Decoded, InboundEnvelope, IngestionLimits } from '../../inbound/inbound-envelope';

/** Passed as `workerData`: the entry serves only on a thread WorkerDecoder started. */
export const DECODE_WORKER_MARK = 'churn-ingestion-decode-worker';

/** What crosses to the decode thread: the record's fields `decodeMessage` reads, no headers. */
export interface DecodeRequest {
  readonly id: number;
  /** The consumer's clock, as epoch ms (the clock-skew check is the only reader). */
  readonly nowMs: number;
  readonly limits?: Partial<IngestionLimits>;
  readonly messages: readonly InboundEnvelope[];
}

export interface DecodeReply {
  readonly id: number;
  readonly decoded: readonly Decoded[];
}

/** Structured clone turns a Buffer into a plain Uint8Array; the decoder wants Buffer's methods. */
export const asBuffer = (bytes: Uint8Array | null): Buffer | null =>
  bytes === null || Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Only the fields the decoder reads: headers and anything else stay on the consumer's thread. */
export const toRequestEnvelope = (message: InboundEnvelope): InboundEnvelope => ({
  topic: message.topic,
  partition: message.partition,
  offset: message.offset,
  key: message.key,
  value: message.value,
  timestamp: message.timestamp,
});
