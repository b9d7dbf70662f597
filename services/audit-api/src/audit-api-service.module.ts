import { loadAlertingConfig, StaffAuthModule } from '@churn/alerting';
import {
  AuditApiModule,
  BranchAnalyticsModule,
  kafkaRawMessages,
  RiskPolicyRegistry,
} from '@churn/audit';
import { ConsoleModule, consoleBuilt } from '@churn/console';
import { EventStoreModule } from '@churn/event-store';
import { ObservabilityModule } from '@churn/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { AuditApiServiceSettings } from './settings';

/**
 * The audit API on its own (issue 6 §1): histories, state as of any moment, alert explanations,
 * re-runs, branch analytics and the operations view over the configured store, behind the alerting API's staff tokens and directory,
 * with `/metrics` and `/health`. The staff directory and every risk policy file are read and
 * checked here: a bad file stops start-up naming the file and the key. The web console is
 * served at /console when `CONSOLE_DIR` (default dist/console) holds a build.
 */
@Module({})
export class AuditApiServiceModule {
  static with(settings: AuditApiServiceSettings): DynamicModule {
    const config = loadAlertingConfig(settings.alertingPolicyFile, settings.directoryFile);
    const staffAuth = StaffAuthModule.forRoot({ auth: settings.auth, config });
    return {
      module: AuditApiServiceModule,
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot(settings.store),
        AuditApiModule.forRoot({
          auth: settings.auth,
          demoLogins: settings.demoLogins,
          authRoutes: true,
          config,
          riskPolicies: RiskPolicyRegistry.fromDirectory(settings.riskPolicyDir),
          ...(settings.kafkaBrokers === null
            ? {}
            : { rawMessages: kafkaRawMessages(settings.kafkaBrokers) }),
          snapshots: { maxCustomers: settings.snapshotCustomers },
        }),
        ...(settings.branchAnalytics
          ? [
              BranchAnalyticsModule.forRoot({
                imports: [staffAuth],
                operations: settings.operations,
              }),
            ]
          : []),
        // The console is served where it was built (its Dockerfile builds it); without a build
        // the API runs alone and says so where it prints where to look.
        ...(consoleBuilt(settings.consoleDir)
          ? [ConsoleModule.forRoot({ dir: settings.consoleDir })]
          : []),
      ],
    };
  }
}
