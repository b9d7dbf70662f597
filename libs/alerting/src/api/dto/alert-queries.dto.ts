import {
  ALERT_LEVELS,
  ALERT_SEVERITIES,
  type AlertLevel,
  type AlertSeverity,
} from '@churn/domain-alert';
import { TIERS, type Tier } from '@churn/domain-customer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INBOX_STATUSES, type InboxStatus } from '../alert-pages';
import { Id, IsInstant } from '../validation';

/** Every list is paged (issue 5 §5): 1..100 items, 25 unless asked. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 25;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  limit: number = DEFAULT_PAGE;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page, as given.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export class AlertFilterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INBOX_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn([...INBOX_STATUSES])
  status: InboxStatus = 'open';

  @ApiPropertyOptional({ enum: ALERT_SEVERITIES })
  @IsOptional()
  @IsIn([...ALERT_SEVERITIES])
  severity?: AlertSeverity;

  @ApiPropertyOptional({ enum: TIERS, description: "The customer's tier." })
  @IsOptional()
  @IsIn([...TIERS])
  tier?: Tier;

  @ApiPropertyOptional({
    description: "Alerts whose customer, customer's RM or holder is in this team.",
  })
  @IsOptional()
  @Id()
  teamId?: string;
}

export class ListAlertsQuery extends AlertFilterQuery {
  @ApiPropertyOptional({ enum: ALERT_LEVELS })
  @IsOptional()
  @IsIn([...ALERT_LEVELS])
  level?: AlertLevel;
}

export const ESCALATED_LEVELS = ['supervisor', 'branch-head'] as const;

export class EscalationsQuery extends AlertFilterQuery {
  @ApiPropertyOptional({ enum: ESCALATED_LEVELS })
  @IsOptional()
  @IsIn([...ESCALATED_LEVELS])
  level?: (typeof ESCALATED_LEVELS)[number];
}

export class TeamSlaQuery {
  @ApiPropertyOptional({
    description: 'Alerts raised from this instant (inclusive); default 30 days before `to`.',
    example: '2024-06-01T00:00:00+08:00',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'Alerts raised before this instant (exclusive); default now.',
    example: '2024-07-01T00:00:00+08:00',
  })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class AlertIdParams {
  @ApiProperty({ maxLength: 64 })
  @Id()
  alertId!: string;
}

export class TeamIdParams {
  @ApiProperty({ maxLength: 64 })
  @Id()
  teamId!: string;
}
