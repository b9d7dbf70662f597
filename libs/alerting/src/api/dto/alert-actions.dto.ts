import { ALERT_OUTCOMES, CONTACT_CHANNELS, OUTCOME_REASONS } from '@churn/domain-alert';
import type { AlertOutcome, ContactChannel, OutcomeReason } from '@churn/domain-alert';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import { Id, IsInstant, isText, MAX_ID_LENGTH, Text } from '../validation';

/** The commands staff give an alert (issue 5 §5). Lengths follow what a CRM note field holds. */
export const MAX_SUMMARY = 2000;
export const MAX_NEXT_STEP = 500;
export const MAX_REASON = 500;

export class LogContactBody {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn([...CONTACT_CHANNELS])
  channel!: ContactChannel;

  @ApiProperty({ minLength: 1, maxLength: MAX_SUMMARY, description: 'What was said.' })
  @Text(MAX_SUMMARY)
  summary!: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_NEXT_STEP, description: 'What happens next.' })
  @Text(MAX_NEXT_STEP)
  nextStep!: string;

  @ApiPropertyOptional({ example: '2024-06-05T10:00:00+08:00' })
  @IsOptional()
  @IsInstant()
  nextStepDueAt?: string;
}

export class SnoozeBody {
  @ApiProperty({ example: '2024-06-04T10:00:00+08:00', description: 'Within the policy maximum.' })
  @IsInstant()
  until!: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_REASON })
  @Text(MAX_REASON)
  reason!: string;
}

/** To one person or to a team's shared queue: exactly one of the two. */
const RecipientStaff = (): PropertyDecorator =>
  ValidateBy({
    name: 'recipientStaff',
    validator: {
      validate: (value, args) =>
        value === undefined
          ? (args?.object as ReassignBody).toTeamId !== undefined
          : isText(value, MAX_ID_LENGTH),
      defaultMessage: (args) =>
        args?.value === undefined
          ? '$property or toTeamId is required'
          : `$property must be a string of 1 to ${MAX_ID_LENGTH} characters`,
    },
  });

const NotWith = (other: keyof ReassignBody): PropertyDecorator =>
  ValidateBy({
    name: 'notWith',
    validator: {
      validate: (_value, args) => (args?.object as ReassignBody)[other] === undefined,
      defaultMessage: () => `$property must not be given together with ${other}`,
    },
  });

export class ReassignBody {
  @ApiPropertyOptional({ maxLength: MAX_ID_LENGTH, description: 'Give this or toTeamId.' })
  @RecipientStaff()
  toStaffId?: string;

  @ApiPropertyOptional({
    maxLength: MAX_ID_LENGTH,
    description: "Give this or toStaffId: the team's shared queue.",
  })
  @IsOptional()
  @Id()
  @NotWith('toStaffId')
  toTeamId?: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_REASON })
  @Text(MAX_REASON)
  reason!: string;
}

export class EscalateBody {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_REASON,
    description: 'Why it exceeds your authority.',
  })
  @Text(MAX_REASON)
  reason!: string;
}

export class ResolveBody {
  @ApiProperty({ enum: ALERT_OUTCOMES })
  @IsIn([...ALERT_OUTCOMES])
  outcome!: AlertOutcome;

  @ApiProperty({ enum: OUTCOME_REASONS, description: 'Why the customer left or stayed.' })
  @IsIn([...OUTCOME_REASONS])
  reason!: OutcomeReason;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_SUMMARY,
    description: 'Required when reason is other.',
  })
  @IsOptional()
  @Text(MAX_SUMMARY)
  reasonText?: string;
}
