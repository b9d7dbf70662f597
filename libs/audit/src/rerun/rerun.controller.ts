import { AccessRoute, CurrentStaff, type StaffPrincipal } from '@churn/alerting';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuditEndpoint, CustomerIdParams } from '../access/audit-endpoint';
import { RerunDoc, RerunQuery } from './rerun.dto';
import { RerunService } from './rerun.service';

/** Replay is the product (ARCHITECTURE.md principle 4): re-run one customer's history. */
@ApiTags('audit')
@AuditEndpoint()
@Controller('audit/customers')
export class RerunController {
  constructor(@Inject(RerunService) private readonly reruns: RerunService) {}

  @Get(':customerId/rerun')
  @ApiOperation({
    summary:
      'Re-run the risk engine over the stored history with the policy in force: are the recorded risk events reproduced? With whatIf, what another policy would have recorded.',
  })
  @ApiOkResponse({ type: RerunDoc })
  @ApiUnprocessableEntityResponse({
    description: 'The recorded policy version is not a known policy file.',
  })
  rerun(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { customerId }: CustomerIdParams,
    @Query() { policy, whatIf }: RerunQuery,
  ) {
    return this.reruns.rerun(staff, route, customerId, policy, whatIf);
  }
}
