import {
  EVENT_STORE,
  type CheckpointStore,
  type EventStore,
  type OpenedEventStore,
} from '@churn/event-store';
import { HealthChecks, Metrics, type HealthReport } from '@churn/observability';
import { InboxSender, type NotificationSender } from '@churn/notification';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  DEFAULT_BRIDGE_OPTIONS,
  RiskAlertBridge,
  type RiskBridgeOptions,
} from './bridge/risk-alert-bridge';
import type { ChannelSenders } from './config/channel-senders';
import {
  DEFAULT_DISPATCHER_OPTIONS,
  NotificationDispatcher,
  type DispatcherOptions,
} from './dispatch/notification-dispatcher';
import { alertFeedMetrics, type AlertFeedMetrics } from './feed/alert-feed-metrics';
import {
  AlertFeedPublisher,
  DEFAULT_FEED_OPTIONS,
  type AlertFeedTarget,
} from './feed/alert-feed-publisher';
import { alertingMetrics } from './metrics/alerting-metrics';
import {
  ALERT_COMMANDS,
  ALERT_READ_MODEL,
  ALERTING_CONFIG,
  CLOCK,
  systemClock,
  type AlertingConfig,
  type Clock,
} from './ports/alerting-ports';
import { AlertBook } from './read-model/alert-book';
import { AlertRepository } from './store/alert-repository';
import {
  DEFAULT_TIMER_OPTIONS,
  EscalationTimers,
  type EscalationTimerOptions,
} from './timers/escalation-timers';

export interface AlertingEngineOptions {
  readonly config: AlertingConfig;
  /** Wall-clock time for SLA timers and command instants; tests inject one they move. */
  readonly clock?: Clock;
  /** The channels; default: the console inbox only. */
  readonly senders?: readonly NotificationSender[];
  /** Channels built from settings (`channelSenders`): opened at start, closed at stop. */
  readonly channels?: ChannelSenders;
  readonly timers?: Partial<EscalationTimerOptions>;
  readonly dispatcher?: Partial<DispatcherOptions>;
  /** The risk → alert bridge's options, or false where another process raises the alerts. */
  readonly bridge?: Partial<RiskBridgeOptions> | false;
  /** How often the bridge's lag is measured for its gauge. */
  readonly lagEveryMs?: number;
  /**
   * The downstream feed on Kafka (`retention.alerts.v1`); default: on when the channels carry a
   * Kafka producer (KAFKA_BROKERS is set), off otherwise; false: off.
   */
  readonly feed?: AlertFeedTarget | false;
}

/**
 * The alerting engine composed: repository, book, risk bridge, escalation timers, dispatcher
 * and their metrics. `start()` brings them up in that order (the book caught up first, so the
 * timers and the dispatcher begin from the whole history); `stop()` in reverse, each finishing
 * what it has in flight and the bridge saving its checkpoint.
 */
export class AlertingEngine {
  readonly clock: Clock;
  readonly repository: AlertRepository;
  readonly book: AlertBook;
  readonly bridge: RiskAlertBridge | null;
  readonly timers: EscalationTimers;
  readonly dispatcher: NotificationDispatcher;
  readonly feed: AlertFeedPublisher | null;
  private lagTimer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('Alerting');
  private readonly metrics: ReturnType<typeof alertingMetrics> | null;
  private readonly feedMetrics: AlertFeedMetrics | null;

  constructor(
    opened: { readonly store: EventStore; readonly checkpoints: CheckpointStore },
    private readonly options: AlertingEngineOptions,
    metrics: Metrics | null = null,
  ) {
    const { store, checkpoints } = opened;
    const { config } = options;
    const m = metrics ? alertingMetrics(metrics) : null;
    this.metrics = m;
    const clock = (this.clock = options.clock ?? systemClock);
    const repository = new AlertRepository(store, { observer: m?.appendObserver ?? {} });
    this.repository = repository;
    const book = new AlertBook(store, {
      onListenerError: (error) => this.logger.error(`alert book listener failed: ${String(error)}`),
    });
    this.book = book;
    if (m) book.onChange(m.bookListener);
    this.timers = new EscalationTimers(
      book,
      repository,
      clock,
      config,
      { ...DEFAULT_TIMER_OPTIONS, ...options.timers },
      {
        ...(m ? { onBacklog: m.onBacklog, onTick: m.onTick } : {}),
        onFailed: (alertId, error) =>
          this.logger.warn(`escalation of ${alertId} failed: ${String(error)}`),
      },
    );
    this.bridge =
      options.bridge === false
        ? null
        : new RiskAlertBridge(
            store,
            checkpoints,
            book,
            repository,
            clock,
            config,
            { ...DEFAULT_BRIDGE_OPTIONS, ...options.bridge },
            {
              onOutcome: (outcome, detail) => {
                m?.onBridgeOutcome(outcome);
                if (outcome === 'refused') this.logger.warn(`risk event refused: ${detail}`);
              },
              onFailed: (error) => this.logger.error(`risk bridge stopped: ${String(error)}`),
            },
            this.timers,
          );
    const senders = options.channels?.senders ?? options.senders ?? [new InboxSender()];
    this.dispatcher = new NotificationDispatcher(
      book,
      repository,
      clock,
      config,
      senders,
      { ...DEFAULT_DISPATCHER_OPTIONS, ...options.dispatcher },
      {
        onRecordFailed: (id, error) =>
          this.logger.warn(`notification ${id} not recorded: ${String(error)}`),
      },
    );
    const feed = options.feed ?? options.channels?.feed ?? null;
    this.feedMetrics = metrics ? alertFeedMetrics(metrics) : null;
    this.feed = feed ? this.alertFeed(opened, feed, this.feedMetrics) : null;
  }

  private alertFeed(
    { store, checkpoints }: { readonly store: EventStore; readonly checkpoints: CheckpointStore },
    target: AlertFeedTarget,
    m: AlertFeedMetrics | null,
  ): AlertFeedPublisher {
    const options = { ...DEFAULT_FEED_OPTIONS, ...target.options };
    return new AlertFeedPublisher(store, checkpoints, target.publisher, options, {
      ...(m ? { onPublished: (count: number) => m.onPublished(options.topic, count) } : {}),
      onFailed: (error) => this.logger.warn(`alert feed: ${String(error)}`),
    });
  }

  async start(): Promise<void> {
    await this.options.channels?.open();
    await this.book.start();
    // Deadlines that passed while the service was down fire before the bridge catches up: a risk
    // cleared during the outage must not stop a clock that had already run out (it eases the
    // alert, and an eased alert's clocks stop).
    this.timers.start();
    await this.timers
      .tick()
      .catch((error: unknown) => this.logger.error(`first tick: ${String(error)}`));
    await this.bridge?.start();
    await this.feed?.start();
    this.dispatcher.start();
    const metrics = this.metrics;
    const { bridge, feed, feedMetrics } = this;
    if ((metrics && bridge) || (feedMetrics && feed)) {
      this.lagTimer = setInterval(() => {
        if (metrics && bridge) void bridge.lag().then(metrics.setLag, () => undefined);
        if (feedMetrics && feed)
          void feed.lag().then(
            (n) => feedMetrics.setLag(feed.options.topic, n),
            () => undefined,
          );
      }, this.options.lagEveryMs ?? 5_000);
      this.lagTimer.unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.lagTimer);
    await this.dispatcher.stop();
    await this.timers.stop();
    await this.bridge?.stop();
    await this.feed?.stop();
    await this.book.stop();
    await this.options.channels?.close();
  }

  /** The 'alerting' health check: up while the book and the bridge follow the store. */
  health(): HealthReport {
    const book = this.book.status;
    const bridgeError = this.bridge?.error ?? null;
    return {
      up: book.error === null && bridgeError === null,
      detail: {
        alerts: book.alerts,
        position: book.position,
        ...(this.bridge
          ? {
              bridge: {
                handled: this.bridge.position,
                checkpoint: this.bridge.checkpoint,
                error: bridgeError,
              },
            }
          : {}),
        timers: {
          tracked: this.timers.tracked,
          nextDueAt: this.timers.nextDueAt,
          ...this.timers.totals,
        },
        dispatcher: { waiting: this.dispatcher.waiting, ...this.dispatcher.totals },
        ...(this.feed ? { feed: this.feedHealth(this.feed) } : {}),
        ...(book.error === null ? {} : { error: book.error }),
      },
    };
  }

  /** Detail only: a broker outage holds the CRMs' feed back, not the RMs' API (readiness). */
  private feedHealth(feed: AlertFeedPublisher) {
    return {
      topic: feed.options.topic,
      published: feed.published,
      checkpoint: feed.checkpoint,
      sent: feed.sent,
      error: feed.stoppedBy ?? feed.error,
      ...(feed.stoppedBy === null ? {} : { stopped: true }),
    };
  }
}

const ALERTING_OPTIONS = Symbol('ALERTING_OPTIONS');

/** Starts the engine once the application is up; on SIGTERM stops it before the store closes. */
@Injectable()
export class AlertingRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Alerting');

  constructor(
    @Inject(AlertingEngine) readonly engine: AlertingEngine,
    @Inject(HealthChecks) private readonly health: HealthChecks,
    @Inject(ALERTING_OPTIONS) private readonly options: AlertingEngineOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.health.register({ name: 'alerting', check: async () => this.engine.health() });
    await this.engine.start();
    const channels = this.options.channels?.channels ??
      this.options.senders?.map((s) => s.channel) ?? ['inbox'];
    const feed = this.engine.feed ? `; feed on ${this.engine.feed.options.topic}` : '';
    this.logger.log(
      `alerting with policy ${this.options.config.policy.version}, directory ${this.options.config.directory.version}; ` +
        `${this.engine.book.size} alerts folded; channels ${channels.join(', ')}${feed}`,
    );
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await this.engine.stop();
    this.logger.log(`stopped on ${signal ?? 'shutdown'}`);
  }
}

/**
 * The alerting engine as a Nest module: `AlertingModule.forRoot({ config: loadAlertingConfig() })`.
 * Needs `EventStoreModule` and `ObservabilityModule` in the process (both global). Provides the
 * ports the API module uses: ALERT_COMMANDS, ALERT_READ_MODEL, ALERTING_CONFIG, CLOCK.
 */
@Module({})
export class AlertingModule {
  static forRoot(options: AlertingEngineOptions): DynamicModule {
    return {
      module: AlertingModule,
      providers: [
        { provide: ALERTING_OPTIONS, useValue: options },
        {
          provide: AlertingEngine,
          inject: [EVENT_STORE, Metrics],
          useFactory: (opened: OpenedEventStore, metrics: Metrics) =>
            new AlertingEngine(opened, options, metrics),
        },
        { provide: ALERTING_CONFIG, useValue: options.config },
        { provide: CLOCK, inject: [AlertingEngine], useFactory: (e: AlertingEngine) => e.clock },
        {
          provide: AlertRepository,
          inject: [AlertingEngine],
          useFactory: (e: AlertingEngine) => e.repository,
        },
        { provide: AlertBook, inject: [AlertingEngine], useFactory: (e: AlertingEngine) => e.book },
        { provide: ALERT_COMMANDS, useExisting: AlertRepository },
        { provide: ALERT_READ_MODEL, useExisting: AlertBook },
        AlertingRunner,
      ],
      exports: [
        AlertingEngine,
        AlertRepository,
        AlertBook,
        ALERT_COMMANDS,
        ALERT_READ_MODEL,
        ALERTING_CONFIG,
        CLOCK,
      ],
    };
  }
}
