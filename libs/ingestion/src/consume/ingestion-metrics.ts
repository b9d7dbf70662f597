import type { ConsumerObserver } from '@churn/messaging';
import type { Metrics } from '@churn/observability';

/**
 * The ingestion figures operations watch (issue: consumed, appended and dead-lettered by topic
 * and reason, batch latency, lag per partition, last committed offset), fed by the consumer's
 * observer callbacks.
 */
export const ingestionObserver = (metrics: Metrics): ConsumerObserver => {
  const consumed = metrics.counter({
    name: 'ingestion_messages_consumed_total',
    help: 'Messages handed to ingestion, by topic',
    labelNames: ['topic'],
  });
  const appended = metrics.counter({
    name: 'ingestion_messages_appended_total',
    help: 'Messages whose facts are durable in the event store, by topic',
    labelNames: ['topic'],
  });
  const deadLettered = metrics.counter({
    name: 'ingestion_messages_dead_lettered_total',
    help: 'Messages sent to <topic>.dlq, by topic and reason code',
    labelNames: ['topic', 'reason'],
  });
  const batchSeconds = metrics.histogram({
    name: 'ingestion_batch_duration_seconds',
    help: 'From the first handler call of a chunk to its offset commit, retries included',
    labelNames: ['topic'],
  });
  const lag = ownedPartitionLag(metrics);
  const committed = metrics.gauge({
    name: 'ingestion_committed_offset',
    help: 'Last committed offset (next to read), by partition',
    labelNames: ['topic', 'partition'],
  });
  const rebuilds = metrics.counter({
    name: 'ingestion_consumer_rebuilds_total',
    help: 'Kafka consumers torn down and rebuilt after a crash, an unexpected stop or a stall',
  });
  const handlerErrors = metrics.counter({
    name: 'ingestion_handler_errors_total',
    help: 'Chunks whose append failed and were retried, by topic',
    labelNames: ['topic'],
  });
  return {
    onBatch: (b) => {
      consumed.inc({ topic: b.topic }, b.size);
      batchSeconds.observe({ topic: b.topic }, b.durationMs / 1000);
    },
    onAccepted: (topic, count) => appended.inc({ topic }, count),
    onRejected: (topic, reason, count) => deadLettered.inc({ topic, reason }, count),
    onCommitted: (topic, partition, offset) =>
      committed.set({ topic, partition: String(partition) }, Number(offset)),
    onLag: (topic, partition, behind) => lag.set(topic, partition, behind),
    onAssigned: (assignment) => lag.keepOnly(assignment),
    onRebuild: () => rebuilds.inc(),
    onHandlerError: (failure) => handlerErrors.inc({ topic: failure.topic }),
  };
};

/**
 * `ingestion_consumer_lag` for the partitions this member owns now. A rebalance that moves a
 * partition to another member removes its series here, so the two members never both report it
 * (the rules' `max by (topic, partition)` then only covers a scrape that falls mid-rebalance).
 */
const ownedPartitionLag = (metrics: Metrics) => {
  const gauge = metrics.gauge({
    name: 'ingestion_consumer_lag',
    help: 'Messages behind the end of the partition, for partitions this member owns',
    labelNames: ['topic', 'partition'],
  });
  const reported = new Map<string, { topic: string; partition: string }>();
  return {
    set: (topic: string, partition: number, behind: number): void => {
      const labels = { topic, partition: String(partition) };
      reported.set(`${topic}/${partition}`, labels);
      gauge.set(labels, behind);
    },
    keepOnly: (assignment: ReadonlyMap<string, readonly number[]>): void => {
      for (const [key, labels] of reported) {
        if (assignment.get(labels.topic)?.includes(Number(labels.partition))) continue;
        gauge.remove(labels);
        reported.delete(key);
      }
    },
  };
};

/** Append latency per event, measured around the store call (issue: append latency histogram). */
export const appendLatency = (metrics: Metrics) =>
  metrics.histogram({
    name: 'ingestion_append_duration_seconds',
    help: 'Time for one chunk of facts to become durable in the event store',
  });
