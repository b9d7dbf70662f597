import type { PayrollCredited } from '@churn/domain-facts';
import { INBOUND_TOPIC_NAMES } from '../inbound/topics';
import type { FactMessage } from './fact-message';

/** The run-level fields every credit of one payroll batch shares. */
const RUN_FIELDS = ['employerId', 'batchId', 'payPeriod', 'currency', 'occurredAt'] as const;

/**
 * The `batch` form of `payroll.disbursements.v1` (CONTRACTS.md) for credits of one employer's
 * run: keyed by the employer id, the run's fields once, then one `{ customerId, accountId,
 * amountMinor }` per credit in the given order. Decoding it books the same facts, with the same
 * event ids, as the per-employee `credit` messages. Throws a RangeError for no credits or for
 * credits of different runs: that is a caller's bug, not a message to send. The contract takes at
 * most `maxBatchCredits` (10,000) credits a message; split larger runs before calling.
 */
export const payrollBatchMessage = (credits: readonly PayrollCredited[]): FactMessage => {
  const [first] = credits;
  if (first === undefined) throw new RangeError('a payroll batch needs at least one credit');
  const run = first.data;
  for (const credit of credits) {
    for (const field of RUN_FIELDS) {
      if (credit.data[field] !== run[field]) {
        throw new RangeError(
          `credit of ${credit.data.customerId} has ${field} ${credit.data[field]}, not the batch's ${run[field]}`,
        );
      }
    }
  }
  return {
    topic: INBOUND_TOPIC_NAMES.payrollDisbursements,
    key: run.employerId,
    value: {
      kind: 'batch',
      employerId: run.employerId,
      batchId: run.batchId,
      payPeriod: run.payPeriod,
      currency: run.currency,
      occurredAt: run.occurredAt,
      credits: credits.map(({ data }) => ({
        customerId: data.customerId,
        accountId: data.accountId,
        amountMinor: data.amountMinor,
      })),
    },
  };
};
