import { decodeMessage } from '../inbound/decode-message';
import type { DecodeOptions, Decoded, InboundEnvelope } from '../inbound/inbound-envelope';

/** Decodes a chunk of records, one `Decoded` per record in order: here, or on another thread. */
export interface ChunkDecoder {
  decode(messages: readonly InboundEnvelope[], options: DecodeOptions): Promise<readonly Decoded[]>;
  /** Lets go of whatever the decoder holds (a worker thread); idempotent. */
  close(): Promise<void>;
}

/** On the calling thread: what a single-core process, the file feed and most tests use. */
export const IN_THREAD_DECODER: ChunkDecoder = {
  decode: async (messages, options) => messages.map((message) => decodeMessage(message, options)),
  close: async () => undefined,
};
