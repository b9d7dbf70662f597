import { AccessRoute, CurrentStaff, StaffEndpoint, type StaffPrincipal } from '@churn/alerting';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IngestionOpsQuery } from './operations.dto';
import { OperationsService } from './operations.service';

/**
 * The operations console's view of ingestion (DOMAIN.md §8): throughput, lag and dead letters,
 * for operators, auditors and branch heads. Dead letters hold customers' original messages, so
 * every answer leaves an access record like any audit query.
 */
@ApiTags('operations')
@StaffEndpoint('operator', 'auditor', 'branch-head')
@Controller('ops')
export class OperationsController {
  constructor(@Inject(OperationsService) private readonly service: OperationsService) {}

  @Get('ingestion')
  @ApiOperation({
    summary: 'Ingestion throughput and lag in this process, and the latest dead letters (paged).',
  })
  @ApiOkResponse({
    description:
      '{ mode, at, throughput: { consumerInProcess, totals, byTopic, deadLetteredByReason, since, perSecondSinceStart, perSecondRecent }, lag: [{ topic, partition, lag, committedOffset }], deadLetters: { source, items, nextCursor, complete } }',
  })
  ingestion(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Query() query: IngestionOpsQuery,
  ) {
    return this.service.ingestion({ staff, route }, query);
  }
}
