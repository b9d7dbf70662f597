// The lexer the metric checks rely on: what it must find in PromQL and what it must not take
// for a metric (functions, keywords, label names, durations, Grafana variables, numbers).
import { exposedFamilies, isExposed, metricNamesIn } from './metric-names';

describe('metric names in a PromQL expression', () => {
  it.each([
    ['ingestion_consumer_lag > 50000', ['ingestion_consumer_lag']],
    [
      'sum by (topic) (max by (topic, partition) (ingestion_consumer_lag)) > 0 unless sum by (topic) (rate(ingestion_messages_consumed_total[10m])) > 0',
      ['ingestion_consumer_lag', 'ingestion_messages_consumed_total'],
    ],
    [
      'histogram_quantile(0.99, sum by (le, tier) (rate(churn_alert_time_to_acknowledge_seconds_bucket[$__rate_interval])))',
      ['churn_alert_time_to_acknowledge_seconds_bucket'],
    ],
    [
      'event_store_disk_bytes{kind="available"} / ignoring (kind) event_store_disk_bytes{kind="total"} < 0.15',
      ['event_store_disk_bytes'],
    ],
    ['predict_linear(x_bytes{kind="available"}[6h], 24 * 3600) < 1e3', ['x_bytes']],
    [
      'up{job=~"a|b"} == 0 and on (instance) rate(y_total[5m] offset 1h) > bool 2',
      ['up', 'y_total'],
    ],
    ['max without (instance, pod) (churn_alerts_open{level="branch-head"})', ['churn_alerts_open']],
  ])('%s', (expr, names) => {
    expect(metricNamesIn(expr).sort()).toEqual([...names].sort());
  });
});

describe('a metric served by an exposition', () => {
  const families = exposedFamilies(
    [
      '# HELP a_total x',
      '# TYPE a_total counter',
      'a_total 1',
      '# TYPE b_seconds histogram',
      '# TYPE c summary',
    ].join('\n'),
  );

  it('is a family, or a histogram part, or a summary part other than buckets', () => {
    expect(isExposed('a_total', families)).toBe(true);
    expect(isExposed('b_seconds_bucket', families)).toBe(true);
    expect(isExposed('b_seconds_count', families)).toBe(true);
    expect(isExposed('c_sum', families)).toBe(true);
    expect(isExposed('c_bucket', families)).toBe(false);
    expect(isExposed('a_total_count', families)).toBe(false);
    expect(isExposed('missing', families)).toBe(false);
  });
});
