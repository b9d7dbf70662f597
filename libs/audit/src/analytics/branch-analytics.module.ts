import { CLOCK, systemClock, type Clock } from '@churn/alerting';
import { EVENT_STORE, type OpenedEventStore } from '@churn/event-store';
import { HealthChecks, Metrics } from '@churn/observability';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AuditAccessLog } from '../access/audit-access-log';
import { AUDIT_CLOCK } from '../access/audit-ports';
import { OperationsController } from '../ops/operations.controller';
import { OperationsService } from '../ops/operations.service';
import { BranchAnalyticsController } from './branch-analytics.controller';
import { BRANCH_ANALYTICS_PREFIXES } from './branch-analytics.model';
import { BRANCH_ANALYTICS_OPTIONS, type BranchAnalyticsOptions } from './branch-analytics.options';
import { BranchAnalyticsProjection } from './branch-analytics.projection';
import { BranchAnalyticsService } from './branch-analytics.service';

/** Events behind counted at most, per health check: enough to tell "behind" from "far behind". */
export const LAG_COUNTED_UP_TO = 10_000;
export const READ_MODEL_POSITION = 'audit_read_model_position';
const MODEL = 'branch-analytics';

/**
 * Starts the projection once the application is up, in the background: a bank's store takes a
 * while to read, and the other APIs of the process need not wait for it (the routes answer 503
 * and the health check is down until the first pass is done). Stops it before the store closes.
 */
@Injectable()
export class BranchAnalyticsRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BranchAnalytics');
  private starting: Promise<void> = Promise.resolve();

  constructor(
    @Inject(BranchAnalyticsProjection) private readonly projection: BranchAnalyticsProjection,
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Optional() @Inject(HealthChecks) private readonly health?: HealthChecks,
  ) {}

  onApplicationBootstrap(): void {
    this.health?.register({ name: MODEL, check: () => this.check() });
    this.starting = this.projection.start().then(
      () => {
        const { status } = this.projection;
        this.logger.log(
          `read ${status.counts.events} events (${status.customers} customers, ${status.alerts} alerts) in ${status.lastPassSeconds?.toFixed(1)} s; following the store`,
        );
      },
      (error: unknown) =>
        this.logger.error(`the branch analytics could not read the store: ${String(error)}`),
    );
  }

  /** Resolves once the first pass over the store is done (or failed: see the health check). */
  whenStarted(): Promise<void> {
    return this.starting;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projection.stop();
  }

  private async check() {
    const status = this.projection.status;
    let lag = 0;
    for await (const _ of this.opened.store.readAll({
      fromPosition: status.position === 0 ? 'start' : status.position,
      streamPrefixes: BRANCH_ANALYTICS_PREFIXES,
      maxCount: LAG_COUNTED_UP_TO,
    }))
      lag++;
    return {
      up: status.ready && status.live && status.counts.unknownAlertEvents === 0,
      detail: {
        position: status.position,
        lag,
        lagAtLeast: lag >= LAG_COUNTED_UP_TO,
        ready: status.ready,
        live: status.live,
        rebuilding: status.rebuilding,
        rebuilds: status.rebuilds,
        lastPassSeconds: status.lastPassSeconds,
        customers: status.customers,
        employers: status.employers,
        alerts: status.alerts,
        events: status.counts.events,
        unknownAlertEvents: status.counts.unknownAlertEvents,
        ...(status.error === null ? {} : { error: status.error }),
      },
    };
  }
}

const positionGauge = (metrics: Metrics | undefined) => {
  const gauge = metrics?.gauge({
    name: READ_MODEL_POSITION,
    help: 'Global store position a read model of the audit API has folded, by model',
    labelNames: ['model'],
  });
  return (position: number) => gauge?.set({ model: MODEL }, position);
};

/**
 * Branch analytics (issue 6 §1: the thesis's tables as read models) and the operations view of
 * ingestion. Needs `EventStoreModule` (global) and staff sign-in: `StaffAuthModule.forRoot()` in
 * `imports` (or global), whose ALERTING_CONFIG gives the staff directory. Uses the alerting
 * engine's CLOCK when the process has one (access records, default alert windows), `Metrics`
 * and `HealthChecks` when `ObservabilityModule` is there.
 */
@Module({})
export class BranchAnalyticsModule {
  static forRoot(options: BranchAnalyticsOptions = {}): DynamicModule {
    return {
      module: BranchAnalyticsModule,
      imports: options.imports ?? [],
      controllers: [BranchAnalyticsController, OperationsController],
      providers: [
        { provide: BRANCH_ANALYTICS_OPTIONS, useValue: options },
        {
          provide: AUDIT_CLOCK,
          useFactory: (clock: Clock | undefined) => clock ?? systemClock,
          inject: [{ token: CLOCK, optional: true }],
        },
        {
          provide: BranchAnalyticsProjection,
          useFactory: (opened: OpenedEventStore, metrics: Metrics | undefined) =>
            new BranchAnalyticsProjection(opened.store, { onPosition: positionGauge(metrics) }),
          inject: [EVENT_STORE, { token: Metrics, optional: true }],
        },
        AuditAccessLog,
        BranchAnalyticsRunner,
        BranchAnalyticsService,
        OperationsService,
      ],
      exports: [BranchAnalyticsProjection, BranchAnalyticsRunner],
    };
  }
}
