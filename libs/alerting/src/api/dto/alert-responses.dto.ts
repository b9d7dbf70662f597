import {
  ALERT_ERROR_CODES,
  ALERT_LEVELS,
  ALERT_SEVERITIES,
  STAFF_ROLES,
} from '@churn/domain-alert';
import { SEGMENTS, TIERS } from '@churn/domain-customer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The shapes the API answers with, for the OpenAPI document only: the controllers return the
 * plain views of `alert-view.ts`, `alert-detail.ts` and `team-sla.ts`, which these describe.
 */
export class CustomerDoc {
  @ApiProperty() customerId!: string;
  @ApiProperty({ enum: TIERS }) tier!: string;
  @ApiProperty({ enum: TIERS, description: "The tier of the customer's peak AUM." })
  valueTier!: string;
  @ApiProperty({ description: 'Minor units (fen).' }) aumMinor!: number;
  @ApiProperty({ description: 'Minor units (fen).' }) peakAumMinor!: number;
  @ApiProperty({ enum: SEGMENTS, nullable: true }) segment!: string | null;
  @ApiProperty({ nullable: true, type: String }) relationshipManagerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) teamId!: string | null;
  @ApiProperty({ nullable: true, type: String }) branchId!: string | null;
}

export class HolderDoc {
  @ApiProperty({ enum: ['staff', 'team-queue'] }) kind!: string;
  @ApiPropertyOptional() staffId?: string;
  @ApiPropertyOptional() teamId?: string;
}

export class SignalDoc {
  @ApiProperty() code!: string;
  @ApiProperty() explanation!: string;
}

export class SuggestedActionDoc {
  @ApiProperty({ minimum: 1, maximum: 9, description: 'Service item of thesis Table 5.2.' })
  item!: number;
  @ApiProperty() name!: string;
}

export class SlaCountdownDoc {
  @ApiProperty({ example: 'rm/acknowledge' }) rule!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ description: 'Business minutes left; negative when overdue.' })
  businessMinutesLeft!: number;
  @ApiProperty() overdue!: boolean;
}

export class AlertItemDoc {
  @ApiProperty() alertId!: string;
  @ApiProperty({ type: CustomerDoc }) customer!: CustomerDoc;
  @ApiProperty({ enum: TIERS }) tier!: string;
  @ApiProperty({ enum: ALERT_SEVERITIES }) severity!: string;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty({ description: 'Risk × value: the inbox sort key.' }) priority!: number;
  @ApiProperty({ enum: ALERT_LEVELS }) level!: string;
  @ApiProperty({ type: HolderDoc }) holder!: HolderDoc;
  @ApiProperty({ nullable: true, type: String }) holderNote!: string | null;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty() raisedAt!: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) snoozedUntil!: string | null;
  @ApiProperty() riskEased!: boolean;
  @ApiProperty({ type: [SignalDoc] }) signals!: SignalDoc[];
  @ApiProperty({ type: [SuggestedActionDoc] }) suggestedActions!: SuggestedActionDoc[];
  @ApiProperty({ type: SlaCountdownDoc, nullable: true }) sla!: SlaCountdownDoc | null;
}

export class AlertPageDoc {
  @ApiProperty({ type: [AlertItemDoc] }) items!: AlertItemDoc[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty() total!: number;
}

export class HistoryEntryDoc {
  @ApiProperty() revision!: number;
  @ApiProperty() type!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: object;
}

export class NotificationAttemptDoc {
  @ApiProperty() attempt!: number;
  @ApiProperty() channel!: string;
  @ApiProperty({ enum: ['delivered', 'failed'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) failure!: string | null;
  @ApiProperty() at!: string;
}

export class NotificationDoc {
  @ApiProperty() notificationId!: string;
  @ApiProperty() recipientId!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredBy!: string | null;
  @ApiProperty() undeliverable!: boolean;
  @ApiProperty({ type: [NotificationAttemptDoc] }) attempts!: NotificationAttemptDoc[];
}

export class AlertDetailDoc extends AlertItemDoc {
  @ApiProperty({ type: [HistoryEntryDoc] }) history!: HistoryEntryDoc[];
  @ApiProperty({ type: [NotificationDoc] }) notifications!: NotificationDoc[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) causes!: object[];
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) resolution!:
    object | null;
}

export class MinutesToAcknowledgeDoc {
  @ApiProperty({ nullable: true, type: Number }) median!: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90!: number | null;
}

export class TeamSlaDoc {
  @ApiProperty() teamId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() raised!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty() acknowledgedWithinSla!: number;
  @ApiProperty() contacted!: number;
  @ApiProperty() contactedWithinSla!: number;
  @ApiProperty() escalated!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { 'rm/acknowledge': 2 },
  })
  breachesByRule!: Record<string, number>;
  @ApiProperty({ type: MinutesToAcknowledgeDoc })
  businessMinutesToAcknowledge!: MinutesToAcknowledgeDoc;
  @ApiProperty() openNow!: number;
}

export class StaffDoc {
  @ApiProperty() staffId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String }) teamId!: string | null;
  @ApiProperty() branchId!: string;
  @ApiProperty({ type: [String] }) supervisedTeamIds!: string[];
  @ApiProperty({ type: [String] }) headedBranchIds!: string[];
}

export class StaffTokenDoc {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: string;
  @ApiProperty() expiresIn!: number;
  @ApiProperty() expiresAt!: string;
}

export class FieldProblemsDoc {
  @ApiProperty({ example: 'until' }) field!: string;
  @ApiProperty({ type: [String] }) problems!: string[];
}

export class ValidationFailureDoc {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ type: [String] }) message!: string[];
  @ApiProperty({ type: [FieldProblemsDoc] }) fields!: FieldProblemsDoc[];
}

export class AlertErrorDoc {
  @ApiProperty() statusCode!: number;
  @ApiProperty() error!: string;
  @ApiProperty({ enum: ALERT_ERROR_CODES }) code!: string;
  @ApiProperty() message!: string;
}
