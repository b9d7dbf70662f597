import { AccessRoute, CurrentStaff, type StaffPrincipal } from '@churn/alerting';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEndpoint, CustomerIdParams } from '../access/audit-endpoint';
import { CustomerEventPageDoc, CustomerEventsQuery } from './customer-events.dto';
import { CustomerEventsService } from './customer-events.service';

/** What the bank recorded about a customer, event by event (issue 6 §1, customer history). */
@ApiTags('audit')
@AuditEndpoint()
@Controller('audit/customers')
export class CustomerEventsController {
  constructor(@Inject(CustomerEventsService) private readonly events: CustomerEventsService) {}

  @Get(':customerId/events')
  @ApiOperation({
    summary:
      "Every event of the customer's stream, paged, by type and business time; with include=alerts, their alerts' events too.",
  })
  @ApiOkResponse({ type: CustomerEventPageDoc })
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { customerId }: CustomerIdParams,
    @Query() query: CustomerEventsQuery,
  ) {
    return this.events.page(staff, route, customerId, query);
  }
}
