import { alertingFeature, demoClock, StaffAuthModule, systemClock } from '@churn/alerting';
import { AuditApiModule, BranchAnalyticsModule, RiskPolicyRegistry } from '@churn/audit';
import { ConsoleModule, consoleBuilt } from '@churn/console';
import { EventStoreModule } from '@churn/event-store';
import { ObservabilityModule } from '@churn/observability';
import { loadRiskPolicy, RiskModule } from '@churn/risk';
import { Module, type DynamicModule } from '@nestjs/common';
import { DemoFeedRunner, STANDALONE_SETTINGS } from './demo-feed.runner';
import type { StandaloneSettings } from './settings';

/**
 * Every feature module in one process on the embedded store (ARCHITECTURE.md, standalone).
 * Wired: the event store, the risk engine, alerting (engine and RM API),
 * the audit API with branch analytics and operations, the web console. Kafka ingestion runs as its own service (services/ingestion); here facts come from
 * files (`npm run ingest`) and the demo feed. The policies and the staff directory are read and
 * checked here: a bad file stops start-up (ARCHITECTURE.md principle 8) naming the file and key.
 * SLA time runs `alertingClockSpeed` times faster than real time; tokens keep real time.
 */
@Module({})
export class StandaloneModule {
  static with(settings: StandaloneSettings): DynamicModule {
    const [alertingEngine, alertingApi] = alertingFeature({
      settings: settings.alerting,
      auth: settings.auth,
      clock: demoClock(settings.alertingClockSpeed),
      tokenClock: systemClock,
      demoLogins: settings.demoLogins,
    });
    const staffAuth = StaffAuthModule.forRoot({
      auth: settings.auth,
      tokenClock: systemClock,
      imports: [alertingEngine],
    });
    return {
      module: StandaloneModule,
      providers: [{ provide: STANDALONE_SETTINGS, useValue: settings }, DemoFeedRunner],
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot({ kind: 'embedded', path: settings.storePath }),
        // Facts reach this process's store in business-day order (the demo feed, `npm run ingest`
        // files), never from Kafka partitions drained unevenly: the single business clock is
        // exact here and closes each day as soon as the next begins.
        RiskModule.forRoot({
          ...loadRiskPolicy(settings.riskPolicyFile),
          watermark: false,
          loop: settings.riskCatchUp,
        }),
        alertingEngine,
        alertingApi,
        AuditApiModule.forRoot({
          auth: settings.auth,
          tokenClock: systemClock,
          imports: [alertingEngine],
          authRoutes: false,
          riskPolicies: RiskPolicyRegistry.fromDirectory(settings.riskPolicyDir),
        }),
        BranchAnalyticsModule.forRoot({
          imports: [staffAuth],
          operations: settings.operations,
        }),
        // `npm start` builds the console first (prestart); a process started another way
        // (tests, `ts-node` by hand) runs without it and says so where it prints where to look.
        ...(consoleBuilt(settings.consoleDir)
          ? [ConsoleModule.forRoot({ dir: settings.consoleDir })]
          : []),
      ],
    };
  }
}
