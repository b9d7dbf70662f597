// What a TopicConsumer tells a health check and a shutdown hook.

export type ConsumerState = 'idle' | 'starting' | 'running' | 'rebuilding' | 'stopping' | 'stopped';

export interface ConsumerStatus {
  readonly state: ConsumerState;
  /** The current kafkajs consumer is in the group (joined, not crashed or stopped since). */
  readonly connected: boolean;
  /** Partitions per topic this member owns now. */
  readonly assignment: Readonly<Record<string, readonly number[]>>;
  /** ISO time of the last committed chunk. */
  readonly lastBatchAt: string | undefined;
  /** kafkajs consumer instances replaced since start (crash, unexpected stop or stall). */
  readonly rebuilds: number;
  readonly lastRebuildReason: string | undefined;
  /** Latest trouble that did not stop the consumer (failed rebuild attempt, abandoned batch). */
  readonly lastProblem: string | undefined;
}

export interface StopOutcome {
  /** The batch in flight finished and was committed, and every client disconnected. */
  readonly graceful: boolean;
  readonly problems: readonly string[];
}
