import { STAFF_ROLES } from '@churn/domain-alert';
import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffEndpoint, AlertingValidation } from '../api/staff-endpoint.decorator';
import { StaffDoc, StaffTokenDoc } from '../api/dto/alert-responses.dto';
import { badField } from '../api/validation';
import { ALERTING_CONFIG, type AlertingConfig } from '../ports/alerting-ports';
import { CurrentStaff } from './current-staff.decorator';
import { DemoLoginBody } from './demo-login.dto';
import { principalOf, type StaffPrincipal } from './staff-principal';
import { StaffTokens } from './staff-tokens';

/** Who the token says you are, as the staff directory knows you now. Open to every role. */
@ApiTags('auth')
@StaffEndpoint(...STAFF_ROLES)
@Controller('auth')
export class AuthController {
  @Get('me')
  @ApiOperation({ summary: 'You: role, team and branch from the staff directory.' })
  @ApiOkResponse({ type: StaffDoc })
  me(@CurrentStaff() staff: StaffPrincipal): StaffPrincipal {
    return staff;
  }
}

/**
 * A token for anybody in the staff directory, no password asked: only for the demo branch that
 * `npm start` runs. It exists when `AlertingApiModule.forRoot({ demoLogins: true })`; production
 * never passes it, and staff sign in through the bank's identity provider instead.
 */
@ApiTags('auth')
@AlertingValidation()
@Controller('auth')
export class DemoLoginController {
  constructor(
    @Inject(StaffTokens) private readonly tokens: StaffTokens,
    @Inject(ALERTING_CONFIG) private readonly config: AlertingConfig,
  ) {}

  @Post('demo-login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo only: a token for any member of the staff directory.' })
  @ApiOkResponse({ type: StaffTokenDoc })
  async login(@Body() body: DemoLoginBody) {
    const staff = principalOf(this.config.directory, body.staffId);
    if (staff === null)
      throw badField('staffId', `staffId ${body.staffId} is not in the staff directory`);
    return { ...(await this.tokens.issueStaffToken(staff.staffId)), staff };
  }
}
