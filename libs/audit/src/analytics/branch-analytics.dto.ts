import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MONTH_PATTERN } from './months';

const MONTH = { example: '2023-05', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } as const;
const monthMessage = '$property must be a bank month written YYYY-MM, such as 2023-05';

/** A window of whole bank months, both included. */
export class MonthWindowQuery {
  @ApiPropertyOptional({ ...MONTH, description: 'First month; default: 11 months before `to`.' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: monthMessage })
  from?: string;

  @ApiPropertyOptional({
    ...MONTH,
    description:
      'Last month; default: the latest month with facts (tiers, payroll) or the current month (alerts).',
  })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: monthMessage })
  to?: string;
}

export const MAX_EMPLOYERS = 1_000;
export const DEFAULT_EMPLOYERS = 100;

export class EmployerRetentionQuery extends MonthWindowQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_EMPLOYERS,
    default: DEFAULT_EMPLOYERS,
    description: 'The largest employers by salary paid in the window.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EMPLOYERS)
  limit = DEFAULT_EMPLOYERS;
}
