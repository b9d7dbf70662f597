import { dayOfBankDate, yuan, type DayNumber } from '@churn/domain-kernel';
import {
  bankDayOfInstant,
  type BankFact,
  type ComplaintSeverity,
  type TransactionChannel,
} from '@churn/domain-facts';
import { evolveCustomer, initialCustomer, type CustomerState } from '@churn/domain-customer';
import { at, fact, onboarded, payrollCredited, posted } from '@churn/domain-customer/testing';
import { evolveEvidence } from '../evidence/evolve-evidence';
import { initialEvidence, type RiskEvidence } from '../evidence/risk-evidence';

/** A stored fact: the event id the store gave it, and the fact. */
export type StoredFact = readonly [eventId: string, fact: BankFact];

export interface Folded {
  readonly customer: CustomerState;
  readonly evidence: RiskEvidence;
}

/** Folds stored facts into a fresh customer state and risk evidence, as the engine does. */
export const foldStored = (stored: readonly StoredFact[]): Folded => {
  const customer = initialCustomer();
  const evidence = initialEvidence();
  for (const [eventId, f] of stored) {
    evolveCustomer(customer, f);
    evolveEvidence(evidence, eventId, f);
  }
  return { customer, evidence };
};

/**
 * Folds `stored` (in business-time order) day by day and calls `visit` at the end of each bank
 * day from `fromDay` to `toDay`, with the states as they stood then: what the engine sees.
 */
export const eachDay = (
  stored: readonly StoredFact[],
  fromDay: DayNumber,
  toDay: DayNumber,
  visit: (folded: Folded, asOfDay: DayNumber) => void,
): void => {
  const folded = { customer: initialCustomer(), evidence: initialEvidence() };
  let next = 0;
  for (let asOfDay = fromDay; asOfDay <= toDay; asOfDay++) {
    for (let entry = stored[next]; entry !== undefined; entry = stored[next]) {
      if ((bankDayOfInstant(entry[1].data.occurredAt) ?? asOfDay) > asOfDay) break;
      evolveCustomer(folded.customer, entry[1]);
      evolveEvidence(folded.evidence, entry[0], entry[1]);
      next += 1;
    }
    visit(folded, asOfDay);
  }
};

export const day = (date: string): DayNumber => dayOfBankDate(date);

/** `YYYY-MM-DD` of the `date`-th of the month `months` after `yearMonth` (`YYYY-MM`). */
export const monthDate = (yearMonth: string, months: number, date: number): string => {
  const index = Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1 + months;
  const month = String((index % 12) + 1).padStart(2, '0');
  return `${Math.floor(index / 12)}-${month}-${String(date).padStart(2, '0')}`;
};

/**
 * A customer's history written in the bank's words, one fact per line of a test. Event ids are
 * `<customer>-<n>` unless given, so tests can name the evidence they expect.
 */
export class CustomerStory {
  readonly stored: StoredFact[] = [];
  private sequence = 0;

  constructor(readonly customerId = 'c1') {}

  private add(f: BankFact, id?: string): string {
    const eventId = id ?? `${this.customerId}-${++this.sequence}`;
    this.stored.push([eventId, f]);
    return eventId;
  }

  private get current(): string {
    return `${this.customerId}-cur`;
  }

  onboard(date: string): this {
    this.add(onboarded(this.customerId, at(date, '09:00:00')));
    return this;
  }

  /** Money brought in at the counter, not from another bank and not salary. */
  deposit(date: string, yuanAmount: number): this {
    this.add(
      posted(this.customerId, this.current, yuan(yuanAmount), at(date, '09:30:00'), {
        channel: 'batch',
      }),
    );
    return this;
  }

  salary(date: string, yuanAmount: number, employerId = 'E-A', id?: string): string {
    return this.add(
      payrollCredited(this.customerId, employerId, yuan(yuanAmount), at(date, '08:00:00')),
      id,
    );
  }

  toOtherBank(date: string, yuanAmount: number, id?: string, bank = 'CMB'): string {
    const f = posted(this.customerId, this.current, -yuan(yuanAmount), at(date, '20:00:00'), {
      otherBank: true,
      counterpartyBank: bank,
    });
    return this.add(f, id);
  }

  /** Money spent or withdrawn inside the bank (a counter withdrawal): it does not go to another bank. */
  withdraw(date: string, yuanAmount: number): string {
    return this.add(
      posted(this.customerId, this.current, -yuan(yuanAmount), at(date, '15:00:00'), {
        channel: 'counter',
      }),
    );
  }

  /** A small customer-initiated act (a card payment), the stuff of activity rates. */
  act(date: string, channel: TransactionChannel = 'pos'): string {
    return this.add(
      posted(this.customerId, this.current, -100, at(date, '12:00:00'), {
        channel,
        category: 'card',
      }),
    );
  }

  buy(date: string, holdingId: string, yuanAmount: number, maturesOn: string | null): string {
    return this.add(
      fact('ProductPurchased', {
        customerId: this.customerId,
        holdingId,
        productId: `p-${holdingId}`,
        productKind: maturesOn === null ? 'fund' : 'time-deposit',
        fundedFromAccountId: this.current,
        principalMinor: yuan(yuanAmount),
        currency: 'CNY',
        maturesOn,
        occurredAt: at(date, '10:00:00'),
      }),
    );
  }

  mature(date: string, holdingId: string, yuanAmount: number): string {
    const data = { customerId: this.customerId, holdingId, proceedsMinor: yuan(yuanAmount) };
    return this.add(
      fact('ProductMatured', {
        ...data,
        creditedToAccountId: this.current,
        occurredAt: at(date, '07:00:00'),
      }),
    );
  }

  redeem(date: string, holdingId: string, yuanAmount: number): string {
    const data = { customerId: this.customerId, holdingId, proceedsMinor: yuan(yuanAmount) };
    return this.add(
      fact('ProductRedeemed', {
        ...data,
        creditedToAccountId: this.current,
        occurredAt: at(date, '11:00:00'),
      }),
    );
  }

  rollOver(date: string, holdingId: string, yuanAmount: number, maturesOn: string): string {
    return this.add(
      fact('ProductRolledOver', {
        customerId: this.customerId,
        holdingId,
        principalMinor: yuan(yuanAmount),
        maturesOn,
        occurredAt: at(date, '07:00:00'),
      }),
    );
  }

  complain(date: string, severity: ComplaintSeverity): string {
    const complaintId = `k${this.sequence + 1}`;
    return this.add(
      fact('ComplaintFiled', {
        customerId: this.customerId,
        complaintId,
        category: 'efficiency',
        severity,
        occurredAt: at(date),
      }),
    );
  }

  answerSurvey(date: string, score: number): string {
    const surveyId = `s${this.sequence + 1}`;
    return this.add(
      fact('SurveyAnswered', {
        customerId: this.customerId,
        surveyId,
        score,
        occurredAt: at(date),
      }),
    );
  }

  /** A contact logged by the RM, with its note (CRM). */
  contact(date: string, summary: string, initiatedBy: 'bank' | 'customer' = 'customer'): string {
    const contactId = `t${this.sequence + 1}`;
    return this.add(
      fact('ContactLogged', {
        customerId: this.customerId,
        contactId,
        staffId: 'RM-1',
        channel: 'phone',
        initiatedBy,
        summary,
        occurredAt: at(date),
      }),
    );
  }

  fold(): Folded {
    return foldStored(this.stored);
  }
}
