import type { CheckpointStore, EventStore, SqliteEventStore } from '@churn/event-store';
import { RiskEngine } from '../engine/risk-engine';
import { RiskEngineLoop, type RiskLoopOptions } from '../runner/risk-engine-loop';
import { defaultEngine, WATERMARKED } from './engine-run';

export const TEST_LOOP: RiskLoopOptions = {
  subscriberId: 'risk-engine',
  flushEveryInputs: 2_000,
  // Short, so that timer flushes fall at arbitrary points: the log's order must not care.
  flushEveryMs: 15,
};

/**
 * Starts a fresh engine (state in memory, rebuilt from the start; default `defaultEngine()`) on `store`, lets it handle
 * every input up to `lastPosition` (or crash on the way, per `options.crash`), and stops it.
 */
export const runLoop = async (
  store: EventStore,
  checkpoints: CheckpointStore,
  lastPosition: number,
  options: Partial<RiskLoopOptions> = {},
  engine: RiskEngine = defaultEngine(),
): Promise<RiskEngineLoop> => {
  const loop = new RiskEngineLoop(store, checkpoints, engine, {
    ...TEST_LOOP,
    ...options,
  });
  await loop.start();
  const crashAt = options.crash?.afterInputs;
  const until = crashAt === undefined ? lastPosition : Math.min(lastPosition, crashAt);
  await loop.handledUpTo(until, 60_000);
  await loop.stop();
  return loop;
};

/** `runLoop` on an embedded store with a fresh engine behind the test watermark. */
export const runWatermarked = (
  store: SqliteEventStore,
  lastPosition: number,
  options: Partial<RiskLoopOptions> = {},
): Promise<RiskEngineLoop> =>
  runLoop(store, store.checkpointStore(), lastPosition, options, new RiskEngine(WATERMARKED));

/** A checkpoint store that counts its saves: a save is a commit, it must not be per event. */
export const countingCheckpoints = (inner: CheckpointStore) => {
  const counted = {
    saves: 0,
    load: (id: string) => inner.load(id),
    save: async (id: string, position: number) => {
      counted.saves += 1;
      await inner.save(id, position);
    },
  };
  return counted;
};
