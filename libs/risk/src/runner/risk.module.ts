import { DEFAULT_TOPIC_PLAN, INBOUND_TOPICS } from '@churn/messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { RiskEngine } from '../engine/risk-engine';
import { DEFAULT_REVIEW_SCHEDULE } from '../engine/review-schedule';
import { DEFAULT_WATERMARK, type WatermarkSettings } from '../engine/source-watermark';
import type { LoadedRiskPolicy } from '../policy/load-risk-policy';
import { CustomerRiskController } from './customer-risk.controller';
import type { RiskLoopOptions } from './risk-engine-loop';
import { RISK_LOOP_OPTIONS, RiskEngineRunner } from './risk-engine.runner';

export interface RiskModuleOptions extends Omit<LoadedRiskPolicy, 'reviews'> {
  readonly reviews?: LoadedRiskPolicy['reviews'];
  readonly loop?: Partial<RiskLoopOptions>;
  /**
   * Serve `GET /customers/:id/risk`, the engine's live view of one customer, without staff
   * sign-in: for the risk engine as its own internal service (operators, on the bank's closed
   * network, like /metrics). Off by default: where staff are served (npm start), customer risk is
   * read through the audit API, behind sign-in, scope and the access log.
   */
  readonly serveCustomerRisk?: boolean;
  /**
   * The per-source watermark (README "How the engine decides when to assess"): on by default,
   * since the store holds facts in the order ingestion consumed its partitions; `false` trusts
   * the store's order as the business order.
   */
  readonly watermark?: Partial<WatermarkSettings> | false;
}

/**
 * Every partition of the inbound topics as the project declares them (deploy/: 6 each), known
 * to the watermark before they deliver: on a first load ingestion may reach some only at the end.
 */
export const inboundPartitions = (partitions = DEFAULT_TOPIC_PLAN.inboundPartitions): string[] =>
  INBOUND_TOPICS.flatMap((topic) => Array.from({ length: partitions }, (_, p) => `${topic}/${p}`));

/**
 * A checkpoint once a second or every 10,000 inputs (a commit, not a per-event cost); risk
 * events appended within 20 ms of the input that produced them. On the embedded store, a
 * catch-up of 200,000 positions or more is spread over two threads (the machine's two cores).
 */
export const DEFAULT_LOOP_OPTIONS: RiskLoopOptions = {
  subscriberId: 'risk-engine',
  flushEveryInputs: 10_000,
  flushEveryMs: 1_000,
  appendOutputsWithinMs: 20,
  catchUpThreads: 2,
  catchUpThreadsFrom: 200_000,
};

/**
 * The risk engine as a Nest module: `RiskModule.forRoot(loadRiskPolicy(file))`. Needs
 * `EventStoreModule` and `ObservabilityModule` in the process (both global).
 */
@Module({})
export class RiskModule {
  static forRoot(options: RiskModuleOptions): DynamicModule {
    const reviews = options.reviews ?? DEFAULT_REVIEW_SCHEDULE;
    return {
      module: RiskModule,
      controllers: options.serveCustomerRisk === true ? [CustomerRiskController] : [],
      providers: [
        {
          provide: RiskEngine,
          useFactory: () =>
            new RiskEngine({
              policy: options.policy,
              reviews,
              ...(options.watermark === false
                ? {}
                : {
                    watermark: {
                      ...DEFAULT_WATERMARK,
                      expectedSources: inboundPartitions(),
                      ...options.watermark,
                    },
                  }),
            }),
        },
        { provide: RISK_LOOP_OPTIONS, useValue: { ...DEFAULT_LOOP_OPTIONS, ...options.loop } },
        RiskEngineRunner,
      ],
      exports: [RiskEngine, RiskEngineRunner],
    };
  }
}
