import type { RecordedEvent, SourceCoordinates } from '@churn/event-store';

/** A stored event as the audit API shows it: where it sits, when, where it came from, what. */
export interface StoredEventItem {
  readonly eventId: string;
  readonly type: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly source: SourceCoordinates | null;
  readonly causationId: string | null;
  readonly data: unknown;
}

export const storedEventItem = (event: RecordedEvent): StoredEventItem => {
  const { source, causationId } = event.metadata;
  return {
    eventId: event.id,
    type: event.type,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    source:
      source === undefined
        ? null
        : { topic: source.topic, partition: source.partition, offset: source.offset },
    causationId: causationId ?? null,
    data: event.data,
  };
};
