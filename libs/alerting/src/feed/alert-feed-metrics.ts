import type { Metrics } from '@churn/observability';

/**
 * The feed's series, by topic (deploy/prometheus/rules/alerting.yaml: AlertFeedLagHigh). The
 * families are registered wherever alerting runs; they carry samples only where the feed is on.
 * Every instance runs the feed over the same streams: aggregate the lag with `max`, not `sum`.
 */
export const alertFeedMetrics = (metrics: Metrics) => {
  const published = metrics.counter({
    name: 'churn_alert_feed_published_total',
    help: 'Alert lifecycle messages acknowledged by the broker on the downstream feed for CRMs',
    labelNames: ['topic'],
  });
  const lag = metrics.gauge({
    name: 'churn_alert_feed_lag_events',
    help: 'Alert-stream events not yet acknowledged on the downstream feed (counted up to 10,000)',
    labelNames: ['topic'],
  });
  return {
    onPublished: (topic: string, count: number) => published.inc({ topic }, count),
    setLag: (topic: string, events: number) => lag.set({ topic }, events),
  };
};

export type AlertFeedMetrics = ReturnType<typeof alertFeedMetrics>;
