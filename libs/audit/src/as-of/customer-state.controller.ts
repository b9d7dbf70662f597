import { AccessRoute, CurrentStaff, type StaffPrincipal } from '@churn/alerting';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEndpoint, CustomerIdParams } from '../access/audit-endpoint';
import {
  CustomerStateDoc,
  DiffQuery,
  StateDiffDoc,
  StateQuery,
  TimelineDoc,
  TimelineQuery,
} from './customer-state.dto';
import { CustomerStateService } from './customer-state.service';

/** What the bank knew about a customer on a given day (issue 6 §1, state as of a moment). */
@ApiTags('audit')
@AuditEndpoint()
@Controller('audit/customers')
export class CustomerStateController {
  constructor(@Inject(CustomerStateService) private readonly states: CustomerStateService) {}

  @Get(':customerId/state')
  @ApiOperation({
    summary:
      "The customer's folded state at a business time: AUM, tier, segment, RM, payroll, holdings, complaints, NPS, lifecycle, risk.",
  })
  @ApiOkResponse({ type: CustomerStateDoc })
  state(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { customerId }: CustomerIdParams,
    @Query() { at }: StateQuery,
  ) {
    return this.states.state(staff, route, customerId, at);
  }

  @Get(':customerId/diff')
  @ApiOperation({ summary: 'What changed in the folded state between two business times.' })
  @ApiOkResponse({ type: StateDiffDoc })
  diff(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { customerId }: CustomerIdParams,
    @Query() { from, to }: DiffQuery,
  ) {
    return this.states.diff(staff, route, customerId, from, to);
  }

  @Get(':customerId/timeline')
  @ApiOperation({
    summary:
      'End-of-day AUM per bank day and markers (payroll, maturity, complaint, risk, alert, contact, purchase) for a chart.',
  })
  @ApiOkResponse({ type: TimelineDoc })
  timeline(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { customerId }: CustomerIdParams,
    @Query() { from, to }: TimelineQuery,
  ) {
    return this.states.timeline(staff, route, customerId, from, to);
  }
}
