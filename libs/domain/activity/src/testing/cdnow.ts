import { dayOfBankDate, type DayNumber } from '@churn/domain-kernel';

/** One line of `CDNOW_sample.txt` (FHL 2005's data set, from the `lifetimes` project). */
export interface CdnowPurchase {
  /** The sample id (second column), 1 … 2357. */
  readonly customerId: string;
  readonly day: DayNumber;
  readonly cds: number;
  readonly amountCents: number;
}

// master id, sample id, YYYYMMDD, number of CDs, amount in USD; whitespace separated.
const LINE = /^\s*(\d+)\s+(\d+)\s+(\d{4})(\d{2})(\d{2})\s+(\d+)\s+(\d+(?:\.\d*)?)\s*$/;

/** Parses the file's text (CRLF or LF); blank lines are skipped, anything else malformed throws. */
export const parseCdnow = (text: string): CdnowPurchase[] =>
  text.split(/\r?\n/).flatMap((line, index) => {
    if (line.trim() === '') return [];
    const [, , customerId, year, month, day, cds, amount] = LINE.exec(line) ?? [];
    if (customerId === undefined || amount === undefined) {
      throw new SyntaxError(
        `CDNOW line ${index + 1} is not "master sample YYYYMMDD cds amount": ${line}`,
      );
    }
    return [
      {
        customerId,
        day: dayOfBankDate(`${year}-${month}-${day}`),
        cds: Number(cds),
        amountCents: Math.round(Number(amount) * 100),
      },
    ];
  });

/** Purchase days per customer, in file order. */
export const cdnowActivityDays = (
  purchases: readonly CdnowPurchase[],
): Map<string, DayNumber[]> => {
  const byCustomer = new Map<string, DayNumber[]>();
  for (const { customerId, day } of purchases) {
    const days = byCustomer.get(customerId);
    if (days === undefined) byCustomer.set(customerId, [day]);
    else days.push(day);
  }
  return byCustomer;
};
