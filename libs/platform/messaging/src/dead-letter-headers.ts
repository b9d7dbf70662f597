// The dead-letter envelope lives in headers so the key and value stay the original bytes: a
// fixed message can be replayed to its source topic as it is, and triage tools need no schema.
import type { Rejected } from './batch-handler';
import { headerText, type InboundMessage } from './inbound-message';

/** What kafkajs accepts as produced headers (its IHeaders, minus undefined). */
export type OutboundHeaders = Record<string, Buffer | string | Buffer[]>;

export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  field: 'dlq-field',
  detail: 'dlq-detail',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  firstSeenAt: 'dlq-first-seen-at',
} as const;

/** Details longer than this are cut: headers count against the broker's message size limit. */
export const MAX_DETAIL_CHARS = 2_000;

const OWN_HEADERS = new Set<string>(Object.values(DeadLetterHeaders));

/**
 * The source's own headers (correlation ids and the like) are kept. Envelope headers from an
 * earlier dead-lettering (a replayed message rejected again) are replaced, except the first
 * time it was seen: that is how long the fact has been waiting for a human.
 */
export function deadLetterHeaders(
  message: InboundMessage,
  rejection: Rejected,
  seenAt: Date,
): OutboundHeaders {
  const kept = Object.entries(message.headers)
    .filter(([name]) => !OWN_HEADERS.has(name))
    .map(([name, value]) => [name, Buffer.isBuffer(value) ? value : [...value]] as const);
  const firstSeen = headerText(message, DeadLetterHeaders.firstSeenAt);
  return {
    ...Object.fromEntries(kept),
    [DeadLetterHeaders.reason]: rejection.reason,
    ...(rejection.field === undefined ? {} : { [DeadLetterHeaders.field]: rejection.field }),
    ...(rejection.detail === undefined
      ? {}
      : { [DeadLetterHeaders.detail]: rejection.detail.slice(0, MAX_DETAIL_CHARS) }),
    [DeadLetterHeaders.sourceTopic]: message.topic,
    [DeadLetterHeaders.sourcePartition]: String(message.partition),
    [DeadLetterHeaders.sourceOffset]: message.offset,
    [DeadLetterHeaders.firstSeenAt]: firstSeen ?? seenAt.toISOString(),
  };
}
