import {
  acknowledgeCommand,
  raiseCommand,
  resolveCommand,
  TEST_AT,
} from '@churn/domain-alert/testing';
import { InMemoryEventStore } from '@churn/event-store';
import { Metrics } from '@churn/observability';
import { AlertBook } from '../read-model/alert-book';
import { AlertRepository } from '../store/alert-repository';
import { alertingMetrics } from './alerting-metrics';

const HOUR = 3_600_000;
const after = (hours: number): string => new Date(Date.parse(TEST_AT) + hours * HOUR).toISOString();

describe('the metrics of an alert acknowledged after two hours and resolved after a day', () => {
  it('observe the time to acknowledge and to resolve once, by tier and outcome, and the open gauge', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const m = alertingMetrics(metrics);
    const store = new InMemoryEventStore();
    const repository = new AlertRepository(store, { observer: m.appendObserver });
    const book = new AlertBook(store);
    book.onChange(m.bookListener);
    await book.start();
    try {
      await repository.execute('A-1', raiseCommand());
      const acknowledged = await repository.execute('A-1', acknowledgeCommand('RM-1', after(2)));
      await book.caughtUpTo(acknowledged.appended.at(-1)?.position ?? 0);
      let text = await metrics.exposition();
      expect(text).toContain('churn_alerts_open{level="rm",tier="fortune"} 1');
      expect(text).toContain(
        'churn_alert_time_to_acknowledge_seconds_bucket{le="7200",tier="fortune"} 1',
      );
      expect(text).toContain(
        'churn_alert_time_to_acknowledge_seconds_bucket{le="3600",tier="fortune"} 0',
      );

      const resolved = await repository.execute(
        'A-1',
        resolveCommand('RM-1', after(24), { outcome: 'lost', reason: 'relocation' }),
      );
      await book.caughtUpTo(resolved.appended.at(-1)?.position ?? 0);
      text = await metrics.exposition();
      expect(text).toContain('churn_alerts_open{level="rm",tier="fortune"} 0');
      expect(text).toContain(
        'churn_alert_time_to_resolve_seconds_sum{tier="fortune",outcome="lost"} 86400',
      );
      expect(text).toContain('churn_alert_time_to_acknowledge_seconds_count{tier="fortune"} 1');
    } finally {
      await book.stop();
    }
  });
});
