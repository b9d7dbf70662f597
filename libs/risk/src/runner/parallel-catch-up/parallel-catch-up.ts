import { Worker } from 'node:worker_threads';
import { threadEntry, threadOptions } from '@churn/config';
import type { RiskEngine, ShardHandover } from '../../engine/risk-engine';
import {
  CATCH_UP_SHARD_MARK,
  type CatchUpShardOrder,
  type CatchUpShardReply,
} from './catch-up-shard';
// Imported for the build only (a no-op here): tsc emits what is imported, and the threads run it.
import './catch-up-shard.entry';

const ENTRY = threadEntry(__filename, 'catch-up-shard.entry');

export interface ParallelCatchUpSettings {
  /** The embedded store's file, which each helper thread reads on a connection of its own. */
  readonly file: string;
  /** Shards in all: this thread and `threads - 1` helpers. */
  readonly threads: number;
  readonly streamPrefixes: readonly string[];
  /** The last position to fold (of the wanted streams): where the helpers hand over. */
  readonly upToPosition: number;
}

/**
 * The risk engine's catch-up spread over the machine's cores. After a restart the engine must
 * re-fold every stored fact up to its checkpoint before it goes on, deciding nothing new; the
 * customers' folds are independent, so each thread folds one shard of them, while every thread
 * reads every fact for what all shards share: the business clock, the watermark and the
 * employers (a few µs per fact, against the customer fold's, evidence's and assessments' many).
 * This thread's engine is shard 0 (`RiskEngineLoop` reads the same file on this thread); at
 * `handOverAt`, the last position every thread reads, it adopts the helpers' customers, as of
 * the same input, and goes on alone. The decisions after the handover are the ones a single
 * engine makes (`customer-shard.spec.ts`, `parallel-catch-up.spec.ts`).
 */
export class ParallelCatchUp {
  private constructor(
    /** The helpers' customers are as of this position. */
    readonly handOverAt: number,
    /** Threads folding, this one included. */
    readonly threads: number,
    private readonly workers: readonly Worker[],
    private readonly replies: Promise<ShardHandover[]>,
  ) {}

  /**
   * Starts the helpers over everything up to `settings.upToPosition` and makes `engine` (before
   * its first input) shard 0 of them.
   */
  static start(engine: RiskEngine, settings: ParallelCatchUpSettings): ParallelCatchUp {
    const { file, threads, streamPrefixes, upToPosition: handOverAt } = settings;
    engine.foldOnly({ index: 0, count: threads });
    const workers: Worker[] = [];
    const replies: Promise<ShardHandover>[] = [];
    for (let index = 1; index < threads; index++) {
      const order: CatchUpShardOrder = {
        mark: CATCH_UP_SHARD_MARK,
        file,
        streamPrefixes,
        upToPosition: handOverAt,
        shard: { index, count: threads },
        settings: engine.settings,
      };
      const worker = new Worker(ENTRY, threadOptions(__filename, order));
      workers.push(worker);
      replies.push(replyOf(worker, index));
    }
    const all = Promise.all(replies);
    // Awaited at the handover; until then a failure must not be an unhandled rejection.
    all.catch(() => undefined);
    return new ParallelCatchUp(handOverAt, threads, workers, all);
  }

  /** Every helper's customers, once each has read up to `handOverAt`; rejects if one failed. */
  handovers(): Promise<ShardHandover[]> {
    return this.replies;
  }

  /** Stops the helpers (a shutdown during the catch-up). */
  async cancel(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

const replyOf = (worker: Worker, index: number): Promise<ShardHandover> =>
  new Promise((resolve, reject) => {
    const failed = (why: string): void =>
      reject(new Error(`catch-up shard ${index} failed: ${why}`));
    worker.once('message', (reply: CatchUpShardReply) => {
      if ('error' in reply) failed(reply.error);
      else resolve(reply.handover);
      void worker.terminate();
    });
    worker.once('error', (error) => failed(error.message));
    worker.once('exit', (code) => failed(`its thread exited (${code}) before answering`));
  });
