import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsMoment } from '../access/moments';

export class StateQuery {
  @ApiPropertyOptional({
    description:
      'Business time: an instant with offset, or a bank date (its end). Default: after the last event.',
    example: '2024-06-30',
  })
  @IsOptional()
  @IsMoment()
  at?: string;
}

export class DiffQuery {
  @ApiProperty({ description: 'The earlier moment (instant or bank date).', example: '2024-01-31' })
  @IsMoment()
  from!: string;

  @ApiProperty({ description: 'The later moment (instant or bank date).', example: '2024-06-30' })
  @IsMoment()
  to!: string;
}

export class TimelineQuery {
  @ApiPropertyOptional({
    description: 'First bank day (date or instant); default the first event.',
  })
  @IsOptional()
  @IsMoment()
  from?: string;

  @ApiPropertyOptional({ description: 'Last bank day (date or instant); default the last event.' })
  @IsOptional()
  @IsMoment()
  to?: string;
}

export class CustomerStateDoc {
  @ApiProperty() customerId!: string;
  @ApiProperty({ description: 'The moment answered, UTC.' }) at!: string;
  @ApiProperty({ description: 'Events of the stream folded (facts, risk, others).' })
  eventsFolded!: number;
  @ApiProperty({ nullable: true, type: Number }) lastRevision!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lastPosition!: number | null;
  @ApiProperty({ nullable: true, type: Object }) profile!: unknown;
  @ApiProperty({ nullable: true, type: Object, description: '{ rmId, teamId, since }' })
  relationshipManager!: unknown;
  @ApiProperty({ description: 'Fen.' }) aumMinor!: number;
  @ApiProperty({ example: 'CNY 1,234,567.89' }) aum!: string;
  @ApiProperty() tier!: string;
  @ApiProperty({ nullable: true, type: String }) segment!: string | null;
  @ApiProperty({ nullable: true, type: String }) lifecycleStage!: string | null;
  @ApiProperty({
    type: [Object],
    description: 'Per employer: lastCredit, cadence, credits, months, firstCreditOn.',
  })
  payroll!: unknown[];
  @ApiProperty({ type: [Object] }) holdings!: unknown[];
  @ApiProperty({ type: [Object] }) accounts!: unknown[];
  @ApiProperty({
    type: Object,
    description: '{ count, recent: [{ complaintId, category, severity, date }] }',
  })
  complaints!: unknown;
  @ApiProperty({ nullable: true, type: Object, description: '{ surveyId, score, npsClass, date }' })
  latestNps!: unknown;
  @ApiProperty({
    nullable: true,
    type: Object,
    description:
      'The latest risk event at or before the moment: status, band, score, signals with measures, policyVersion.',
  })
  risk!: unknown;
}

export class StateChangeDoc {
  @ApiProperty({ example: 'payroll[E-A].lastCredit.date' }) path!: string;
  @ApiProperty({ nullable: true, type: Object }) from!: unknown;
  @ApiProperty({ nullable: true, type: Object }) to!: unknown;
}

export class MomentSummaryDoc {
  @ApiProperty() at!: string;
  @ApiProperty() eventsFolded!: number;
  @ApiProperty({ nullable: true, type: Number }) lastPosition!: number | null;
}

export class StateDiffDoc {
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: MomentSummaryDoc }) from!: MomentSummaryDoc;
  @ApiProperty({ type: MomentSummaryDoc }) to!: MomentSummaryDoc;
  @ApiProperty({ type: [StateChangeDoc] }) changes!: StateChangeDoc[];
}

export class AumPointDoc {
  @ApiProperty({ example: '2024-06-30' }) date!: string;
  @ApiProperty({ description: 'End-of-day AUM, fen.' }) aumMinor!: number;
}

export class MarkerDoc {
  @ApiProperty() date!: string;
  @ApiProperty({
    enum: ['payroll', 'maturity', 'complaint', 'risk', 'alert', 'contact', 'purchase'],
  })
  kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty() eventId!: string;
}

export class TimelineDoc {
  @ApiProperty() customerId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [AumPointDoc] }) aum!: AumPointDoc[];
  @ApiProperty({ type: [MarkerDoc] }) markers!: MarkerDoc[];
}
