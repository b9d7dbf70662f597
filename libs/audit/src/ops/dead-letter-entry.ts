import { badField } from '@churn/alerting';

/** One rejected message as operations see it, whether it came from Kafka or a feed file. */
export interface DeadLetterEntry {
  /** The rejection reason code (`malformed-json`, `schema-violation`, …). */
  readonly reason: string | null;
  readonly field: string | null;
  readonly detail: string | null;
  /** Where the original message came from: topic, partition, offset (a file's line: partition 0). */
  readonly source: {
    readonly topic: string | null;
    readonly partition: number | null;
    readonly offset: string | null;
  };
  /** When it was first dead-lettered (Kafka: kept across replays); null in file mode. */
  readonly firstSeenAt: string | null;
  readonly key: string | null;
  /** The original message, untouched: the value's bytes as UTF-8, or the feed file's line. */
  readonly original: string | null;
  /** Where the dead letter itself is kept. */
  readonly kept:
    | {
        readonly kind: 'kafka';
        readonly topic: string;
        readonly partition: number;
        readonly offset: string;
        readonly timestamp: string;
      }
    | { readonly kind: 'file'; readonly file: string; readonly line: number };
}

export interface DeadLetterPage {
  readonly source: 'kafka' | 'files';
  /** Newest first. */
  readonly items: readonly DeadLetterEntry[];
  /** Pass as `cursor` for the next, older page; null when there is none. */
  readonly nextCursor: string | null;
  /** False when reading Kafka timed out before every partition was read. */
  readonly complete: boolean;
}

/** Cursors are opaque to clients: base64url JSON, refused with a 400 naming the field if altered. */
export const encodeCursor = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export const decodeCursor = <T>(cursor: string, valid: (value: unknown) => value is T): T => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!valid(value)) throw badField('cursor', 'cursor is not one this API gave out');
  return value;
};
