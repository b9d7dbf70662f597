// The eachBatch callback: for each chunk of a fetched batch, handler → dead letters → resolve →
// commit → heartbeat. Offsets move only after the handler (and the dead-letter produce) resolved,
// so a crash anywhere before that redelivers the chunk: at-least-once, never skipped.
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { OVERSIZED, rejected, type BatchHandler, type Verdict } from './batch-handler';
import type { ConsumerObserver } from './consumer-observer';
import type { DeadLetter } from './dead-letter-publisher';
import { toInboundMessage, type InboundMessage } from './inbound-message';
import { backoffDelay, sleep, type Backoff } from './timing';

export interface BatchProcessorDeps {
  readonly handler: BatchHandler;
  readonly publishDeadLetters: (letters: readonly DeadLetter[]) => Promise<void>;
  readonly observer: Required<ConsumerObserver>;
  readonly maxChunkSize: number;
  readonly maxValueBytes: number;
  readonly handlerRetry: Backoff;
  /** This kafkajs consumer was replaced by a rebuild: settle nothing more, commit nothing. */
  readonly isRetired: () => boolean;
  /** Aborted on retire and on stop: cuts a retry backoff short. */
  readonly signal: AbortSignal;
  /** Feeds the stall watchdog: any handler call starting or ending is progress. */
  readonly onActivity: () => void;
  readonly onChunkCommitted: () => void;
}

export function createEachBatch(deps: BatchProcessorDeps) {
  return async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    for (const chunk of chunksOf(batch.messages, deps.maxChunkSize)) {
      // Between chunks, not inside one: a stop() lets the chunk in flight finish and commit.
      if (!payload.isRunning() || payload.isStale() || deps.isRetired()) return;
      const startedAt = Date.now();
      const messages = chunk.map((m) => toInboundMessage(batch.topic, batch.partition, m));
      const verdicts = await settleWithRetry(deps, payload, messages);
      const last = chunk[chunk.length - 1];
      if (verdicts === undefined || last === undefined || deps.isRetired()) return;
      payload.resolveOffset(last.offset);
      // autoCommitThreshold is 1, so this commits what was just resolved, now.
      await payload.commitOffsetsIfNecessary();
      deps.onChunkCommitted();
      report(deps.observer, messages, verdicts, Date.now() - startedAt);
      await payload.heartbeat();
    }
  };
}

/** The verdicts once settled, or undefined when the consumer is stopping or was replaced. */
async function settleWithRetry(
  deps: BatchProcessorDeps,
  payload: EachBatchPayload,
  messages: readonly InboundMessage[],
): Promise<readonly Verdict[] | undefined> {
  const { topic, partition } = payload.batch;
  const goOn = (): boolean => payload.isRunning() && !payload.isStale() && !deps.isRetired();
  for (let attempt = 1; ; attempt += 1) {
    deps.onActivity();
    try {
      return await settle(deps, messages);
    } catch (error) {
      deps.observer.onHandlerError({ topic, partition, attempt, error });
    } finally {
      deps.onActivity();
    }
    if (!goOn()) return undefined;
    await sleep(backoffDelay(attempt, deps.handlerRetry), deps.signal);
    if (!goOn()) return undefined;
    // A store outage can last longer than the session timeout; stay in the group meanwhile.
    // A rebalance surfaces here as a thrown error, which hands the chunk, uncommitted, on.
    await payload.heartbeat();
  }
}

async function settle(
  deps: BatchProcessorDeps,
  messages: readonly InboundMessage[],
): Promise<readonly Verdict[] | undefined> {
  const verdicts = await judge(deps, messages);
  // Replaced while the handler ran: the new consumer redelivers this chunk, so dead-lettering
  // here would only write duplicates.
  if (deps.isRetired()) return undefined;
  await deps.publishDeadLetters(
    messages.flatMap((message, i) => {
      const verdict = verdicts[i];
      return verdict?.kind === 'rejected' ? [{ message, rejection: verdict }] : [];
    }),
  );
  return verdicts;
}

async function judge(
  deps: BatchProcessorDeps,
  messages: readonly InboundMessage[],
): Promise<readonly Verdict[]> {
  // Checked before the handler so a huge value never reaches a JSON parser.
  const oversized = (m: InboundMessage): boolean => (m.value?.length ?? 0) > deps.maxValueBytes;
  const forHandler = messages.filter((m) => !oversized(m));
  const handled = forHandler.length > 0 ? await deps.handler.handle(forHandler) : [];
  if (handled.length !== forHandler.length)
    throw new Error(
      `handler returned ${handled.length} verdicts for ${forHandler.length} messages`,
    );
  const queue = [...handled];
  return messages.map((m) =>
    oversized(m)
      ? rejected(OVERSIZED, {
          detail: `value is ${m.value?.length} bytes, limit ${deps.maxValueBytes}`,
        })
      : (queue.shift() as Verdict),
  );
}

function report(
  observer: Required<ConsumerObserver>,
  messages: readonly InboundMessage[],
  verdicts: readonly Verdict[],
  durationMs: number,
): void {
  const first = messages[0];
  if (first === undefined) return;
  const { topic, partition } = first;
  observer.onBatch({ topic, partition, size: messages.length, durationMs });
  const accepted = verdicts.filter((v) => v.kind === 'accepted').length;
  if (accepted > 0) observer.onAccepted(topic, accepted);
  const byReason = new Map<string, number>();
  for (const v of verdicts)
    if (v.kind === 'rejected') byReason.set(v.reason, (byReason.get(v.reason) ?? 0) + 1);
  for (const [reason, count] of byReason) observer.onRejected(topic, reason, count);
}

function* chunksOf(messages: readonly KafkaMessage[], size: number): Generator<KafkaMessage[]> {
  for (let start = 0; start < messages.length; start += size)
    yield messages.slice(start, start + size);
}
