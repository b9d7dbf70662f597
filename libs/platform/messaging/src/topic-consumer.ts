// A consumer-group member that survives what kafkajs alone does not: it hands batches to a
// BatchHandler, dead-letters rejections, commits only settled work, and replaces its kafkajs
// consumer when that crashes or silently stalls. Domain-agnostic: it moves bytes and verdicts.
//
// Back-pressure: kafkajs fetches again only after every batch of the previous fetch was
// handled, so a slow handler slows fetching; maxBytes/maxBytesPerPartition bound each fetch.
import { createEachBatch } from './batch-processor';
import { ConsumerGeneration } from './consumer-generation';
import { safeObserver, type ConsumerObserver } from './consumer-observer';
import type { ConsumerState, ConsumerStatus, StopOutcome } from './consumer-status';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { GroupLagReader } from './group-lag';
import { StallWatchdog } from './stall-watchdog';
import { backoffDelay, sleep } from './timing';
import { dlqOf } from './topics';
import {
  resolveSettings,
  type ResolvedSettings,
  type TopicConsumerSettings,
} from './topic-consumer.settings';

export class TopicConsumer {
  private readonly settings: ResolvedSettings;
  private readonly observer: Required<ConsumerObserver>;
  private readonly deadLetters: DeadLetterPublisher;
  private readonly watchdog: StallWatchdog<ConsumerGeneration>;
  /** Aborted by stop(): ends rebuild backoffs at once. */
  private readonly lifetime = new AbortController();
  private state: ConsumerState = 'idle';
  private current: ConsumerGeneration | undefined;
  private readonly abandoned: ConsumerGeneration[] = [];
  private generations = 0;
  private failedAttempts = 0;
  private rebuilds = 0;
  private lastRebuildReason: string | undefined;
  private lastProblem: string | undefined;
  private lastBatchAt: Date | undefined;
  private readonly offsets: GroupLagReader;
  private starting: Promise<void> | undefined;
  private rebuilding: Promise<void> | undefined;
  private stopping: Promise<StopOutcome> | undefined;

  constructor(settings: TopicConsumerSettings) {
    this.settings = resolveSettings(settings);
    this.observer = safeObserver(settings.observer);
    this.deadLetters = new DeadLetterPublisher(this.settings.kafka);
    const { kafka, groupId, topics, fromBeginning } = this.settings;
    this.offsets = new GroupLagReader(kafka, groupId, topics, fromBeginning);
    this.watchdog = new StallWatchdog({
      intervalMs: this.settings.watchdogIntervalMs,
      limits: {
        stallTimeoutMs: this.settings.stallTimeoutMs,
        // The coordinator ends a join phase within the rebalance timeout and evicts a silent
        // member within its session timeout; a join taking longer than both is stuck.
        joinTimeoutMs: this.settings.rebalanceTimeoutMs + this.settings.sessionTimeoutMs,
      },
      readLag: () => this.offsets.read(),
      current: () => (this.state === 'running' ? this.current : undefined),
      onStall: (generation, reason) => this.rebuild(generation, reason),
      observer: this.observer,
    });
  }

  /** Resolves once the group member runs (not necessarily joined). Rejects if Kafka is unusable. */
  start(): Promise<void> {
    if (this.state !== 'idle')
      return Promise.reject(new Error('TopicConsumer: start() called twice'));
    this.state = 'starting';
    // stop() waits for the attempt itself, not for this cleanup (which calls stop()).
    this.starting = this.startClients();
    return this.starting.catch(async (error: unknown) => {
      this.lastProblem = describe(error);
      await this.stop();
      throw error;
    });
  }

  /** Idempotent: every call returns the same promise. */
  stop(): Promise<StopOutcome> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  status(): ConsumerStatus {
    const generation = this.current;
    return {
      state: this.state,
      connected: this.state === 'running' && generation?.joined === true,
      assignment: Object.fromEntries(generation?.assignment ?? []),
      lastBatchAt: this.lastBatchAt?.toISOString(),
      rebuilds: this.rebuilds,
      lastRebuildReason: this.lastRebuildReason,
      lastProblem: this.lastProblem,
    };
  }

  /** For a readiness probe: running and in the group. */
  healthy(): boolean {
    return this.status().connected;
  }

  private async startClients(): Promise<void> {
    await this.deadLetters.connect();
    await this.assertTopicsExist();
    await this.launch();
    this.watchdog.start();
  }

  // Auto-creation is off, so a missing dead-letter topic would only show up at the first
  // rejection, as a consumer stuck retrying; better to refuse to start.
  private async assertTopicsExist(): Promise<void> {
    const existing = new Set(await this.offsets.listTopics());
    const missing = this.settings.topics
      .flatMap((t) => [t, dlqOf(t)])
      .filter((t) => !existing.has(t));
    if (missing.length > 0)
      throw new Error(
        `TopicConsumer(${this.settings.groupId}): missing topics ${missing.join(', ')}`,
      );
  }

  /** Builds, starts and installs a new generation; running unless stop() came meanwhile. */
  private async launch(): Promise<void> {
    const generation = new ConsumerGeneration(
      ++this.generations,
      this.settings.kafka,
      this.settings,
      {
        onFailure: (g, reason) => this.rebuild(g, reason),
        onJoined: () => (this.failedAttempts = 0),
      },
      this.observer,
    );
    this.current = generation;
    try {
      await generation.start(this.eachBatchFor(generation));
    } catch (error) {
      await generation.teardown(this.settings.teardownTimeoutMs);
      this.current = undefined;
      throw error;
    }
    if (this.lifetime.signal.aborted) return;
    this.state = 'running';
    // It may have crashed while starting, before rebuild() would listen (state was not running).
    if (generation.failure !== undefined) this.rebuild(generation, generation.failure);
  }

  private eachBatchFor(generation: ConsumerGeneration) {
    return createEachBatch({
      handler: this.settings.handler,
      publishDeadLetters: (letters) => this.deadLetters.publish(letters),
      observer: this.observer,
      maxChunkSize: this.settings.maxChunkSize,
      maxValueBytes: this.settings.maxValueBytes,
      handlerRetry: this.settings.handlerRetry,
      isRetired: () => generation.retired,
      signal: generation.signal,
      onActivity: () => generation.touch(),
      onChunkCommitted: () => (this.lastBatchAt = new Date()),
    });
  }

  /** Replaces a crashed or stalled generation; later reports about the same one are ignored. */
  private rebuild(generation: ConsumerGeneration, reason: string): void {
    if (generation !== this.current || generation.retired || this.state !== 'running') return;
    generation.retire();
    this.state = 'rebuilding';
    this.rebuilds += 1;
    this.lastRebuildReason = reason;
    this.observer.onRebuild(reason);
    const rebuilding: Promise<void> = this.replace(generation).finally(() => {
      // A crash right after launch starts the next rebuild before this one has settled.
      if (this.rebuilding === rebuilding) this.rebuilding = undefined;
    });
    this.rebuilding = rebuilding;
  }

  private async replace(old: ConsumerGeneration): Promise<void> {
    const problem = await old.teardown(this.settings.teardownTimeoutMs);
    if (problem !== undefined) this.lastProblem = problem;
    // Still waiting for its batch in flight: stop() waits for it once more before returning.
    if (!old.disconnected) this.abandoned.push(old);
    this.current = undefined;
    while (!this.lifetime.signal.aborted) {
      this.failedAttempts += 1;
      await sleep(
        backoffDelay(this.failedAttempts, this.settings.rebuildBackoff),
        this.lifetime.signal,
      );
      if (this.lifetime.signal.aborted) return;
      try {
        return await this.launch();
      } catch (error) {
        // Typically the broker is still away; try again after a longer backoff.
        this.lastProblem = `rebuild failed: ${describe(error)}`;
      }
    }
  }

  private async shutdown(): Promise<StopOutcome> {
    this.state = 'stopping';
    this.lifetime.abort();
    await this.starting?.catch(() => undefined);
    await this.watchdog.stop();
    await this.rebuilding;
    const problems: string[] = [];
    const note = (problem: string | undefined): void => {
      if (problem !== undefined) problems.push(problem);
    };
    // Consumer first: the batch in flight may still dead-letter through the producer.
    note(await this.current?.teardown(this.settings.stopTimeoutMs));
    for (const old of this.abandoned) note(await old.teardown(this.settings.stopTimeoutMs));
    note(await this.deadLetters.disconnect().then(noProblem, (e) => `producer: ${describe(e)}`));
    note(await this.offsets.disconnect().then(noProblem, (e) => `admin: ${describe(e)}`));
    this.state = 'stopped';
    this.observer.onAssigned(new Map());
    if (problems.length > 0) this.lastProblem = problems.join('; ');
    return { graceful: problems.length === 0, problems };
  }
}

function noProblem(): undefined {
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
