import { SCHEMA_VERSIONS, type PayrollCredited } from '@churn/domain-facts';
import { toMinorUnits, type AmountInput } from '../contracts/amount-rules';
import type { PayrollBatchMessage, PayrollCreditMessage } from '../contracts/payroll.contract';
import type { FactAppend, InboundEnvelope } from '../inbound/inbound-envelope';
import { reject, type Rejection } from '../inbound/rejection';
import { INBOUND_TOPIC_NAMES } from '../inbound/topics';
import { factAppend } from './fact-append';

interface Credit {
  readonly customerId: string;
  readonly accountId: string;
  readonly amountMinor: AmountInput;
}

type PayrollRun = Pick<
  PayrollCreditMessage,
  'employerId' | 'batchId' | 'payPeriod' | 'currency' | 'occurredAt'
>;

/**
 * One salary credit. Its id names (employer, batch, customer, account) and nothing about the
 * message, so the per-employee form and the batch form of the same credit share one event id.
 */
const payrollCredited = (
  run: PayrollRun,
  credit: Credit,
  envelope: InboundEnvelope,
): FactAppend => {
  const fact: PayrollCredited = {
    type: 'PayrollCredited',
    schemaVersion: SCHEMA_VERSIONS.PayrollCredited,
    data: {
      customerId: credit.customerId,
      accountId: credit.accountId,
      employerId: run.employerId,
      batchId: run.batchId,
      payPeriod: run.payPeriod,
      amountMinor: toMinorUnits(credit.amountMinor),
      currency: run.currency,
      occurredAt: run.occurredAt,
    },
  };
  const parts = [run.employerId, run.batchId, credit.customerId, credit.accountId];
  const correlationId = `${run.employerId}|${run.batchId}`;
  return factAppend(
    fact,
    {
      topic: INBOUND_TOPIC_NAMES.payrollDisbursements,
      what: 'payroll-credit',
      parts,
      correlationId,
    },
    envelope,
  );
};

export const payrollCredit = (
  m: PayrollCreditMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [payrollCredited(m, { ...m, customerId }, envelope)];

/**
 * Splits a batch into one fact per credit, in batch order. The same account credited twice in
 * one run would share an id and the second salary would vanish as a "redelivery", so such a
 * batch is refused whole for the employer to correct.
 */
export const payrollBatch = (
  m: PayrollBatchMessage,
  _employerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] | Rejection => {
  const ids = new Set<string>();
  const appends: FactAppend[] = [];
  for (const [index, credit] of m.credits.entries()) {
    const append = payrollCredited(m, credit, envelope);
    if (ids.has(append.event.id)) {
      const detail = `customer ${credit.customerId} account ${credit.accountId} is credited twice in batch ${m.batchId}`;
      return reject('duplicate-credit', detail, `credits[${index}]`);
    }
    ids.add(append.event.id);
    appends.push(append);
  }
  return appends;
};
