import { AccessRoute, CurrentStaff, StaffEndpoint, type StaffPrincipal } from '@churn/alerting';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { EmployerRetentionQuery, MonthWindowQuery } from './branch-analytics.dto';
import { BranchAnalyticsService } from './branch-analytics.service';

/**
 * The branch in the thesis's own tables (issue 6 §1), for supervisors (branch totals; their own
 * teams' SLA rows), branch heads and auditors; relationship managers and operators get 403. Every
 * answer names the window, the latest bank day folded (`asOf`) and the store position.
 */
@ApiTags('branch analytics')
@StaffEndpoint('supervisor', 'branch-head', 'auditor')
@ApiServiceUnavailableResponse({ description: 'The read model is still reading the store.' })
@Controller('audit/branch')
export class BranchAnalyticsController {
  constructor(@Inject(BranchAnalyticsService) private readonly service: BranchAnalyticsService) {}

  @Get('tier-counts')
  @ApiOperation({ summary: 'Customers per tier at each month-end (thesis Table 3.1).' })
  @ApiOkResponse({
    description:
      '{ from, to, asOf, position, rows: [{ month, monthEnd, ordinary, wealthManagement, fortune, privateBanking, total }] }',
  })
  tierCounts(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Query() query: MonthWindowQuery,
  ) {
    return this.service.tierCounts({ staff, route }, query);
  }

  @Get('tier-migration')
  @ApiOperation({ summary: 'Customers by tier at the end of `from` (rows) and of `to` (columns).' })
  @ApiOkResponse({
    description:
      '{ from, to, asOf, position, tiers, matrix, customersAtFrom, customersAtTo, joined, stayed, movedUp, movedDown }',
  })
  tierMigration(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Query() query: MonthWindowQuery,
  ) {
    return this.service.tierMigration({ staff, route }, query);
  }

  @Get('employer-retention')
  @ApiOperation({
    summary: 'Payroll retention per employer with its monthly trend (thesis Table 3.4).',
  })
  @ApiOkResponse({
    description:
      '{ from, to, asOf, position, branch, employers: [{ employerId, name, headcount, disbursedMinor, retainedMinor, retentionBasisPoints, payrollAtRisk, trend }] }',
  })
  employerRetention(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Query() query: EmployerRetentionQuery,
  ) {
    return this.service.employerRetention({ staff, route }, query);
  }

  @Get('churn-outcomes')
  @ApiOperation({ summary: 'Cases resolved in the window by outcome × reason, and by tier.' })
  @ApiOkResponse({
    description:
      '{ from, to, asOf, position, resolved, totals, byReason: [{ outcome, reason, count }], byTier }',
  })
  churnOutcomes(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Query() query: MonthWindowQuery,
  ) {
    return this.service.churnOutcomes({ staff, route }, query);
  }

  @Get('alert-funnel')
  @ApiOperation({
    summary: 'Alerts raised in the window: acknowledged, contacted, how they ended.',
  })
  @ApiOkResponse({
    description:
      '{ from, to, asOf, position, raised, acknowledged, contacted, escalated, resolved, retained, lost, exitedDeliberately, falseAlarm, stillOpen }',
  })
  alertFunnel(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Query() query: MonthWindowQuery,
  ) {
    return this.service.alertFunnel({ staff, route }, query);
  }

  @Get('team-sla')
  @ApiOperation({
    summary: "SLA performance per team you may see (the alerting API's team report).",
  })
  @ApiOkResponse({
    description: '{ from, to, asOf, position, teams: [TeamSla as GET /teams/:teamId/sla] }',
  })
  teamSla(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Query() query: MonthWindowQuery,
  ) {
    return this.service.teamSla({ staff, route }, query);
  }
}
