import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RISK_POLICY } from '@churn/domain-risk';
import { SqliteEventStore, type CheckpointStore, type EventStore } from '@churn/event-store';
import { RiskEngine } from '../engine/risk-engine';
import { DEFAULT_REVIEW_SCHEDULE } from '../engine/review-schedule';
import type { RecordedInput } from '../engine/engine-input';
import {
  bigTransferStory,
  branchFeed,
  partitioned,
  recordedFacts,
  riskEventsJson,
  roundRobin,
  salaryStopsStory,
  TEST_LOOP,
} from '../testing';
import { RiskEngineLoop, type RiskLoopOptions } from './risk-engine-loop';

/** Appends in the given order, 500 a tick; returns the position of the last. */
const storeInOrder = async (store: EventStore, inputs: readonly RecordedInput[]) => {
  let position = 0;
  for (let from = 0; from < inputs.length; from += 500) {
    const results = await Promise.all(
      inputs.slice(from, from + 500).map(({ stream, id, type, data, metadata }) =>
        store.append(stream, [{ id, type, data, metadata: metadata as never }], {
          expectedRevision: 'any',
        }),
      ),
    );
    position = results[results.length - 1]?.position ?? position;
  }
  return position;
};

const runWatermarked = async (
  store: EventStore,
  checkpoints: CheckpointStore,
  last: number,
  options: Partial<RiskLoopOptions> = {},
): Promise<RiskEngineLoop> => {
  const engine = new RiskEngine({
    policy: DEFAULT_RISK_POLICY,
    reviews: DEFAULT_REVIEW_SCHEDULE,
    watermark: { idleAfterRuns: 4, idleAfterInputs: 50_000, maxHeldFacts: 50_000 },
  });
  const loop = new RiskEngineLoop(store, checkpoints, engine, { ...TEST_LOOP, ...options });
  await loop.start();
  const crashAt = options.crash?.afterInputs;
  await loop.handledUpTo(crashAt === undefined ? last : Math.min(last, crashAt), 60_000);
  await loop.stop();
  return loop;
};

/**
 * The rule "outputs of inputs after the checkpoint" with facts held behind the watermark: a
 * store filled as a backlog (seven partitions, 300 facts of each in turn) holds facts that the
 * engine folds several inputs after their own; a crash and a restart from the checkpoint must
 * still end with the same store. The engine's outputs are a function of the inputs so far, so
 * the held facts are re-held by the rebuild and their decisions come out at the same input.
 */
describe('the risk engine behind its watermark crashing and restarting over a backlog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'risk-watermark-'));
  const template = join(dir, 'template.db');
  let last = 0;
  let uninterrupted: string[] = [];
  let copies = 0;

  const copy = (): SqliteEventStore => {
    const path = join(dir, `run-${++copies}.db`);
    copyFileSync(template, path);
    return SqliteEventStore.open(path, { synchronous: 'NORMAL' });
  };

  beforeAll(async () => {
    const feed = recordedFacts(branchFeed(20, 2, [salaryStopsStory(), bigTransferStory()]));
    const backlog = roundRobin(partitioned(feed, '2017-06-15T10:00:00+08:00'), () => 300);
    const store = SqliteEventStore.open(template, { synchronous: 'NORMAL' });
    last = await storeInOrder(store, backlog);
    store.close();
    const run = copy();
    await runWatermarked(run, run.checkpointStore(), last);
    uninterrupted = await riskEventsJson(run);
    run.close();
  }, 120_000);

  it('writes risk events for the branch', () => expect(uninterrupted.length).toBeGreaterThan(20));

  it.each([
    [0.29, false],
    [0.71, true],
  ])(
    'ends with the same store after a crash at %p of the inputs (last outputs appended: %p)',
    async (fraction, appended) => {
      const store = copy();
      const checkpoints = store.checkpointStore();
      const afterInputs = Math.floor(last * fraction);
      const crashed = await runWatermarked(store, checkpoints, last, {
        crash: { afterInputs, appended },
      });
      expect(crashed.status.crashed).toBe(true);
      await runWatermarked(store, checkpoints, last);
      const events = await riskEventsJson(store);
      expect(events).toEqual(uninterrupted);
      store.close();
    },
    60_000,
  );
});
