import { DEFAULT_RISK_POLICY } from '@churn/domain-risk';
import { Metrics } from '@churn/observability';
import { RiskEngine } from '../engine/risk-engine';
import { DEFAULT_REVIEW_SCHEDULE } from '../engine/review-schedule';
import { bigTransferStory, partitioned, recordedFacts, salaryStopsStory } from '../testing';
import { LoopStatus } from './loop-status';
import { riskMetrics } from './risk-metrics';

const sample = (exposition: string, name: string): number | undefined => {
  const line = exposition.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

/**
 * What operators see of the reorder buffer: a backlog bigger than the buffer, drained one
 * partition after another, folds facts ahead of the watermark and late, and says so.
 */
describe('the risk engine metrics of a backlog larger than its buffer', () => {
  it('count the forced releases and the late facts, and show what is held', async () => {
    const engine = new RiskEngine({
      policy: DEFAULT_RISK_POLICY,
      reviews: DEFAULT_REVIEW_SCHEDULE,
      watermark: { idleAfterRuns: 3, idleAfterInputs: 100_000, maxHeldFacts: 50 },
    });
    const metrics = new Metrics({ processMetrics: false });
    const { catchUp } = riskMetrics(metrics, engine.counts, new LoopStatus(), undefined, engine);
    const feed = recordedFacts([...salaryStopsStory(), ...bigTransferStory()]);
    for (const input of partitioned(feed, '2017-06-15T10:00:00+08:00').flat()) engine.handle(input);
    catchUp();
    const exposition = await metrics.exposition();
    expect(sample(exposition, 'risk_engine_watermark_forced_releases_total')).toBe(
      engine.counts.forcedReleases,
    );
    expect(engine.counts.forcedReleases).toBeGreaterThan(0);
    expect(sample(exposition, 'risk_engine_late_facts_total')).toBe(engine.counts.lateFacts);
    expect(engine.counts.lateFacts).toBeGreaterThan(0);
    expect(sample(exposition, 'risk_engine_held_facts')).toBe(engine.heldFacts);
    expect(engine.heldFacts).toBeLessThanOrEqual(50);
  });
});
