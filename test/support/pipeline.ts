// The whole system as its three services, each its own OS process, on one embedded store file
// (SQLite in WAL mode: one writer at a time, readers in every process; each process's live
// subscriptions poll the file for the others' appends): ingestion (Kafka → facts), the risk
// engine (facts → ChurnRisk*), alerting (risk → alerts, escalations, e-mail). Alerting runs on
// an accelerated SLA clock with a fixed anchor, so every instance, restarted or not, lives on
// one timeline: an outage of N real seconds lets N × speed seconds of SLA time pass.
import { join } from 'node:path';
import {
  SERVICE_NAMES,
  startServiceProcess,
  type ExitStatus,
  type ServiceName,
  type ServiceProcess,
} from './service-process';

/** A test-only HS256 key (≥ 32 bytes): the alerting API refuses to start without one. */
export const E2E_JWT_SECRET = 'e2e-only-secret-not-for-production-0123456789abcdef';

export interface PipelineOptions {
  readonly brokers: readonly string[];
  /** The store is `<dataDir>/events.db`. */
  readonly dataDir: string;
  /** Ingestion's consumer group: a fresh one per test. */
  readonly groupId: string;
  /** The e-mail channel's relay; null: e-mail off (the inbox takes everything). */
  readonly smtp: { readonly host: string; readonly port: number } | null;
  /** SLA time: `speed` × real time from the real instant `anchorMs`. */
  readonly clock: { readonly speed: number; readonly anchorMs: number };
  /** Escalation timer and dispatcher intervals (real ms). */
  readonly alertingIntervalMs?: number;
  /** Any other variable, per service. */
  readonly extra?: Partial<Record<ServiceName, Readonly<Record<string, string>>>>;
}

export class Pipeline {
  readonly storePath: string;
  private readonly current = new Map<ServiceName, ServiceProcess>();
  /** Every process started, in order (for cleanup and for the report). */
  readonly started: ServiceProcess[] = [];

  constructor(private readonly options: PipelineOptions) {
    this.storePath = join(options.dataDir, 'events.db');
  }

  /** The SLA clock's now, as every alerting instance computes it. */
  clockNow(realMs = Date.now()): Date {
    const { speed, anchorMs } = this.options.clock;
    return new Date(anchorMs + (realMs - anchorMs) * speed);
  }

  get clockSpeed(): number {
    return this.options.clock.speed;
  }

  envOf(name: ServiceName): Record<string, string> {
    const { brokers, groupId, smtp, clock } = this.options;
    // Nothing from the test's own environment may switch a service to another store or broker.
    const common = { EVENTSTORE_URL: '', EVENT_STORE_PATH: this.storePath };
    const interval = String(this.options.alertingIntervalMs ?? 250);
    const own: Record<ServiceName, Record<string, string>> = {
      ingestion: {
        KAFKA_BROKERS: brokers.join(','),
        INGESTION_GROUP_ID: groupId,
        INGESTION_ENSURE_TOPICS: 'false',
      },
      // Every restart re-folds on two threads, however near its checkpoint (the default waits
      // for 200,000 positions): kill -9 and restarts go through the parallel catch-up here.
      'risk-engine': { RISK_CATCH_UP_THREADS: '2', RISK_CATCH_UP_THREADS_FROM: '1' },
      alerting: {
        // Empty: the Kafka channel stays off (the policy's channels are e-mail, webhook, inbox).
        KAFKA_BROKERS: '',
        ALERTING_JWT_SECRET: E2E_JWT_SECRET,
        ALERTING_SMTP_HOST: smtp?.host ?? '',
        ALERTING_SMTP_PORT: smtp ? String(smtp.port) : '',
        ALERTING_WEBHOOK_SECRET: '',
        ALERTING_CLOCK_SPEED: String(clock.speed),
        ALERTING_CLOCK_ANCHOR: new Date(clock.anchorMs).toISOString(),
        ALERTING_TIMER_INTERVAL_MS: interval,
        ALERTING_DISPATCH_INTERVAL_MS: interval,
      },
      'audit-api': {
        ALERTING_JWT_SECRET: E2E_JWT_SECRET,
        AUDIT_DEMO_LOGINS: 'false',
        KAFKA_BROKERS: brokers.join(','),
      },
    };
    return { ...common, ...own[name], ...this.options.extra?.[name] };
  }

  async start(name: ServiceName): Promise<ServiceProcess> {
    const running = this.current.get(name);
    if (running?.alive()) throw new Error(`${name} is already running (pid ${running.pid})`);
    const service = await startServiceProcess(name, this.envOf(name));
    this.current.set(name, service);
    this.started.push(service);
    return service;
  }

  /** All three at once (they only meet in the store, which the first to open it creates). */
  async startAll(): Promise<void> {
    await Promise.all(SERVICE_NAMES.map((name) => this.start(name)));
  }

  get(name: ServiceName): ServiceProcess {
    const service = this.current.get(name);
    if (service === undefined) throw new Error(`${name} was never started`);
    return service;
  }

  /** kill -9. */
  async kill(name: ServiceName): Promise<ExitStatus> {
    return this.get(name).kill();
  }

  async stop(name: ServiceName): Promise<ExitStatus> {
    return this.get(name).stop();
  }

  /** SIGTERM to each, the readers first, ingestion last. */
  async stopAll(): Promise<void> {
    for (const name of ['audit-api', 'alerting', 'risk-engine', 'ingestion'] as const)
      await this.current.get(name)?.stop();
  }

  /** SIGKILL to anything still running (afterAll). */
  async killAll(): Promise<void> {
    for (const service of this.started) await service.kill();
  }

  /** The last lines of every process, for a failure message. */
  outputs(lines = 30): string {
    return this.started
      .map(
        (s) =>
          `--- ${s.name} pid ${s.pid}${s.alive() ? '' : ' (exited)'}\n` +
          s.output().split('\n').slice(-lines).join('\n'),
      )
      .join('\n');
  }
}
