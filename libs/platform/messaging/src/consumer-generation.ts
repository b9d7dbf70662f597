// One kafkajs consumer instance and what we know about it. A TopicConsumer replaces its
// generation wholesale on a crash or a stall instead of nursing it back: kafkajs instances are
// known to stay wedged after broker loss (kafkajs issues #267, #1152, #1513), a fresh one is not.
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { ConsumerObserver } from './consumer-observer';
import type { ResolvedSettings } from './topic-consumer.settings';
import { settleWithin } from './timing';

export interface GenerationHooks {
  /** The instance died or stopped on its own; `reason` is for humans and metrics. */
  readonly onFailure: (generation: ConsumerGeneration, reason: string) => void;
  readonly onJoined: (generation: ConsumerGeneration) => void;
}

// kafkajs emits STOP/DISCONNECT before CRASH when it crashes; waiting a moment lets the CRASH,
// which carries the cause, be the reason recorded for the rebuild.
const UNEXPECTED_STOP_GRACE_MS = 1_000;

export class ConsumerGeneration {
  readonly consumer: Consumer;
  readonly signal: AbortSignal;
  private readonly abort = new AbortController();
  private retiredFlag = false;
  private lettingGo = false;
  private stopTimer: NodeJS.Timeout | undefined;
  private disconnecting: Promise<void> | undefined;
  /** The kafkajs disconnect has finished (well or not): nothing of this instance runs on. */
  disconnected = false;
  /** Partitions per topic from the last group join; undefined until joined. */
  assignment: ReadonlyMap<string, readonly number[]> | undefined;
  joined = false;
  lastActivityAt = Date.now();
  /** Set when the instance failed before anyone listened (e.g. during start). */
  failure: string | undefined;

  constructor(
    readonly id: number,
    kafka: Kafka,
    private readonly settings: ResolvedSettings,
    private readonly hooks: GenerationHooks,
    observer: Required<ConsumerObserver>,
  ) {
    this.signal = this.abort.signal;
    this.consumer = kafka.consumer({
      groupId: settings.groupId,
      sessionTimeout: settings.sessionTimeoutMs,
      rebalanceTimeout: settings.rebalanceTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      maxBytesPerPartition: settings.maxBytesPerPartition,
      maxBytes: settings.maxBytes,
      maxWaitTimeInMs: settings.maxWaitTimeMs,
      // Never let kafkajs restart this instance in place: a crash means a new generation.
      retry: {
        retries: 5,
        initialRetryTime: 300,
        maxRetryTime: 5_000,
        restartOnFailure: async () => false,
      },
    });
    this.listen(observer);
  }

  get retired(): boolean {
    return this.retiredFlag;
  }

  touch(): void {
    this.lastActivityAt = Date.now();
  }

  async start(eachBatch: (payload: EachBatchPayload) => Promise<void>): Promise<void> {
    await this.consumer.connect();
    for (const topic of this.settings.topics)
      await this.consumer.subscribe({ topic, fromBeginning: this.settings.fromBeginning });
    await this.consumer.run({
      eachBatch,
      // We resolve offsets ourselves, only after the handler; kafkajs then commits exactly the
      // resolved ones (also before a rebalance), never a fetched-but-unhandled offset.
      eachBatchAutoResolve: false,
      autoCommit: true,
      autoCommitThreshold: 1,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
    });
  }

  /** Replaced by a rebuild: whatever is still in flight must settle nothing. */
  retire(): void {
    this.retiredFlag = true;
    this.letGo();
  }

  /**
   * Ends the instance, bounded: a hung handler must not hold a rebuild or a stop forever.
   * Calling it again waits for the same disconnect, e.g. stop() for an abandoned instance.
   */
  async teardown(timeoutMs: number): Promise<string | undefined> {
    this.letGo();
    this.disconnecting ??= this.consumer.disconnect().finally(() => (this.disconnected = true));
    const outcome = await settleWithin(this.disconnecting, timeoutMs);
    if (outcome === 'settled') return undefined;
    return outcome === 'timed-out'
      ? `consumer ${this.id} did not disconnect within ${timeoutMs} ms (batch in flight abandoned)`
      : `consumer ${this.id} disconnect failed: ${String((outcome.error as Error)?.message ?? outcome.error)}`;
  }

  private letGo(): void {
    this.lettingGo = true;
    clearTimeout(this.stopTimer);
    this.abort.abort();
  }

  private fail(reason: string): void {
    this.joined = false;
    this.assignment = undefined;
    clearTimeout(this.stopTimer);
    if (this.lettingGo || this.failure !== undefined) return;
    this.failure = reason;
    this.hooks.onFailure(this, reason);
  }

  private listen(observer: Required<ConsumerObserver>): void {
    const { events } = this.consumer;
    this.consumer.on(events.GROUP_JOIN, ({ payload }) => {
      const assignment = new Map(Object.entries(payload.memberAssignment));
      this.assignment = assignment;
      this.joined = true;
      this.touch();
      this.hooks.onJoined(this);
      observer.onAssigned(assignment);
    });
    // Rejoining: the next assignment is unknown, and the join gets its own time allowance.
    this.consumer.on(events.REBALANCING, () => {
      this.assignment = undefined;
      this.touch();
    });
    this.consumer.on(events.CRASH, ({ payload }) =>
      this.fail(`crash: ${payload.error.name}: ${payload.error.message}`),
    );
    const stoppedOnItsOwn = (): void => {
      this.joined = false;
      this.assignment = undefined;
      if (this.lettingGo || this.stopTimer !== undefined) return;
      this.stopTimer = setTimeout(
        () => this.fail('consumer stopped without a crash'),
        UNEXPECTED_STOP_GRACE_MS,
      );
    };
    this.consumer.on(events.STOP, stoppedOnItsOwn);
    this.consumer.on(events.DISCONNECT, stoppedOnItsOwn);
    this.consumer.on(events.COMMIT_OFFSETS, ({ payload }) => {
      for (const { topic, partitions } of payload.topics)
        for (const { partition, offset } of partitions)
          observer.onCommitted(topic, partition, offset);
    });
  }
}
