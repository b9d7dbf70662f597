import { customerSegment, lifecycleStageOf } from '@churn/domain-customer';
import { bankDate, bankDayOfMs } from '@churn/domain-kernel';
import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { BranchOverviewService } from './branch-overview.service';
import { formatCny } from './money-format';

/** Read-only views of the branch for supervisors and branch heads. */
@Controller()
export class BranchOverviewController {
  constructor(@Inject(BranchOverviewService) private readonly service: BranchOverviewService) {}

  /** Customers and AUM per tier (thesis Table 3.1), as of the latest fact folded. */
  @Get('branch/overview')
  overview() {
    const o = this.service.view.overview();
    return {
      ...o,
      totalAum: formatCny(o.totalAumMinor),
      byTier: Object.fromEntries(
        Object.entries(o.byTier).map(([tier, t]) => [tier, { ...t, aum: formatCny(t.aumMinor) }]),
      ),
      otherEvents: this.service.view.otherEvents,
    };
  }

  /** One customer's folded state as of the latest fact: tier, AUM, segment, lifecycle, payroll. */
  @Get('customers/:customerId')
  customer(@Param('customerId') customerId: string) {
    const state = this.service.view.customer(customerId);
    if (!state) throw new NotFoundException(`customerId ${customerId} has no facts in the store`);
    const day = state.lastDay ?? bankDayOfMs(0);
    return {
      customerId,
      asOf: state.lastOccurredAt,
      tier: state.tier,
      aumMinor: state.aumMinor,
      aum: formatCny(state.aumMinor),
      segment: customerSegment(state, day),
      lifecycleStage: lifecycleStageOf(state, day),
      relationshipManager: state.relationshipManager,
      payroll: [...state.payroll.values()].map((p) => ({
        employerId: p.employerId,
        cadence: p.cadence,
      })),
      lastCustomerInitiatedActivity:
        state.activity.lastDay === null ? null : bankDate(state.activity.lastDay),
      complaints: state.complaints.count,
      latestSurvey: state.latestSurvey,
      facts: state.factCount,
    };
  }
}
