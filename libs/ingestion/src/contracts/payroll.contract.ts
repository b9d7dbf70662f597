import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { MinorAmount, type AmountInput } from './amount-rules';
import { Currency, Id, Instant, Period } from './field-rules';
import { Optional } from './optional';

/**
 * `payroll.disbursements.v1` (代发薪, DOMAIN.md §3), in two forms that book the same facts:
 *
 * - `credit`: one employee's salary, keyed by customer id like every other topic;
 * - `batch`: an employer's whole payroll run in one message, keyed by **employer id** (one
 *   message cannot carry thousands of customer keys). It is split into one PayrollCredited per
 *   credit, each in its own customer stream.
 *
 * Both forms derive an event id from (employerId, batchId, customerId, accountId), so a payroll
 * run delivered once as a batch and again per employee books each salary once.
 */
export const PAYROLL_KINDS = ['credit', 'batch'] as const;
export type PayrollKind = (typeof PAYROLL_KINDS)[number];

abstract class PayrollMessage {
  @IsIn([...PAYROLL_KINDS]) kind!: PayrollKind;
  @Id() employerId!: string;
  /** The employer's payroll run; unique per employer. */
  @Id() batchId!: string;
  /** The salary month `YYYY-MM`. */
  @Period() payPeriod!: string;
  @Currency() currency!: string;
  @Instant() occurredAt!: string;
}

export class PayrollCreditMessage extends PayrollMessage {
  /** May be left out when the Kafka key carries it; must equal the key when both are given. */
  @Optional() @Id() customerId?: string;
  @Id() accountId!: string;
  @MinorAmount(1) amountMinor!: AmountInput;
}

export class PayrollBatchCredit {
  @Id() customerId!: string;
  @Id() accountId!: string;
  @MinorAmount(1) amountMinor!: AmountInput;
}

export class PayrollBatchMessage extends PayrollMessage {
  /** In payroll order; the split keeps it. How many a batch may hold is a decode limit. */
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PayrollBatchCredit)
  credits!: PayrollBatchCredit[];
}
