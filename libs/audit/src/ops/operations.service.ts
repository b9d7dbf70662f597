import { createKafka, dlqOf, INBOUND_TOPICS } from '@churn/messaging';
import { Metrics } from '@churn/observability';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditAccessLog } from '../access/audit-access-log';
import type { Asked } from '../analytics/branch-analytics.service';
import {
  BRANCH_ANALYTICS_OPTIONS,
  type BranchAnalyticsOptions,
} from '../analytics/branch-analytics.options';
import type { DeadLetterPage } from './dead-letter-entry';
import { readDeadLetterFiles } from './dead-letter-files';
import {
  readIngestionFigures,
  type IngestionFigures,
  type MessageCounts,
} from './ingestion-throughput';
import { readKafkaDeadLetters, type KafkaClient } from './kafka-dead-letters';
import type { IngestionOpsQuery } from './operations.dto';

export interface IngestionOpsView {
  readonly mode: 'kafka' | 'files';
  readonly at: string;
  readonly throughput: Omit<IngestionFigures, 'lag'> & {
    /** When this process started: the rates since start are over this span. */
    readonly since: string;
    readonly perSecondSinceStart: MessageCounts;
    /** Since the previous `/ops/ingestion` answer (null on the first one). */
    readonly perSecondRecent: MessageCounts | null;
  };
  readonly lag: IngestionFigures['lag'];
  readonly deadLetters: DeadLetterPage;
}

const perSecond = (counts: MessageCounts, seconds: number): MessageCounts =>
  seconds <= 0
    ? { consumed: 0, stored: 0, deadLettered: 0 }
    : {
        consumed: counts.consumed / seconds,
        stored: counts.stored / seconds,
        deadLettered: counts.deadLettered / seconds,
      };

const minus = (a: MessageCounts, b: MessageCounts): MessageCounts => ({
  consumed: a.consumed - b.consumed,
  stored: a.stored - b.stored,
  deadLettered: a.deadLettered - b.deadLettered,
});

/**
 * Operations (DOMAIN.md §8: watch throughput, lag and rejects): the ingestion series of this
 * process's metrics registry, and the latest dead letters with their reason and original
 * message, from the DLQ topics (KAFKA_BROKERS set) or from DATA_DIR's `*.dlq.ndjson` files.
 * Rates are over wall-clock time, the process's own, never the SLA clock.
 */
@Injectable()
export class OperationsService {
  private kafka: KafkaClient | undefined;
  private previous: { readonly atMs: number; readonly totals: MessageCounts } | undefined;

  constructor(
    @Inject(AuditAccessLog) private readonly access: AuditAccessLog,
    @Inject(BRANCH_ANALYTICS_OPTIONS) private readonly options: BranchAnalyticsOptions,
    @Optional() @Inject(Metrics) private readonly metrics?: Metrics,
  ) {}

  async ingestion(asked: Asked, query: IngestionOpsQuery): Promise<IngestionOpsView> {
    const nowMs = Date.now();
    const startedMs = nowMs - process.uptime() * 1_000;
    const figures = await readIngestionFigures(this.metrics);
    const { lag, ...counts } = figures;
    const previous = this.previous;
    this.previous = { atMs: nowMs, totals: counts.totals };
    const deadLetters = await this.deadLetters(query);
    const view: IngestionOpsView = {
      mode: this.options.operations?.kafkaBrokers ? 'kafka' : 'files',
      at: new Date(nowMs).toISOString(),
      throughput: {
        ...counts,
        since: new Date(startedMs).toISOString(),
        perSecondSinceStart: perSecond(counts.totals, (nowMs - startedMs) / 1_000),
        perSecondRecent:
          previous === undefined || nowMs <= previous.atMs
            ? null
            : perSecond(minus(counts.totals, previous.totals), (nowMs - previous.atMs) / 1_000),
      },
      lag,
      deadLetters,
    };
    await this.access.record(asked.staff, {
      route: asked.route,
      customerIds: [],
      alertIds: [],
      query: { ...query },
    });
    return view;
  }

  private deadLetters(query: IngestionOpsQuery): Promise<DeadLetterPage> {
    const settings = this.options.operations;
    const brokers = settings?.kafkaBrokers;
    if (brokers && brokers.length > 0) {
      this.kafka ??= createKafka({ brokers, clientId: 'audit-operations', logLevel: 'error' });
      const topics = (settings?.topics ?? INBOUND_TOPICS).map(dlqOf);
      return readKafkaDeadLetters(this.kafka, topics, query.limit, query.cursor);
    }
    return readDeadLetterFiles(settings?.dataDir ?? 'data', query.limit, query.cursor);
  }
}
