import { setImmediate } from 'node:timers/promises';
import {
  StoreFileReader,
  type Checkpoint,
  type CheckpointStore,
  type EventStore,
  type FileEvent,
  type RecordedEvent,
  type Subscription,
} from '@churn/event-store';
import type { RiskOutput } from '../engine/engine-input';
import type { RiskEngine } from '../engine/risk-engine';
import { LoopStatus } from './loop-status';
import { ParallelCatchUp } from './parallel-catch-up/parallel-catch-up';

/** Inputs re-folded from the file between two turns of the event loop (~20 ms). */
const REFOLD_SLICE = 2_000;

/** The streams the engine follows: every customer's. */
const STREAM_PREFIXES = ['customer-'] as const;

export interface RiskLoopOptions {
  readonly subscriberId: string;
  /** Append and checkpoint after this many inputs past the checkpoint… */
  readonly flushEveryInputs: number;
  /** …or this often: each checkpoint save is a commit (an fsync on the embedded store). */
  readonly flushEveryMs: number;
  /**
   * Risk events are appended within this many ms of the input that produced them, without
   * waiting for the next checkpoint (which then covers them): a live feed's latency. Omitted:
   * only with the checkpoint.
   */
  readonly appendOutputsWithinMs?: number;
  /**
   * The embedded store's file (null or absent: EventStoreDB): the catch-up up to the stored
   * checkpoint may then be spread over `catchUpThreads` threads (`parallel-catch-up/`)…
   */
  readonly storeFile?: string | null;
  /** …this one and shard threads folding the customers; 1: this thread alone… */
  readonly catchUpThreads?: number;
  /** …when the checkpoint is at least this far (a shard thread takes a moment to start). */
  readonly catchUpThreadsFrom?: number;
  /** Tests only: stop dead after this many inputs, before or after appending the last outputs. */
  readonly crash?: { readonly afterInputs: number; readonly appended: boolean };
}

export interface RiskLoopObserver {
  onInput?(seconds: number): void;
  onFlushed?(outputs: readonly RiskOutput[], checkpoint: number | null): void;
  onFailed?(error: unknown): void;
}

/**
 * The catch-up subscription (issue: "catch-up subscription with a stored checkpoint; restart at
 * any point changes nothing"). The engine keeps its state in memory, so every start folds the
 * customer streams from the beginning; outputs are appended only for inputs after the stored
 * checkpoint (those before it were appended already). Outputs are appended before the checkpoint
 * that covers them is saved, so a crash in between re-derives the same events, whose derived ids
 * make the second append a no-op (ARCHITECTURE.md principle 3).
 */
export class RiskEngineLoop {
  readonly status = new LoopStatus();
  private subscription: Subscription | undefined;
  private following: Promise<void> = Promise.resolve();
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private buffer: RiskOutput[] = [];
  private sinceFlush = 0;
  private inputs = 0;
  private catchUp: ParallelCatchUp | undefined;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly engine: RiskEngine,
    private readonly options: RiskLoopOptions,
    private readonly observer: RiskLoopObserver = {},
  ) {}

  async start(): Promise<void> {
    const stored = await this.checkpoints.load(this.options.subscriberId);
    this.status.resumeAfter(stored);
    this.following = this.follow(stored ?? 0);
    this.timer = setInterval(
      () => void this.flush().catch(() => undefined),
      this.options.flushEveryMs,
    );
    this.timer.unref();
  }

  /** Graceful stop: the subscription ends, then what was handled is appended and checkpointed. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    clearTimeout(this.soon);
    await this.subscription?.close();
    await this.catchUp?.cancel();
    await this.following;
    if (!this.status.crashed && !this.status.failed) await this.flush();
  }

  /** Resolves once every input up to `position` has been handled (tests, start-up logs). */
  async handledUpTo(position: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.status.position < position) {
      if (this.status.failed) throw new Error(`risk engine failed: ${this.status.error}`);
      if (Date.now() > deadline)
        throw new Error(
          `risk engine at ${this.status.position}, not ${position}, after ${timeoutMs} ms`,
        );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async follow(checkpoint: number): Promise<void> {
    try {
      const from = await this.refoldFromFile(checkpoint);
      if (from === undefined || this.stopping) return;
      const subscription = this.store.subscribe({
        fromPosition: from,
        streamPrefixes: [...STREAM_PREFIXES],
      });
      this.subscription = subscription;
      for await (const recorded of subscription) {
        this.record(recorded, this.decide(recorded));
        if (this.crashDue()) return await this.crash();
        if (this.sinceFlush >= this.options.flushEveryInputs) await this.flush();
      }
    } catch (error) {
      this.status.fail(error);
      this.observer.onFailed?.(error);
    }
  }

  /**
   * On the embedded store, the re-fold up to the stored checkpoint reads the file itself, on this
   * thread, synchronously (no subscription: a few µs less per event), in slices between which
   * the process answers (/health, /metrics); shard threads, if any, fold and assess the
   * customers this thread sends them (`parallel-catch-up/`) and hand them over at the end. Its
   * inputs decide nothing to append (they were appended before). Returns where the subscription
   * goes on from, or undefined when the loop stopped or crashed meanwhile.
   */
  private async refoldFromFile(checkpoint: number): Promise<Checkpoint | undefined> {
    const file = this.options.storeFile;
    if (file == null || checkpoint <= 0) return 'start';
    const reader = new StoreFileReader(file);
    try {
      const upTo = reader.lastPosition({
        streamPrefixes: STREAM_PREFIXES,
        upToPosition: checkpoint,
      });
      if (upTo === 0) return 'start';
      const catchUp = this.startParallelCatchUp(checkpoint);
      this.catchUp = catchUp;
      this.status.catchUpThreads = catchUp?.threads ?? 1;
      // The last input is reported handled once the shards' customers are in: until then the
      // engine does not hold them all.
      let last: { recorded: FileEvent; outputs: readonly RiskOutput[] } | undefined;
      let slice = 0;
      for (const recorded of reader.events({
        streamPrefixes: STREAM_PREFIXES,
        upToPosition: upTo,
      })) {
        // Not timed: risk_fold_duration_seconds is the live inputs' (the re-fold's rate is in
        // the position and folded counts).
        const outputs = this.engine.handle(recorded);
        if (recorded.position === upTo) {
          last = { recorded, outputs };
          break;
        }
        this.record(recorded, outputs);
        if (this.crashDue()) return void (await this.crash());
        if (++slice < REFOLD_SLICE) continue;
        slice = 0;
        await setImmediate();
        if (catchUp !== undefined && !(await this.unlessStopped(catchUp.ready()))) return undefined;
        if (this.stopping) return undefined;
      }
      if (catchUp !== undefined) {
        const handovers = await this.unlessStopped(catchUp.finish());
        if (handovers === undefined) return undefined;
        this.engine.adopt(handovers);
        this.catchUp = undefined;
      }
      if (last !== undefined) this.record(last.recorded, last.outputs);
      if (this.crashDue()) return void (await this.crash());
      return upTo;
    } finally {
      reader.close();
    }
  }

  /**
   * What `work` resolves to, or undefined when it failed because the loop is stopping (the
   * shard threads were stopped under it); any other failure is the loop's.
   */
  private async unlessStopped<T>(work: Promise<T>): Promise<T | undefined> {
    try {
      return await work;
    } catch (error) {
      if (this.stopping) return undefined;
      throw error;
    }
  }

  private startParallelCatchUp(checkpoint: number): ParallelCatchUp | undefined {
    const { catchUpThreads = 1, catchUpThreadsFrom = 0 } = this.options;
    if (catchUpThreads < 2 || checkpoint < catchUpThreadsFrom) return undefined;
    return ParallelCatchUp.start(this.engine, catchUpThreads);
  }

  private decide(recorded: RecordedEvent): readonly RiskOutput[] {
    const started = performance.now();
    const outputs = this.engine.handle(recorded);
    this.observer.onInput?.((performance.now() - started) / 1000);
    return outputs;
  }

  /** The input is handled: its position reported, its outputs buffered if after the checkpoint. */
  private record(recorded: { readonly position: number }, outputs: readonly RiskOutput[]): void {
    this.inputs += 1;
    this.status.handled(recorded.position);
    if (!this.status.isAfterCheckpoint(recorded.position)) return;
    for (const output of outputs) this.buffer.push(output);
    this.sinceFlush += 1;
    if (outputs.length > 0) this.appendSoon();
  }

  /** Appends the outputs buffered so far shortly, in the flush order, with no checkpoint. */
  private appendSoon(): void {
    const within = this.options.appendOutputsWithinMs;
    if (within === undefined || this.soon !== undefined) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      if (!this.status.failed) void this.flush({ checkpoint: false }).catch(() => undefined);
    }, within);
    this.soon.unref();
  }

  private crashDue(): boolean {
    const crash = this.options.crash;
    return crash !== undefined && this.inputs >= crash.afterInputs;
  }

  /** A crash, for tests: no checkpoint for what was handled since the last flush. */
  private async crash(): Promise<void> {
    clearTimeout(this.soon);
    this.status.crash();
    const outputs = this.buffer;
    this.buffer = [];
    if (this.options.crash?.appended) await this.appendAll(outputs);
  }

  /**
   * One flush at a time, in order: appends, then the checkpoint that covers them (unless
   * `checkpoint` is false: the outputs only, which a later checkpoint then covers).
   */
  flush({ checkpoint = true }: { readonly checkpoint?: boolean } = {}): Promise<void> {
    const run = this.flushing.then(() => this.flushNow(checkpoint));
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async flushNow(checkpoint: boolean): Promise<void> {
    if (this.status.crashed) return;
    const outputs = this.buffer;
    const position = this.status.position;
    this.buffer = [];
    if (checkpoint) this.sinceFlush = 0;
    try {
      await this.appendAll(outputs);
      const saved = checkpoint && this.status.mayCheckpoint(position);
      if (saved) await this.checkpoints.save(this.options.subscriberId, position);
      if (saved) this.status.checkpointed(position);
      this.observer.onFlushed?.(outputs, saved ? position : null);
    } catch (error) {
      this.status.fail(error);
      this.observer.onFailed?.(error);
      throw error;
    }
  }

  /**
   * Issued in order in one tick: the embedded store commits them in that order in one
   * transaction (group commit), so the log's order never depends on when a flush happened.
   * One event per append with `'any'`: a retry of an event already stored is a no-op.
   */
  private async appendAll(outputs: readonly RiskOutput[]): Promise<void> {
    await Promise.all(
      outputs.map(({ stream, event }) =>
        this.store.append(stream, [event], { expectedRevision: 'any' }),
      ),
    );
  }
}
