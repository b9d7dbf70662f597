import { createKafka, readMessageAt, type HeaderValue } from '@churn/messaging';
import type { SourceCoordinates } from '@churn/event-store';

/**
 * The raw source message of a stored fact (issue 6 §1: evidence → the raw source messages). The
 * store keeps the fact and its coordinates; Kafka keeps the original bytes until the topic's
 * retention deletes them.
 */
export type RawMessage =
  | (SourceCoordinates & {
      readonly status: 'fetched';
      readonly key: string | null;
      readonly value: string | null;
      readonly timestamp: string;
      readonly headers: Readonly<Record<string, string>>;
    })
  | (SourceCoordinates & {
      readonly status: 'unavailable';
      readonly reason: string;
      readonly detail: string;
    })
  | (SourceCoordinates & { readonly status: 'not-fetched'; readonly note: string });

export interface RawMessageReader {
  read(source: SourceCoordinates): Promise<RawMessage>;
  close(): Promise<void>;
}

export const RAW_MESSAGES = Symbol('RAW_MESSAGES');

export const notFetched = (source: SourceCoordinates, why: string): RawMessage => ({
  ...source,
  status: 'not-fetched',
  note: `${why}: the raw bytes are on topic ${source.topic}, partition ${source.partition}, offset ${source.offset}, until the topic's retention deletes them`,
});

/** Without KAFKA_BROKERS the audit API names the coordinates and says where the bytes are. */
export const noRawMessages: RawMessageReader = {
  read: async (source) => notFetched(source, 'Kafka is not configured (KAFKA_BROKERS)'),
  close: async () => undefined,
};

const utf8 = (value: HeaderValue): string =>
  Buffer.isBuffer(value) ? value.toString('utf8') : value.map((v) => v.toString('utf8')).join(',');

/** Reads each message from the brokers by its coordinates (`readMessageAt`, libs/platform/messaging). */
export const kafkaRawMessages = (brokers: readonly string[]): RawMessageReader => {
  const kafka = createKafka({ brokers, clientId: 'audit-api', logLevel: 'error' });
  return {
    read: async (source) => {
      const coordinates = {
        topic: source.topic,
        partition: source.partition,
        offset: source.offset,
      };
      try {
        const outcome = await readMessageAt(kafka, source.topic, source.partition, source.offset);
        if (!outcome.found)
          return {
            ...coordinates,
            status: 'unavailable',
            reason: outcome.reason,
            detail: outcome.detail,
          };
        const { key, value, timestamp, headers } = outcome.message;
        return {
          ...coordinates,
          status: 'fetched',
          key: key?.toString('utf8') ?? null,
          value: value?.toString('utf8') ?? null,
          timestamp,
          headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, utf8(v)])),
        };
      } catch (error) {
        return {
          ...coordinates,
          status: 'unavailable',
          reason: 'broker-error',
          detail: error instanceof Error ? error.message : String(error),
        };
      }
    },
    close: async () => undefined,
  };
};
