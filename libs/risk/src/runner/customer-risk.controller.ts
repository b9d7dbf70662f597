import { bankDate } from '@churn/domain-kernel';
import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { RiskEngine } from '../engine/risk-engine';

/**
 * A customer's churn risk as the engine holds it (ARCHITECTURE.md principle 6: explain every
 * alert): the risk decided so far, and the signals behind it with their explanations, measures
 * and evidence event ids, under the policy version that judged them.
 */
@Controller()
export class CustomerRiskController {
  constructor(@Inject(RiskEngine) private readonly engine: RiskEngine) {}

  @Get('customers/:customerId/risk')
  risk(@Param('customerId') customerId: string) {
    const watch = this.engine.watchOf(customerId);
    if (watch === undefined)
      throw new NotFoundException(`customerId ${customerId} has no facts the risk engine has seen`);
    const lastFact = watch.customer.lastDay ?? 0;
    const asOfDay = Math.max(watch.lastAssessedDay ?? lastFact, lastFact);
    const assessment = this.engine.assessAsOf(watch, asOfDay);
    return {
      customerId,
      policyVersion: this.engine.settings.policy.version,
      risk: watch.risk,
      lastAssessedOn: watch.lastAssessedDay === null ? null : bankDate(watch.lastAssessedDay),
      nextReviewOn: watch.dueDay === null ? null : bankDate(watch.dueDay),
      signalsAsOf: assessment.assessedOn,
      score: assessment.score,
      band: assessment.band,
      value: assessment.value,
      signals: assessment.signals.map((s) => ({
        code: s.code,
        strengthBasisPoints: s.strengthBasisPoints,
        explanation: s.explanation,
        measures: s.measures,
        evidenceEventIds: s.evidenceEventIds,
      })),
    };
  }
}
