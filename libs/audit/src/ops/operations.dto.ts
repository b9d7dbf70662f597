import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_DEAD_LETTERS = 100;
export const DEFAULT_DEAD_LETTERS = 20;

export class IngestionOpsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DEAD_LETTERS, default: DEFAULT_DEAD_LETTERS })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DEAD_LETTERS)
  limit = DEFAULT_DEAD_LETTERS;

  @ApiPropertyOptional({ description: 'The `deadLetters.nextCursor` of the previous answer.' })
  @IsOptional()
  @IsString()
  @MaxLength(4_096)
  cursor?: string;
}
