import { AccessRoute, CurrentStaff, type StaffPrincipal } from '@churn/alerting';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { AlertIdParams, AuditEndpoint, CustomerIdParams } from '../access/audit-endpoint';
import { IsMoment } from '../access/moments';
import { AlertExplanationService } from './alert-explanation.service';
import { RiskDecisionsService } from './risk-decisions.service';

export class RiskDecisionsQuery {
  @ApiPropertyOptional({ description: 'Business time from (instant, or bank date: its start).' })
  @IsOptional()
  @IsMoment()
  from?: string;

  @ApiPropertyOptional({
    description: 'Business time to (instant, or bank date: its end), inclusive.',
  })
  @IsOptional()
  @IsMoment()
  to?: string;
}

export class ExplanationDoc {
  @ApiProperty({
    type: Object,
    description: 'Customer, tier, severity, level, holder, status, resolution.',
  })
  alert!: unknown;
  @ApiProperty({
    type: Object,
    description: 'Alerting policy frozen in the alert; risk policy of each cause.',
  })
  policies!: unknown;
  @ApiProperty({
    type: [Object],
    description:
      'Each risk event merged: signals → measures (value, threshold, unit) → evidence events → raw source message.',
  })
  causes!: unknown[];
  @ApiProperty({ type: [Object], description: 'Who was told, by which channel, every attempt.' })
  notifications!: unknown[];
  @ApiProperty({
    type: [Object],
    description: 'Every escalation: SLA rule, due, fired; or manual, by whom.',
  })
  escalations!: unknown[];
  @ApiProperty({ type: [Object] }) breaches!: unknown[];
  @ApiProperty({
    type: [Object],
    description: 'acknowledge, contact, snooze, reassign, resolve, reopen: who, when.',
  })
  actions!: unknown[];
  @ApiProperty({ type: [Object] }) history!: unknown[];
}

export class RiskDecisionsDoc {
  @ApiProperty() customerId!: string;
  @ApiProperty({
    type: [Object],
    description: 'Risk events with score, band, signals and measures.',
  })
  decisions!: unknown[];
  @ApiProperty({ type: [Object], description: 'Bands and hysteresis of each policy version.' })
  policies!: unknown[];
  @ApiProperty() note!: string;
}

/** Why an alert fired, who was told, what they did (issue 6 §1, alert explanation). */
@ApiTags('audit')
@AuditEndpoint()
@Controller('audit/alerts')
export class AlertExplanationController {
  constructor(
    @Inject(AlertExplanationService) private readonly explanations: AlertExplanationService,
  ) {}

  @Get(':alertId/explanation')
  @ApiOperation({
    summary:
      'Signals, thresholds, evidence events and source messages; policy versions; notifications, escalations, actions.',
  })
  @ApiOkResponse({ type: ExplanationDoc })
  explain(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { alertId }: AlertIdParams,
  ) {
    return this.explanations.explain(staff, route, alertId);
  }
}

/** Why an alert did or didn't fire: the risk engine's recorded decisions for a customer. */
@ApiTags('audit')
@AuditEndpoint()
@Controller('audit/customers')
export class RiskDecisionsController {
  constructor(@Inject(RiskDecisionsService) private readonly decisions: RiskDecisionsService) {}

  @Get(':customerId/risk-decisions')
  @ApiOperation({
    summary:
      'The risk events in a window, with scores and signals, and the thresholds of their policies.',
  })
  @ApiOkResponse({ type: RiskDecisionsDoc })
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessRoute() route: string,
    @Param() { customerId }: CustomerIdParams,
    @Query() { from, to }: RiskDecisionsQuery,
  ) {
    return this.decisions.decisions(staff, route, customerId, from, to);
  }
}
