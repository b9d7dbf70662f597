import type { MinorUnits } from '@churn/domain-kernel';
import type { BankFactType, FactOf, TransactionPosted } from '@churn/domain-facts';

/** A fact of the catalogue at schema version 1. */
export const fact = <T extends BankFactType>(type: T, data: FactOf<T>['data']): FactOf<T> =>
  ({ type, schemaVersion: 1, data }) as FactOf<T>;

/** A bank-local instant on a bank date: `at('2023-06-01')` is 10:00 in Beijing. */
export const at = (date: string, time = '10:00:00'): string => `${date}T${time}+08:00`;

export const onboarded = (
  customerId: string,
  occurredAt: string,
  profile: Partial<Omit<FactOf<'CustomerOnboarded'>['data'], 'customerId' | 'occurredAt'>> = {},
): FactOf<'CustomerOnboarded'> =>
  fact('CustomerOnboarded', {
    customerId,
    birthDate: '1985-06-15',
    industryClass: 'prime',
    occupation: 'engineer',
    branchId: 'branch-x',
    teamId: 'team-1',
    acquisitionChannel: 'payroll',
    occurredAt,
    ...profile,
  });

let transactionSequence = 0;

/** A posting to `accountId`; positive `signedMinor` is a credit, negative a debit. */
export const posted = (
  customerId: string,
  accountId: string,
  signedMinor: MinorUnits,
  occurredAt: string,
  details: Partial<
    Omit<
      TransactionPosted['data'],
      'customerId' | 'accountId' | 'direction' | 'amountMinor' | 'occurredAt'
    >
  > = {},
): TransactionPosted =>
  fact('TransactionPosted', {
    customerId,
    accountId,
    transactionId: `t${++transactionSequence}`,
    direction: signedMinor >= 0 ? 'credit' : 'debit',
    amountMinor: Math.abs(signedMinor),
    currency: 'CNY',
    channel: 'mobile',
    counterpartyBank: null,
    otherBank: false,
    category: 'transfer',
    occurredAt,
    ...details,
  });

export const payrollCredited = (
  customerId: string,
  employerId: string,
  amountMinor: MinorUnits,
  occurredAt: string,
  accountId = `${customerId}-cur`,
): FactOf<'PayrollCredited'> => {
  const payPeriod = occurredAt.slice(0, 7);
  return fact('PayrollCredited', {
    customerId,
    accountId,
    employerId,
    batchId: `${employerId}-${payPeriod}`,
    payPeriod,
    amountMinor,
    currency: 'CNY',
    occurredAt,
  });
};
