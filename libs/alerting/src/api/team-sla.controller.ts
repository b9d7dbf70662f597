import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import type { StaffPrincipal } from '../auth/staff-principal';
import { TeamIdParams, TeamSlaQuery } from './dto/alert-queries.dto';
import { TeamSlaDoc } from './dto/alert-responses.dto';
import { StaffEndpoint } from './staff-endpoint.decorator';
import { TeamSlaService } from './team-sla.service';

@ApiTags('teams')
@StaffEndpoint('supervisor', 'branch-head', 'auditor')
@Controller('teams')
export class TeamSlaController {
  constructor(@Inject(TeamSlaService) private readonly service: TeamSlaService) {}

  @Get(':teamId/sla')
  @ApiOperation({
    summary: "A team's SLA performance over the alerts raised in a window (default: 30 days).",
  })
  @ApiOkResponse({ type: TeamSlaDoc })
  @ApiNotFoundResponse({ description: 'No such team.' })
  sla(
    @CurrentStaff() staff: StaffPrincipal,
    @Param() { teamId }: TeamIdParams,
    @Query() query: TeamSlaQuery,
  ) {
    return this.service.report(staff, teamId, query);
  }
}
