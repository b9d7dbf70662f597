import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@churn/event-store';
import { Metrics } from '@churn/observability';
import {
  TEST_LOOP,
  bigTransferStory,
  defaultEngine,
  inBusinessTimeOrder,
  salaryStopsStory,
  storeFacts,
} from '../testing';
import { RiskEngineLoop, type RiskLoopOptions } from './risk-engine-loop';
import { riskMetrics } from './risk-metrics';

const LAG = 'risk_engine_lag_events';

/** The lag sample of an exposition, or undefined when the series is not there. */
const lagIn = (exposition: string): number | undefined => {
  const line = exposition.split('\n').find((l) => l.startsWith(`${LAG} `));
  return line === undefined ? undefined : Number(line.slice(LAG.length + 1));
};

/**
 * `risk_engine_lag_events` (deploy/k8s/monitoring: the risk engine's autoscaler): the store's
 * head position minus the engine's, read at each scrape, on the embedded store holding two churn
 * stories.
 */
describe('the risk engine lag read at a scrape', () => {
  const dir = mkdtempSync(join(tmpdir(), 'risk-lag-'));
  let files = 0;
  let lastFact = 0;
  const template = join(dir, 'template.db');

  beforeAll(async () => {
    const store = SqliteEventStore.open(template, { synchronous: 'NORMAL' });
    lastFact = await storeFacts(
      store,
      inBusinessTimeOrder([...salaryStopsStory(), ...bigTransferStory()]),
    );
    store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const started = async (options: Partial<RiskLoopOptions> = {}) => {
    const store = SqliteEventStore.open(join(dir, `run-${++files}.db`), {
      synchronous: 'NORMAL',
    });
    const source = SqliteEventStore.open(template);
    for await (const e of source.readAll())
      await store.append(e.stream, [e], { expectedRevision: 'any' });
    source.close();
    const engine = defaultEngine();
    const loop = new RiskEngineLoop(store, store.checkpointStore(), engine, {
      ...TEST_LOOP,
      ...options,
    });
    const errors: unknown[] = [];
    const metrics = new Metrics({ processMetrics: false });
    riskMetrics(metrics, engine.counts, loop.status, {
      headPosition: () => store.headPosition(),
      onError: (error) => errors.push(error),
    });
    await loop.start();
    return { store, loop, metrics, errors };
  };

  it('is the events between its position and the head for an engine that stopped dead', async () => {
    const { store, loop, metrics } = await started({
      crash: { afterInputs: 100, appended: false },
    });
    await loop.handledUpTo(100);
    await loop.stop();
    const head = await store.headPosition();
    expect(head).toBe(lastFact);
    expect(loop.status.position).toBe(100);
    expect(lagIn(await metrics.exposition())).toBe(lastFact - 100);
    await store.append('customer-late', [{ ...anEvent(), id: 'late-1' }], {
      expectedRevision: 'any',
    });
    expect(lagIn(await metrics.exposition())).toBe(lastFact - 100 + 1);
    store.close();
  });

  it('is 0 once the engine has handled everything, its own risk events included', async () => {
    const { store, loop, metrics } = await started();
    await loop.handledUpTo(lastFact);
    await loop.flush();
    // Its risk events go to the customer streams it follows: it reads them back too.
    await loop.handledUpTo(await store.headPosition());
    expect(await store.headPosition()).toBeGreaterThan(lastFact);
    expect(lagIn(await metrics.exposition())).toBe(0);
    await loop.stop();
    store.close();
  });

  it('reads as unknown (NaN), and says why, while the store cannot be read', async () => {
    const { store, loop, metrics, errors } = await started({
      crash: { afterInputs: 10, appended: false },
    });
    await loop.handledUpTo(10);
    await loop.stop();
    expect(lagIn(await metrics.exposition())).toBeGreaterThan(0);
    store.close();
    expect(lagIn(await metrics.exposition())).toBeNaN();
    expect(String(errors[0])).toContain('database connection is not open');
  });
});

const anEvent = () => ({
  type: 'CustomerProfileUpdated',
  data: {},
  metadata: { occurredAt: '2025-01-01T09:00:00+08:00', schemaVersion: 1 },
});
