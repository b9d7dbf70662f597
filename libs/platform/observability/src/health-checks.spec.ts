import { HealthChecks } from './health-checks';
import { Metrics } from './metrics';

describe('the health of a process whose dependencies answer differently', () => {
  it('is up only when every check answers up', async () => {
    const checks = new HealthChecks();
    checks.register({ name: 'store', check: async () => ({ up: true }) });
    expect((await checks.run()).up).toBe(true);
    checks.register({
      name: 'broker',
      check: async () => ({ up: false, detail: { error: 'refused' } }),
    });
    const result = await checks.run();
    expect(result.up).toBe(false);
    expect(result.checks['broker']).toEqual({ up: false, detail: { error: 'refused' } });
  });

  it('reports a check that throws or hangs as down, naming why', async () => {
    const checks = new HealthChecks();
    checks.register({ name: 'throws', check: async () => Promise.reject(new Error('disk gone')) });
    checks.register({ name: 'hangs', check: () => new Promise(() => undefined) });
    const result = await checks.run(50);
    expect(result.checks['throws']).toEqual({ up: false, detail: { error: 'disk gone' } });
    expect(result.checks['hangs']).toEqual({ up: false, detail: { error: 'no answer in 50 ms' } });
  });
});

describe('metrics defined by two modules in one process', () => {
  it('share one series and appear in the exposition', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const a = metrics.counter({
      name: 'ingestion_messages_total',
      help: 'x',
      labelNames: ['topic'],
    });
    const b = metrics.counter({
      name: 'ingestion_messages_total',
      help: 'x',
      labelNames: ['topic'],
    });
    a.inc({ topic: 't' });
    b.inc({ topic: 't' }, 2);
    expect(await metrics.exposition()).toContain('ingestion_messages_total{topic="t"} 3');
  });
});
