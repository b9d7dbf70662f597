import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RISK_POLICY } from '@churn/domain-risk';
import { SqliteEventStore } from '@churn/event-store';
import { RiskEngine } from '../../engine/risk-engine';
import { DEFAULT_REVIEW_SCHEDULE } from '../../engine/review-schedule';
import {
  appendInChunks,
  bigTransferStory,
  branchFeed,
  partitioned,
  recordedFacts,
  riskEventsJson,
  roundRobin,
  runLoop,
  salaryStopsStory,
} from '../../testing';
import { TEST_LOOP } from '../../testing/loop-run';
import { RiskEngineLoop, type RiskLoopOptions } from '../risk-engine-loop';

const dir = mkdtempSync(join(tmpdir(), 'risk-parallel-catch-up-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const template = join(dir, 'template.db');
let copies = 0;
const copy = () => {
  const file = join(dir, `run-${++copies}.db`);
  copyFileSync(template, file);
  return { file, store: SqliteEventStore.open(file, { synchronous: 'NORMAL' }) };
};

const watermarked = () =>
  new RiskEngine({
    policy: DEFAULT_RISK_POLICY,
    reviews: DEFAULT_REVIEW_SCHEDULE,
    watermark: { idleAfterRuns: 4, idleAfterInputs: 50_000, maxHeldFacts: 50_000 },
  });

const run = (store: SqliteEventStore, last: number, options: Partial<RiskLoopOptions> = {}) =>
  runLoop(store, store.checkpointStore(), last, options, watermarked());

/**
 * A restart after a crash half-way through a backlog (seven partitions, facts held behind the
 * watermark): the catch-up up to the checkpoint spread over helper threads, each reading the
 * file on its own connection, must leave the store as one thread leaves it.
 */
describe('a restart whose catch-up is spread over threads', () => {
  let last = 0;
  let uninterrupted: string[] = [];

  beforeAll(async () => {
    const feed = recordedFacts(branchFeed(20, 2, [salaryStopsStory(), bigTransferStory()]));
    const backlog = roundRobin(partitioned(feed, '2017-06-15T10:00:00+08:00'), () => 300);
    const store = SqliteEventStore.open(template, { synchronous: 'NORMAL' });
    last = await appendInChunks(
      store,
      backlog.map(({ stream, id, type, data, metadata }) => ({
        stream,
        event: { id, type, data, metadata: metadata as never },
      })),
    );
    store.close();
    const once = copy();
    await run(once.store, last);
    uninterrupted = await riskEventsJson(once.store);
    once.store.close();
  }, 120_000);

  it('writes risk events for the branch', () => expect(uninterrupted.length).toBeGreaterThan(20));

  it.each([2, 3])(
    'ends with the same store, on %p threads, as without a crash',
    async (threads) => {
      const { file, store } = copy();
      const crashed = await run(store, last, {
        crash: { afterInputs: Math.floor(last * 0.6), appended: false },
      });
      expect(crashed.status.checkpoint).toBeGreaterThan(last / 3);
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
    const { file, store } = copy();
    await run(store, last, { crash: { afterInputs: Math.floor(last * 0.6), appended: false } });
    const options = { ...TEST_LOOP, ...threaded(file) };
    const loop = new RiskEngineLoop(store, store.checkpointStore(), watermarked(), options);
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
    const { file, store } = copy();
    await run(store, last, { crash: { afterInputs: Math.floor(last * 0.6), appended: false } });
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
    const { file, store } = copy();
    await run(store, last, { crash: { afterInputs: Math.floor(last * 0.6), appended: false } });
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
