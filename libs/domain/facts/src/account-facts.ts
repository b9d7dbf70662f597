import type { DomainEvent, MinorUnits } from '@churn/domain-kernel';
import type {
  AccountKind,
  CustomerInitiatedChannel,
  TransactionCategory,
  TransactionChannel,
  TransactionDirection,
} from './vocabulary';

export type AccountOpened = DomainEvent<
  'AccountOpened',
  { customerId: string; accountId: string; kind: AccountKind; currency: string }
>;

export type AccountClosed = DomainEvent<'AccountClosed', { customerId: string; accountId: string }>;

/**
 * A core-banking posting. `amountMinor` is a positive integer in minor units of `currency`
 * (ISO-4217); `direction` gives the sign. `otherBank` marks money leaving to or arriving from
 * another bank: the second-half-of-month drain of the tide (DOMAIN.md §3).
 */
export type TransactionPosted = DomainEvent<
  'TransactionPosted',
  {
    customerId: string;
    accountId: string;
    transactionId: string;
    direction: TransactionDirection;
    amountMinor: MinorUnits;
    currency: string;
    channel: TransactionChannel;
    counterpartyBank: string | null;
    otherBank: boolean;
    category: TransactionCategory;
  }
>;

/**
 * Salary (代发薪) credited by an employer's payroll batch. It credits the account itself and is
 * never also sent as a TransactionPosted, so folds must book it as a credit.
 */
export type PayrollCredited = DomainEvent<
  'PayrollCredited',
  {
    customerId: string;
    accountId: string;
    employerId: string;
    batchId: string;
    /** The salary month, `YYYY-MM`. */
    payPeriod: string;
    amountMinor: MinorUnits;
    currency: string;
  }
>;

/**
 * Whether the customer acted (counter, ATM, mobile, online, POS), not a batch or system posting.
 * Written as comparisons, not a Set lookup: folds ask it for every transaction.
 */
export const isCustomerInitiated = (
  channel: TransactionChannel,
): channel is CustomerInitiatedChannel =>
  channel === 'mobile' ||
  channel === 'pos' ||
  channel === 'online' ||
  channel === 'atm' ||
  channel === 'counter';
