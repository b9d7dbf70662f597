import {
  ACCEPTED,
  rejected,
  type BatchHandler,
  type InboundMessage,
  type Verdict,
} from '@churn/messaging';
import type { FactAppend, IngestionLimits } from '../inbound/inbound-envelope';
import { IN_THREAD_DECODER, type ChunkDecoder } from './chunk-decoder';
import { FactAppender } from './fact-appender';
import type { EventStore } from '@churn/event-store';

/**
 * Kafka message → validated facts → durable events (ARCHITECTURE.md, ingestion). Facts are
 * never refused for what they say, only for how they are written: a rejection is a dead letter
 * with its reason, and the good message behind it in the partition is still stored.
 */
export class FactIngestionHandler implements BatchHandler {
  private readonly appender: FactAppender;

  constructor(
    store: EventStore,
    private readonly clock: () => Date,
    private readonly limits: Partial<IngestionLimits> = {},
    private readonly observe: { onAppended?(durationMs: number, messages: number): void } = {},
    /** Where records are parsed and validated: this thread, or a `WorkerDecoder`. */
    private readonly decoder: ChunkDecoder = IN_THREAD_DECODER,
  ) {
    this.appender = new FactAppender(store);
  }

  async handle(messages: readonly InboundMessage[]): Promise<readonly Verdict[]> {
    const now = this.clock();
    const decoded = await this.decoder.decode(messages, { now, limits: this.limits });
    const toAppend: (readonly FactAppend[])[] = decoded.map((d) =>
      d.kind === 'facts' ? d.appends : [],
    );
    const started = performance.now();
    const outcomes = await this.appender.appendAll(toAppend);
    this.observe.onAppended?.(performance.now() - started, messages.length);
    return decoded.map((d, i): Verdict => {
      if (d.kind !== 'facts') return rejected(d.reason, { field: d.field, detail: d.detail });
      const outcome = outcomes[i];
      return outcome && !outcome.stored
        ? rejected('event-too-large', { detail: outcome.detail })
        : ACCEPTED;
    });
  }

  /** After the consumer stopped: lets go of the decoder's thread, if it has one. */
  close(): Promise<void> {
    return this.decoder.close();
  }
}
