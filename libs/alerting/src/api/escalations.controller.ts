import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import type { StaffPrincipal } from '../auth/staff-principal';
import { AlertsQueryService } from './alerts-query.service';
import { AccessRoute } from './customer-data-access';
import { ESCALATED_LEVELS, EscalationsQuery } from './dto/alert-queries.dto';
import { AlertPageDoc } from './dto/alert-responses.dto';
import { StaffEndpoint } from './staff-endpoint.decorator';

/** What climbed the ladder (DOMAIN.md §5.2): the alerts above RM level in the caller's scope. */
@ApiTags('escalations')
@StaffEndpoint('supervisor', 'branch-head', 'auditor')
@Controller('escalations')
export class EscalationsController {
  constructor(@Inject(AlertsQueryService) private readonly queries: AlertsQueryService) {}

  @Get()
  @ApiOperation({ summary: 'Alerts at supervisor or branch-head level in your scope.' })
  @ApiOkResponse({ type: AlertPageDoc })
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Query() query: EscalationsQuery,
  ) {
    const { limit, cursor, ...filter } = query;
    return this.queries.list(
      staff,
      route,
      { ...filter, levels: ESCALATED_LEVELS },
      { limit, ...(cursor === undefined ? {} : { cursor }) },
    );
  }
}
