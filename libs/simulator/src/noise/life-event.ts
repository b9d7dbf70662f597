import type { DayNumber, MinorUnits } from '@churn/domain-kernel';

/**
 * Big movements of money that are not churn. The two look-alikes carry a label; the spring
 * campaign and one-off purchases are the branch's ordinary noise (Table 3.2, DOMAIN.md §7).
 */
export type LifeEvent =
  | {
      /** A down payment to a developer at another bank; salary and spending carry on. */
      readonly kind: 'house-purchase';
      readonly day: DayNumber;
      readonly monthIndex: number;
      readonly amountMinor: MinorUnits;
      /** The monthly instalment debited from the 20th of each later month. */
      readonly mortgageMinor: MinorUnits;
    }
  | {
      /** Money parked at the customer's own account in another bank, back within days. */
      readonly kind: 'own-account-round-trip';
      readonly day: DayNumber;
      readonly backDay: DayNumber;
      readonly monthIndex: number;
      readonly amountMinor: MinorUnits;
      readonly bank: string;
    }
  | {
      /** A car, a renovation, a wedding: one large local payment. */
      readonly kind: 'large-purchase';
      readonly day: DayNumber;
      readonly monthIndex: number;
      readonly amountMinor: MinorUnits;
    }
  | {
      /** Spring campaign (开门红) money: in during February–March, out again in April–May. */
      readonly kind: 'campaign';
      readonly inDay: DayNumber;
      readonly outDay: DayNumber;
      readonly inMonth: number;
      readonly outMonth: number;
      readonly amountMinor: MinorUnits;
      readonly bank: string;
    };

/**
 * What the event adds to the customer's month-end AUM target in month `m`: a purchase is paid
 * from money saved beforehand (the target after it is the customer's path), campaign money sits
 * at the bank between its arrival and departure months.
 */
export const eventExtra = (event: LifeEvent | null, m: number): MinorUnits => {
  if (event === null) return 0;
  switch (event.kind) {
    case 'house-purchase':
    case 'large-purchase':
      return m < event.monthIndex ? event.amountMinor : 0;
    case 'campaign':
      return m >= event.inMonth && m < event.outMonth ? event.amountMinor : 0;
    case 'own-account-round-trip':
      return 0;
  }
};
