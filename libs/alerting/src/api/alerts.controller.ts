import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { ALERT_WORKERS, CUSTOMER_READERS, Roles } from '../auth/roles.decorator';
import type { StaffPrincipal } from '../auth/staff-principal';
import { AlertActionsService } from './alert-actions.service';
import { AlertsQueryService } from './alerts-query.service';
import { AccessRoute } from './customer-data-access';
import {
  EscalateBody,
  LogContactBody,
  ReassignBody,
  ResolveBody,
  SnoozeBody,
} from './dto/alert-actions.dto';
import { AlertIdParams, ListAlertsQuery } from './dto/alert-queries.dto';
import {
  AlertDetailDoc,
  AlertErrorDoc,
  AlertItemDoc,
  AlertPageDoc,
} from './dto/alert-responses.dto';
import { StaffEndpoint } from './staff-endpoint.decorator';
import { utcInstant } from './validation';

/** A command on one alert: for those who work alerts; answers the alert as it now stands. */
const AlertAction = (summary: string) =>
  applyDecorators(
    Roles(...ALERT_WORKERS),
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOkResponse({ type: AlertItemDoc, description: 'The alert after the command.' }),
    ApiNotFoundResponse({ type: AlertErrorDoc, description: 'No such alert in your scope.' }),
    ApiConflictResponse({ type: AlertErrorDoc, description: "The alert's state refuses it." }),
    ApiUnprocessableEntityResponse({
      type: AlertErrorDoc,
      description: 'The rules refuse the value.',
    }),
  );

/** The inbox and the commands of the people who work alerts (issue 5 §5). */
@ApiTags('alerts')
@StaffEndpoint(...CUSTOMER_READERS)
@Controller('alerts')
export class AlertsController {
  constructor(
    @Inject(AlertsQueryService) private readonly queries: AlertsQueryService,
    @Inject(AlertActionsService) private readonly actions: AlertActionsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Alerts in your scope, highest risk × value first, with SLA countdowns.',
  })
  @ApiOkResponse({ type: AlertPageDoc })
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Query() query: ListAlertsQuery,
  ) {
    const { limit, cursor, ...filter } = query;
    return this.queries.list(staff, route, filter, {
      limit,
      ...(cursor === undefined ? {} : { cursor }),
    });
  }

  @Get(':alertId')
  @ApiOperation({ summary: 'One alert with its full event history and notification attempts.' })
  @ApiOkResponse({ type: AlertDetailDoc })
  @ApiNotFoundResponse({ type: AlertErrorDoc, description: 'No such alert in your scope.' })
  detail(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { alertId }: AlertIdParams,
  ) {
    return this.queries.detail(staff, route, alertId);
  }

  @Post(':alertId/acknowledge')
  @AlertAction('Acknowledge: you have seen it and own it at your level.')
  acknowledge(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { alertId }: AlertIdParams,
  ) {
    return this.actions.act(staff, route, alertId, (as) => ({
      type: 'AcknowledgeAlert',
      data: as,
    }));
  }

  @Post(':alertId/contacts')
  @AlertAction('Log a contact with the customer and the agreed next step.')
  logContact(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { alertId }: AlertIdParams,
    @Body() body: LogContactBody,
  ) {
    return this.actions.act(staff, route, alertId, (as) => ({
      type: 'LogContact',
      data: {
        ...as,
        channel: body.channel,
        summary: body.summary,
        nextStep: body.nextStep,
        nextStepDueAt: body.nextStepDueAt === undefined ? null : utcInstant(body.nextStepDueAt),
      },
    }));
  }

  @Post(':alertId/snooze')
  @AlertAction('Snooze until a time within the policy maximum, with a reason.')
  snooze(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { alertId }: AlertIdParams,
    @Body() body: SnoozeBody,
  ) {
    return this.actions.act(staff, route, alertId, (as) => ({
      type: 'SnoozeAlert',
      data: { ...as, until: utcInstant(body.until), reason: body.reason },
    }));
  }

  @Post(':alertId/reassign')
  @AlertAction('Hand the alert to a colleague or a team queue.')
  reassign(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { alertId }: AlertIdParams,
    @Body() body: ReassignBody,
  ) {
    const to =
      body.toStaffId !== undefined
        ? { kind: 'staff' as const, staffId: body.toStaffId }
        : { kind: 'team-queue' as const, teamId: body.toTeamId ?? '' };
    return this.actions.act(staff, route, alertId, (as) => ({
      type: 'ReassignAlert',
      data: { ...as, to, reason: body.reason },
    }));
  }

  @Post(':alertId/escalate')
  @AlertAction('Send the alert up one level: it exceeds your authority.')
  escalate(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { alertId }: AlertIdParams,
    @Body() body: EscalateBody,
  ) {
    return this.actions.act(staff, route, alertId, (as) => ({
      type: 'EscalateAlert',
      data: { ...as, reason: body.reason },
    }));
  }

  @Post(':alertId/resolve')
  @AlertAction('Close the case with its outcome and the reason.')
  resolve(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { alertId }: AlertIdParams,
    @Body() body: ResolveBody,
  ) {
    return this.actions.act(staff, route, alertId, (as) => ({
      type: 'ResolveAlert',
      data: {
        ...as,
        outcome: body.outcome,
        reason: body.reason,
        reasonText: body.reasonText ?? null,
      },
    }));
  }
}
