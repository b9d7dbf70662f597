import { bankDate } from '@churn/domain-kernel';
import { EVENT_STORE, type OpenedEventStore } from '@churn/event-store';
import { HealthChecks, Metrics } from '@churn/observability';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { RiskEngine } from '../engine/risk-engine';
import { RiskEngineLoop, type RiskLoopOptions } from './risk-engine-loop';
import { riskMetrics } from './risk-metrics';

export const RISK_LOOP_OPTIONS = Symbol('RISK_LOOP_OPTIONS');

/**
 * Runs the risk engine in the process (ARCHITECTURE.md: risk-engine, a catch-up subscription
 * over the customer streams): starts once the application is up, and on SIGTERM stops reading,
 * appends what it decided, saves its checkpoint, and only then lets the store close.
 */
@Injectable()
export class RiskEngineRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RiskEngine');
  readonly loop: RiskEngineLoop;
  private readonly metrics: ReturnType<typeof riskMetrics>;

  constructor(
    @Inject(RiskEngine) readonly engine: RiskEngine,
    @Inject(RISK_LOOP_OPTIONS) options: RiskLoopOptions,
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(Metrics) metrics: Metrics,
    @Inject(HealthChecks) private readonly health: HealthChecks,
  ) {
    const { store, checkpoints } = opened;
    const loopOptions = { ...options, storeFile: opened.file };
    const loop = new RiskEngineLoop(store, checkpoints, engine, loopOptions, {
      onInput: (seconds) => this.metrics.observer.onInput?.(seconds),
      onFlushed: (outputs, checkpoint) => this.metrics.observer.onFlushed?.(outputs, checkpoint),
      onFailed: (error) => this.logger.error(`risk engine stopped: ${String(error)}`),
    });
    this.loop = loop;
    this.metrics = riskMetrics(
      metrics,
      engine.counts,
      loop.status,
      {
        headPosition: () => store.headPosition(),
        onError: (error) => this.logger.warn(`risk engine lag not measured: ${String(error)}`),
      },
      engine,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.health.register({ name: 'risk-engine', check: async () => this.report() });
    await this.loop.start();
    const { resumedAfter, catchUpThreads } = this.loop.status;
    this.logger.log(
      `following customer streams in the ${this.opened.description} with policy ${this.engine.settings.policy.version}; ` +
        `state rebuilt from the start on ${catchUpThreads} thread(s), appending after position ${resumedAfter}`,
    );
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await this.loop.stop();
    this.metrics.catchUp();
    const { position, checkpoint } = this.loop.status;
    this.logger.log(
      `stopped on ${signal ?? 'shutdown'} at position ${position}, checkpoint ${checkpoint}`,
    );
  }

  private report() {
    const { status } = this.loop;
    const { counts } = this.engine;
    return {
      up: !status.failed,
      detail: {
        policyVersion: this.engine.settings.policy.version,
        position: status.position,
        checkpoint: status.checkpoint,
        rebuilding: status.rebuilding,
        catchUpThreads: status.catchUpThreads,
        customers: this.engine.customers,
        folded: counts.folded,
        assessments: counts.assessments,
        // The first bank day not yet closed: risk as of later days is still to come.
        openFrom: this.engine.businessDay === null ? null : bankDate(this.engine.businessDay),
        heldFacts: this.engine.heldFacts,
        lateFacts: counts.lateFacts,
        ...(status.error === null ? {} : { error: status.error }),
      },
    };
  }
}
