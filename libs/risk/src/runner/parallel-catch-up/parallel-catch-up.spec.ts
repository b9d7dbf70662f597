import type { SqliteEventStore } from '@churn/event-store';
import {
  customerIdsOf,
  riskEventsJson,
  runWatermarked as run,
  storedBacklog,
  TEST_LOOP,
  WATERMARKED,
} from '../../testing';
import type { RecordedInput } from '../../engine/engine-input';
import { RiskEngine } from '../../engine/risk-engine';
import { RiskEngineLoop, type RiskLoopOptions } from '../risk-engine-loop';
import { ParallelCatchUp } from './parallel-catch-up';

/**
 * A restart after a crash half-way through a backlog (seven partitions, facts held behind the
 * watermark): the catch-up up to the checkpoint spread over shard threads, this one reading the
 * file on its own connection, must leave the store as one thread leaves it.
 */
describe('a restart whose catch-up is spread over threads', () => {
  let backlog: readonly RecordedInput[] = [];
  let last = 0;
  let uninterrupted: string[] = [];
  let copy: () => { readonly file: string; readonly store: SqliteEventStore };

  beforeAll(async () => {
    const stored = await storedBacklog('risk-parallel-catch-up-');
    ({ backlog, last, uninterrupted, copyWithFile: copy } = stored);
  }, 120_000);

  it('writes risk events for the branch', () => expect(uninterrupted.length).toBeGreaterThan(20));

  /** A copy of the stored backlog, after a run that crashed at 60% of it (checkpoint past a third). */
  const crashedAt60 = async () => {
    const copied = copy();
    const crashed = await run(copied.store, last, {
      crash: { afterInputs: Math.floor(last * 0.6), appended: false },
    });
    expect(crashed.status.checkpoint).toBeGreaterThan(last / 3);
    return copied;
  };

  it('gets every customer back from the shard threads, three per message, as one engine holds them', async () => {
    const alone = new RiskEngine(WATERMARKED);
    const routing = new RiskEngine(WATERMARKED);
    const catchUp = ParallelCatchUp.start(routing, 3, 3);
    for (const input of backlog) {
      alone.handle(input);
      routing.handle(input);
    }
    routing.adopt(await catchUp.finish());
    expect(routing.customers).toBe(alone.customers);
    expect(alone.customers).toBeGreaterThan(20);
    for (const id of customerIdsOf(backlog))
      expect({ id, watch: routing.watchOf(id) }).toEqual({ id, watch: alone.watchOf(id) });
    expect(routing.counts.decisions()).toEqual(alone.counts.decisions());
  }, 60_000);

  it.each([2, 3])(
    'ends with the same store, on %p threads, as without a crash',
    async (threads) => {
      const { file, store } = await crashedAt60();
      const restarted = await run(store, last, {
        storeFile: file,
        catchUpThreads: threads,
        catchUpThreadsFrom: 0,
      });
      expect(restarted.status.catchUpThreads).toBe(threads);
      expect(await riskEventsJson(store)).toEqual(uninterrupted);
      store.close();
    },
    120_000,
  );

  const threaded = (file: string): Partial<RiskLoopOptions> => ({
    storeFile: file,
    catchUpThreads: 2,
    catchUpThreadsFrom: 0,
  });

  it('stops cleanly in the middle of a re-fold on threads; the next start finishes it', async () => {
    const { file, store } = await crashedAt60();
    const options = { ...TEST_LOOP, ...threaded(file) };
    const loop = new RiskEngineLoop(
      store,
      store.checkpointStore(),
      new RiskEngine(WATERMARKED),
      options,
    );
    await loop.start();
    expect(loop.status.catchUpThreads).toBe(2);
    await loop.stop();
    expect(loop.status.failed).toBe(false);
    expect(loop.status.position).toBeLessThan(loop.status.resumedAfter);
    await run(store, last, threaded(file));
    expect(await riskEventsJson(store)).toEqual(uninterrupted);
    store.close();
  }, 120_000);

  it('crashes in the middle of a re-fold on threads; the next start finishes it', async () => {
    const { file, store } = await crashedAt60();
    const crashed = await run(store, last, {
      ...threaded(file),
      crash: { afterInputs: 300, appended: true },
    });
    expect(crashed.status.crashed).toBe(true);
    await run(store, last, threaded(file));
    expect(await riskEventsJson(store)).toEqual(uninterrupted);
    store.close();
  }, 120_000);

  it('folds on one thread when the checkpoint is nearer than catchUpThreadsFrom', async () => {
    const { file, store } = await crashedAt60();
    const restarted = await run(store, last, {
      storeFile: file,
      catchUpThreads: 2,
      catchUpThreadsFrom: last,
    });
    expect(restarted.status.catchUpThreads).toBe(1);
    expect(await riskEventsJson(store)).toEqual(uninterrupted);
    store.close();
  }, 120_000);
});
