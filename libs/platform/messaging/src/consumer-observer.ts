// What a consumer reports, as plain callbacks: the observability lib maps them to Prometheus
// metrics, tests record them, and this lib stays free of prom-client (eslint bans it here).

export interface BatchObservation {
  readonly topic: string;
  readonly partition: number;
  /** Messages in the chunk the handler saw (at most `maxChunkSize`). */
  readonly size: number;
  /** From the first handler call to the commit, retries included. */
  readonly durationMs: number;
}

export interface HandlerFailure {
  readonly topic: string;
  readonly partition: number;
  /** 1 on the first failure of a chunk; the chunk is retried until it succeeds. */
  readonly attempt: number;
  readonly error: unknown;
}

export interface ConsumerObserver {
  onBatch?(batch: BatchObservation): void;
  onAccepted?(topic: string, count: number): void;
  onRejected?(topic: string, reason: string, count: number): void;
  /** `offset` is Kafka's committed offset: the next one to read, i.e. last handled + 1. */
  onCommitted?(topic: string, partition: number, offset: string): void;
  /** From the watchdog's periodic offset fetch, for the partitions this member owns. */
  onLag?(topic: string, partition: number, lag: number): void;
  /**
   * The partitions per topic this member owns after each group join (a rebalance may have moved
   * some away), and none once it has stopped: per-partition reports for the rest are stale.
   */
  onAssigned?(assignment: ReadonlyMap<string, readonly number[]>): void;
  /** The kafkajs consumer was torn down and replaced; `reason` says what was seen. */
  onRebuild?(reason: string): void;
  onHandlerError?(failure: HandlerFailure): void;
  /** The watchdog could not read offsets (broker down?); it tries again next tick. */
  onWatchdogError?(error: unknown): void;
}

/**
 * Calls observers so that a throwing one cannot break consumption: an exception in a metrics
 * callback must not leave a batch uncommitted or crash the consumer.
 */
export function safeObserver(observer: ConsumerObserver | undefined): Required<ConsumerObserver> {
  const guard =
    <A extends unknown[]>(callback: ((...args: A) => void) | undefined) =>
    (...args: A): void => {
      try {
        callback?.apply(observer, args);
      } catch {
        // Deliberately ignored: see above. The observer owns its own error reporting.
      }
    };
  return {
    onBatch: guard(observer?.onBatch),
    onAccepted: guard(observer?.onAccepted),
    onRejected: guard(observer?.onRejected),
    onCommitted: guard(observer?.onCommitted),
    onLag: guard(observer?.onLag),
    onAssigned: guard(observer?.onAssigned),
    onRebuild: guard(observer?.onRebuild),
    onHandlerError: guard(observer?.onHandlerError),
    onWatchdogError: guard(observer?.onWatchdogError),
  };
}
