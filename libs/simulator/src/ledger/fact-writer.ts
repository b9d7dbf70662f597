import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import type { BankFact, TransactionCategory, TransactionChannel } from '@churn/domain-facts';
import { bankInstant, utcInstant } from '../calendar/bank-calendar';
import { DayBuffer } from '../branch/day-buffer';
import type { BranchMonth } from '../calendar/bank-calendar';
import type { CustomerLedger } from './customer-ledger';

export type Account = 'current' | 'savings';

/**
 * Writes a customer's facts for the day being simulated, each with its natural id, and keeps
 * the ledger's balances in step with what the facts say.
 */
export class FactWriter {
  /** `YYYY-MM-DDT` of the day being written. */
  private dateT = '';
  private dayIndex = 0;
  day: DayNumber = 0;
  second = 0;
  private month: BranchMonth | null = null;
  private datesT: readonly string[] = [];
  /** One buffer per day of the month: facts are written a customer at a time, read a day at a time. */
  private readonly buffers: DayBuffer[] = Array.from({ length: 31 }, () => new DayBuffer());

  startMonth(month: BranchMonth): void {
    this.month = month;
    this.datesT = month.dates.map((date) => `${date}T`);
  }

  /** Writes on day `d` (0-based) of the month from now on. */
  toDay(d: number): void {
    this.dayIndex = d;
    this.dateT = this.datesT[d] ?? '';
    this.day = (this.month?.firstDay ?? 0) + d;
  }

  /** Day `d`'s facts in time order; its buffer is empty afterwards. */
  drainDay(d: number): BankFact[] {
    return (this.buffers[d] as DayBuffer).drain();
  }

  instant(): string {
    return bankInstant(this.dateT, this.second);
  }

  emit(fact: BankFact): void {
    (this.buffers[this.dayIndex] as DayBuffer).push(fact, this.second);
  }

  /** A posting of `signed` fen (positive: credit) on one of the customer's accounts. */
  post(
    l: CustomerLedger,
    account: Account,
    signed: MinorUnits,
    channel: TransactionChannel,
    category: TransactionCategory,
    counterpartyBank: string | null,
  ): void {
    if (signed === 0) return;
    if (account === 'current') l.currentMinor += signed;
    else l.savingsMinor += signed;
    this.emit({
      type: 'TransactionPosted',
      schemaVersion: 1,
      data: {
        customerId: l.plan.customerId,
        accountId: account === 'current' ? l.plan.currentAccountId : l.plan.savingsAccountId,
        transactionId: l.nextTransactionId(),
        direction: signed > 0 ? 'credit' : 'debit',
        amountMinor: signed > 0 ? signed : -signed,
        currency: 'CNY',
        channel,
        counterpartyBank,
        otherBank: counterpartyBank !== null,
        category,
        occurredAt: this.instant(),
      },
    });
  }

  /** Between the customer's own two accounts: AUM does not move. */
  ownTransfer(l: CustomerLedger, from: Account, amount: MinorUnits): void {
    if (amount <= 0) return;
    this.post(l, from, -amount, 'mobile', 'transfer', null);
    this.post(l, from === 'current' ? 'savings' : 'current', amount, 'mobile', 'transfer', null);
  }

  /**
   * Takes up to `wanted` from the current account, topping it up from savings first, and posts
   * the debit; returns what was taken (never more than the accounts hold).
   */
  debit(
    l: CustomerLedger,
    wanted: MinorUnits,
    channel: TransactionChannel,
    category: TransactionCategory,
    counterpartyBank: string | null,
  ): MinorUnits {
    const amount = Math.min(wanted, Math.max(0, l.liquidMinor));
    if (amount <= 0) return 0;
    // Short on the current account: move the shortfall, or a month's spending, over from savings.
    if (l.currentMinor < amount)
      this.ownTransfer(
        l,
        'savings',
        Math.min(l.savingsMinor, Math.max(amount - l.currentMinor, l.plan.spendPerMonthMinor)),
      );
    this.post(l, 'current', -amount, channel, category, counterpartyBank);
    return amount;
  }

  /** Salary credited by the employer's batch, written in UTC as payroll systems do. */
  payroll(l: CustomerLedger, amount: MinorUnits, batchId: string, payPeriod: string): void {
    const employment = l.plan.employment;
    if (employment === null || amount <= 0) return;
    l.currentMinor += amount;
    this.emit({
      type: 'PayrollCredited',
      schemaVersion: 1,
      data: {
        customerId: l.plan.customerId,
        accountId: l.plan.currentAccountId,
        employerId: employment.employer.employerId,
        batchId,
        payPeriod,
        amountMinor: amount,
        currency: 'CNY',
        occurredAt: utcInstant(this.dateT, this.second),
      },
    });
  }
}
