// The port a consuming service plugs into. The consumer owns offsets, retries and dead letters;
// the handler owns meaning (parse, validate, append). Nothing here knows what a message is about.
import type { InboundMessage } from './inbound-message';

export interface Accepted {
  readonly kind: 'accepted';
}

export interface Rejected {
  readonly kind: 'rejected';
  /** A stable code for dashboards and DLQ triage, e.g. 'malformed-json'; never free text. */
  readonly reason: string;
  /** The offending field, when one can be named. */
  readonly field?: string;
  /** Free text for the human reading the dead letter. */
  readonly detail?: string;
}

export type Verdict = Accepted | Rejected;

export interface BatchHandler {
  /**
   * One verdict per message, in the same order. Contract: when this resolves, every accepted
   * message is durable downstream (appended to the store), because the consumer commits the
   * offsets right after. Throwing means "nothing of this batch is settled": the consumer commits
   * nothing and calls again with the same messages after a backoff, so the handler must be
   * idempotent (ARCHITECTURE.md principle 3). A message is never skipped.
   */
  handle(messages: readonly InboundMessage[]): Promise<readonly Verdict[]>;
}

export const ACCEPTED: Accepted = { kind: 'accepted' };

export function rejected(
  reason: string,
  details: Omit<Rejected, 'kind' | 'reason'> = {},
): Rejected {
  return { kind: 'rejected', reason, ...details };
}

/** Reason code the consumer itself uses for values over `maxValueBytes`. */
export const OVERSIZED = 'oversized';
