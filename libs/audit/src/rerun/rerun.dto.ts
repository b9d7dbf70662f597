import { Text } from '@churn/alerting';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

export class RerunQuery {
  @ApiPropertyOptional({
    description:
      'The policy to re-run with: a version (2026-11-2) or a policy file name (risk-policy-2027-01-1.yaml). Default: the version recorded on the risk events.',
  })
  @IsOptional()
  @Text(200)
  policy?: string;

  @ApiPropertyOptional({
    description: 'Another policy (version or file name): what would it have recorded instead?',
  })
  @IsOptional()
  @Text(200)
  whatIf?: string;
}

export class RerunDoc {
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: Object, description: '{ version, file }' }) policy!: unknown;
  @ApiProperty({
    description: 'The re-derived risk events equal the recorded ones on every compared field.',
  })
  reproduced!: boolean;
  @ApiProperty({ type: [String] }) compared!: string[];
  @ApiProperty({ type: [Object] }) recorded!: unknown[];
  @ApiProperty({ type: [Object] }) rederived!: unknown[];
  @ApiProperty({
    type: [Object],
    description: '{ sequence, kind: changed|missing|extra, fields, recorded, rederived }',
  })
  differences!: unknown[];
  @ApiProperty({
    type: Object,
    description: 'What the re-run read: facts, clock ticks, log position.',
  })
  replay!: unknown;
  @ApiProperty({
    type: Object,
    description:
      "The branch context: the customer's employers and days with a whole batch missing.",
  })
  branchContext!: unknown;
  @ApiProperty({ type: [String] }) limitations!: string[];
  @ApiProperty({
    nullable: true,
    type: Object,
    description: '{ policy, events, differences, changed }',
  })
  whatIf!: unknown;
}
