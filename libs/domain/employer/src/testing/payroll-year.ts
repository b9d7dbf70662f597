import type { MinorUnits } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import { at, fact, mulberry32, payrollCredited, type Prng } from '@churn/domain-customer/testing';

/** A row of thesis Table 3.4: amounts in 10k CNY a year, retention in basis points. */
export interface PayrollYearRow {
  readonly employerId: string;
  readonly annualPayroll10k: number;
  readonly employees: number;
  readonly retentionBasisPoints: number;
}

const TEN_THOUSAND_YUAN: MinorUnits = 1_000_000;

/** `total` split into `parts` integer shares with seeded weights 1..3, summing exactly to `total`. */
const splitExactly = (total: MinorUnits, parts: number, rng: Prng): MinorUnits[] => {
  const weights = Array.from({ length: parts }, () => rng.int(100, 300));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / weightSum));
  shares[parts - 1] = (shares[parts - 1] ?? 0) + total - shares.reduce((a, b) => a + b, 0);
  return shares;
};

/** `annual` in twelve monthly instalments, the rounding left in December. */
const monthly = (annual: MinorUnits): MinorUnits[] => {
  const month = Math.floor(annual / 12);
  return Array.from({ length: 12 }, (_, i) => (i === 11 ? annual - month * 11 : month));
};

/**
 * One employer's year as the branch sees it: its payroll split across `employees` and twelve
 * monthly batches on the 10th, and their transfers to other banks on the 20th summing to
 * disbursed × (1 − retention), so a correct fold reproduces Table 3.4 to the fen.
 * Returned per month so that several employers merge in business-time order.
 */
export const payrollYear = (row: PayrollYearRow, year: number, seed: number): BankFact[][] => {
  const rng = mulberry32(seed);
  const disbursed = row.annualPayroll10k * TEN_THOUSAND_YUAN;
  const outflow = disbursed - (disbursed * row.retentionBasisPoints) / 10_000;
  const ids = Array.from({ length: row.employees }, (_, i) => `${row.employerId}-e${i}`);
  const pay = splitExactly(disbursed, row.employees, rng).map(monthly);
  const out = splitExactly(outflow, row.employees, rng).map(monthly);
  return Array.from({ length: 12 }, (_, m) => {
    const month = `${year}-${String(m + 1).padStart(2, '0')}`;
    const credits = ids.map((id, e) =>
      payrollCredited(id, row.employerId, pay[e]?.[m] ?? 0, at(`${month}-10`, '09:00:00')),
    );
    const debits = ids.flatMap((customerId, e) => {
      const amountMinor = out[e]?.[m] ?? 0;
      if (amountMinor <= 0) return [];
      return [
        fact('TransactionPosted', {
          customerId,
          accountId: `${customerId}-cur`,
          transactionId: `${customerId}-${month}`,
          direction: 'debit',
          amountMinor,
          currency: 'CNY',
          channel: 'mobile',
          counterpartyBank: 'CMB',
          otherBank: true,
          category: 'transfer',
          occurredAt: at(`${month}-20`, '20:00:00'),
        }),
      ];
    });
    return [...credits, ...debits];
  });
};
