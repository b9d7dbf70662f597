import { Worker } from 'node:worker_threads';
import { threadEntry, threadOptions } from '@churn/config';
import type { DayNumber } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import type { BranchContext } from '@churn/domain-risk';
import type { CustomerWatch } from '../../engine/customer-watch';
import { shardOfCustomer } from '../../engine/customer-shard';
import type { CustomerRoute, RiskEngine, ShardHandover } from '../../engine/risk-engine';
import {
  CATCH_UP_SHARD_MARK,
  type CatchUpShardStart,
  type FromShard,
  type RoutedClose,
  type RoutedFact,
  type ToShard,
} from './catch-up-shard';
// Imported for the build only (a no-op here): tsc emits what is imported, and the threads run it.
import './catch-up-shard.entry';

const ENTRY = threadEntry(__filename, 'catch-up-shard.entry');
/** Items per message to a shard thread… */
const BATCH = 1_000;
/** …and messages a shard may have waiting before the routing thread waits for it. */
const WINDOW = 16;
/**
 * Customers per message of a shard's hand-over: this thread reads a share while the shard
 * writes the next (one message of 128,206 customers took 8.3 s, each side in turn).
 */
const HAND_OVER_SHARE = 2_000;

/**
 * The risk engine's catch-up spread over the machine's cores. After a restart the engine must
 * re-fold every stored fact up to its checkpoint before it goes on, deciding nothing new. This
 * thread reads the facts and keeps what is the branch's (the business clock, the watermark, the
 * employers, with their day closes); the customers, each a fold of their own facts assessed at
 * the day closes, are spread over `threads - 1` shard threads: this thread sends each shard its
 * customers' facts (FNV-1a of the id) and every day's close with the branch context, in its own
 * order, in batches (at most `WINDOW` waiting per shard). At the end each shard hands over its
 * customers, as of the last input, and the engine goes on alone with all of them. The decisions
 * after the hand-over are the ones a single engine makes (`customer-shard.spec.ts`,
 * `parallel-catch-up.spec.ts`).
 */
export class ParallelCatchUp implements CustomerRoute {
  private readonly buffers: (RoutedFact | RoutedClose)[][];
  /** Messages sent to each shard and not yet done. */
  private readonly waiting: number[];
  private readonly handovers: Promise<ShardHandover>[];
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  private constructor(
    /** Threads working, this one included. */
    readonly threads: number,
    private readonly workers: readonly Worker[],
  ) {
    this.buffers = workers.map(() => []);
    this.waiting = workers.map(() => 0);
    this.handovers = workers.map((worker, shard) => this.follow(worker, shard));
  }

  /** Starts `threads - 1` shard threads and sends them `engine`'s customers (before any input). */
  static start(
    engine: RiskEngine,
    threads: number,
    handOverShare = HAND_OVER_SHARE,
  ): ParallelCatchUp {
    const start: CatchUpShardStart = {
      mark: CATCH_UP_SHARD_MARK,
      settings: engine.settings,
      handOverShare,
    };
    const workers = Array.from(
      { length: threads - 1 },
      () => new Worker(ENTRY, threadOptions(__filename, start)),
    );
    const catchUp = new ParallelCatchUp(threads, workers);
    engine.routeCustomers(catchUp);
    return catchUp;
  }

  fact(ordinal: number, eventId: string, fact: BankFact): void {
    const shard = shardOfCustomer(fact.data.customerId, this.workers.length);
    const buffer = this.buffers[shard] as (RoutedFact | RoutedClose)[];
    buffer.push([0, ordinal, eventId, fact.type, fact.schemaVersion, fact.data]);
    if (buffer.length >= BATCH) this.send(shard);
  }

  close(day: DayNumber, causationId: string, branch: BranchContext): void {
    const item: RoutedClose = [1, day, causationId, [...branch.employersWithMissingBatch]];
    for (const buffer of this.buffers) buffer.push(item);
  }

  /** Resolves once no shard has more than `WINDOW` messages waiting; rejects if one failed. */
  async ready(): Promise<true> {
    while (this.failure === undefined && this.waiting.some((n) => n > WINDOW))
      await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure !== undefined) throw this.failure;
    return true;
  }

  /** Sends what is left and the end; every shard's customers, once each has folded its share. */
  async finish(): Promise<ShardHandover[]> {
    this.workers.forEach((worker, shard) => {
      this.send(shard);
      worker.postMessage({ end: true } satisfies ToShard);
    });
    return Promise.all(this.handovers);
  }

  /** Stops the shard threads (a shutdown during the catch-up). */
  async cancel(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private send(shard: number): void {
    const items = this.buffers[shard] as (RoutedFact | RoutedClose)[];
    if (items.length === 0) return;
    this.buffers[shard] = [];
    this.waiting[shard] = (this.waiting[shard] as number) + 1;
    this.workers[shard]?.postMessage({ items } satisfies ToShard);
  }

  private follow(worker: Worker, shard: number): Promise<ShardHandover> {
    const watches: CustomerWatch[] = [];
    const handover = new Promise<ShardHandover>((resolve, reject) => {
      const failed = (why: string): void => {
        this.failure ??= new Error(`catch-up shard ${shard + 1} failed: ${why}`);
        this.awake();
        reject(this.failure);
      };
      worker.on('message', (reply: FromShard) => {
        if ('done' in reply) {
          this.waiting[shard] = (this.waiting[shard] as number) - 1;
          this.awake();
        } else if ('customers' in reply) {
          for (const watch of reply.customers) watches.push(watch);
        } else if ('handedOver' in reply) {
          resolve({ watches, decisions: reply.handedOver });
          void worker.terminate();
        } else failed(reply.error);
      });
      worker.once('error', (error) => failed(error.message));
      worker.once('exit', (code) => failed(`its thread exited (${code}) before handing over`));
    });
    // Awaited at the end; until then a failure must not be an unhandled rejection.
    handover.catch(() => undefined);
    return handover;
  }

  private awake(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
