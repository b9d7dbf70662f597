import { Module, type DynamicModule } from '@nestjs/common';
import { RiskEngine } from '../engine/risk-engine';
import { DEFAULT_REVIEW_SCHEDULE } from '../engine/review-schedule';
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
}

/** Once a second or every 10,000 inputs: a checkpoint is a commit, not a per-event cost. */
export const DEFAULT_LOOP_OPTIONS: RiskLoopOptions = {
  subscriberId: 'risk-engine',
  flushEveryInputs: 10_000,
  flushEveryMs: 1_000,
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
          useFactory: () => new RiskEngine({ policy: options.policy, reviews }),
        },
        { provide: RISK_LOOP_OPTIONS, useValue: { ...DEFAULT_LOOP_OPTIONS, ...options.loop } },
        RiskEngineRunner,
      ],
      exports: [RiskEngine, RiskEngineRunner],
    };
  }
}
