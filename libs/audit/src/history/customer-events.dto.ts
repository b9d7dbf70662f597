import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsMoment } from '../access/moments';

export const MAX_EVENTS_PAGE = 500;
export const DEFAULT_EVENTS_PAGE = 100;

export class CustomerEventsQuery {
  @ApiPropertyOptional({
    description: 'Event types, comma-separated, e.g. `PayrollCredited,ChurnRiskRaised`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,63}(,[A-Za-z][A-Za-z0-9]{0,63}){0,39}$/, {
    message:
      'type must be event type names separated by commas, such as PayrollCredited,ChurnRiskRaised',
  })
  type?: string;

  @ApiPropertyOptional({
    description: 'Business time from (inclusive): an instant with offset, or a bank date.',
    example: '2024-01-01',
  })
  @IsOptional()
  @IsMoment()
  from?: string;

  @ApiPropertyOptional({
    description: 'Business time to: an instant (exclusive), or a bank date (that day included).',
    example: '2024-06-30',
  })
  @IsOptional()
  @IsMoment()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EVENTS_PAGE, default: DEFAULT_EVENTS_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS_PAGE)
  limit: number = DEFAULT_EVENTS_PAGE;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page, as given.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;

  @ApiPropertyOptional({
    enum: ['alerts'],
    description: "`alerts`: the events of the customer's alert streams too, in log order.",
  })
  @IsOptional()
  @IsIn(['alerts'])
  include?: 'alerts';
}

export class SourceDoc {
  @ApiProperty() topic!: string;
  @ApiProperty() partition!: number;
  @ApiProperty({ description: 'Kafka offset, a decimal string.' }) offset!: string;
}

export class StoredEventDoc {
  @ApiProperty() eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ example: 'customer-C000042' }) stream!: string;
  @ApiProperty({ description: 'Place in its stream, from 0.' }) revision!: number;
  @ApiProperty({ description: 'Place in the whole log.' }) position!: number;
  @ApiProperty({ description: 'Business time.' }) occurredAt!: string;
  @ApiProperty({ description: 'When the store recorded it (wall clock).' }) recordedAt!: string;
  @ApiProperty({
    type: SourceDoc,
    nullable: true,
    description: 'Kafka coordinates of the source message.',
  })
  source!: SourceDoc | null;
  @ApiProperty({ nullable: true, type: String, description: 'The event that caused it.' })
  causationId!: string | null;
  @ApiProperty({ type: Object, description: 'The event data as stored.' }) data!: unknown;
}

export class CustomerEventPageDoc {
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: [StoredEventDoc] }) items!: StoredEventDoc[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null at the end.',
  })
  nextCursor!: string | null;
}
