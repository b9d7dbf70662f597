import { yuan, type DayNumber, type MinorUnits } from '@churn/domain-kernel';
import { civilOfDay, type BankFact, type TransactionPosted } from '@churn/domain-facts';
import { fact } from './fact-builders';
import { instantOf } from './instants';
import { ProductShelf } from './product-shelf';
import type { Prng } from './prng';
import { relationshipFact, type RelationshipAct } from './relationship-acts';

export type Act =
  | 'payroll'
  | 'tide'
  | 'card'
  | 'repay'
  | 'atm'
  | 'interest'
  | 'fee'
  | 'sweep'
  | 'buy'
  | 'mature'
  | 'redeem'
  | RelationshipAct;

type Posting = Omit<TransactionPosted['data'], 'customerId' | 'transactionId' | 'occurredAt'>;
type Account = 'current' | 'savings' | 'card';

const OTHER_BANKS = ['ICBC', 'CCB', 'ABC', 'CMB', 'BOCOM'] as const;

/** Turns planned acts into facts, keeping balances so that amounts stay plausible. */
export class HistoryWriter {
  readonly facts: BankFact[] = [];
  readonly shelf: ProductShelf;
  private readonly balances: Record<Account, MinorUnits> = { current: 0, savings: 0, card: 0 };
  private readonly accounts: Record<Account, string>;
  private sequence = 0;

  constructor(
    private readonly rng: Prng,
    private readonly customerId: string,
    private readonly employerId: string,
    private readonly salary: MinorUnits,
  ) {
    this.accounts = {
      current: `${customerId}-cur`,
      savings: `${customerId}-sav`,
      card: `${customerId}-card`,
    };
    this.shelf = new ProductShelf(rng, customerId, this.accounts.savings, (f) =>
      this.facts.push(f),
    );
  }

  /** Onboarding, three accounts, an RM, and the savings the customer brings from another bank. */
  onboard(day: DayNumber): void {
    const { customerId, rng } = this;
    const occurredAt = instantOf(day, 600, 0, 'bank');
    this.facts.push(
      fact('CustomerOnboarded', {
        customerId,
        birthDate: `${rng.int(1955, 2000)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
        industryClass: rng.pick(['prime', 'ordinary'] as const),
        occupation: 'engineer',
        branchId: 'branch-x',
        teamId: 'team-1',
        acquisitionChannel: 'payroll',
        occurredAt,
      }),
      ...(['current', 'savings', 'card'] as const).map((kind) =>
        fact('AccountOpened', {
          customerId,
          accountId: this.accounts[kind],
          kind,
          currency: 'CNY',
          occurredAt,
        }),
      ),
      fact('RelationshipManagerAssigned', {
        customerId,
        rmId: 'rm-1',
        teamId: 'team-1',
        occurredAt,
      }),
    );
    const broughtIn = yuan(rng.int(0, 300_000));
    if (broughtIn > 0)
      this.post(day, 620, {
        ...this.book('savings', broughtIn),
        channel: 'counter',
        otherBank: true,
      });
  }

  act(act: Act, day: DayNumber, minute: number, holdingId?: string): void {
    const { rng, salary, balances } = this;
    const occurredAt = instantOf(day, minute, rng.int(0, 59), 'bank');
    const share = (from: number, to: number, per: number): MinorUnits =>
      Math.round((salary * rng.int(from, to)) / per);
    switch (act) {
      case 'payroll':
        return this.payroll(day, minute);
      case 'tide':
        return this.spend(day, minute, share(15, 35, 100), {
          channel: rng.pick(['mobile', 'online'] as const),
          otherBank: true,
        });
      case 'card':
        return this.post(day, minute, {
          ...this.book('card', -share(3, 15, 1_000)),
          channel: 'pos',
          category: 'card',
        });
      case 'atm':
        return this.spend(day, minute, yuan(rng.int(1, 10) * 100), {
          channel: 'atm',
          category: 'cash',
        });
      case 'fee':
        return this.spend(day, minute, yuan(rng.int(1, 20)), {
          channel: 'system',
          category: 'fee',
        });
      case 'interest':
        if (balances.savings < 1_000) return;
        return this.post(day, minute, {
          ...this.book('savings', Math.floor(balances.savings / 1_000)),
          channel: 'system',
          category: 'interest',
        });
      case 'repay':
        return this.move(day, minute, 'card', Math.min(-balances.card, balances.current));
      case 'sweep':
        return this.move(
          day,
          minute,
          'savings',
          balances.current > salary * 1.5 ? balances.current - salary : 0,
        );
      case 'buy':
        balances.savings -= this.shelf.buy(day, occurredAt, this.id('h'), balances.savings);
        return;
      case 'mature':
        balances.savings += this.shelf.mature(day, occurredAt, holdingId ?? '');
        return;
      case 'redeem':
        balances.savings += this.shelf.redeem(occurredAt);
        return;
      default:
        this.facts.push(relationshipFact(act, rng, this.customerId, this.id(act), occurredAt));
    }
  }

  /** Salary, with a December bonus of one to three months; payroll systems write UTC instants. */
  private payroll(day: DayNumber, minute: number): void {
    const { year, month } = civilOfDay(day);
    const bonus = month === 12 ? this.rng.int(1, 3) : 0;
    const amountMinor = Math.round((this.salary * this.rng.int(97, 103)) / 100) * (1 + bonus);
    const payPeriod = `${year}-${String(month).padStart(2, '0')}`;
    this.balances.current += amountMinor;
    this.facts.push(
      fact('PayrollCredited', {
        customerId: this.customerId,
        accountId: this.accounts.current,
        employerId: this.employerId,
        batchId: `${this.employerId}-${payPeriod}`,
        payPeriod,
        amountMinor,
        currency: 'CNY',
        occurredAt: instantOf(day, minute, 0, 'utc'),
      }),
    );
  }

  private id(prefix: string): string {
    return `${this.customerId}-${prefix}${++this.sequence}`;
  }

  /** Moves `signedMinor` on an account (positive is a credit) and describes the posting. */
  private book(account: Account, signedMinor: MinorUnits): Posting {
    this.balances[account] += signedMinor;
    return {
      accountId: this.accounts[account],
      direction: signedMinor >= 0 ? 'credit' : 'debit',
      amountMinor: Math.abs(signedMinor),
      currency: 'CNY',
      channel: 'mobile',
      counterpartyBank: null,
      otherBank: false,
      category: 'transfer',
    };
  }

  /** Spends from the current account, never more than it holds. */
  private spend(day: DayNumber, minute: number, wanted: MinorUnits, how: Partial<Posting>): void {
    const amount = Math.min(wanted, this.balances.current);
    if (amount <= 0) return;
    const counterpartyBank = how.otherBank ? this.rng.pick(OTHER_BANKS) : null;
    this.post(day, minute, { ...this.book('current', -amount), counterpartyBank, ...how });
  }

  /** A transfer from the current account to the customer's own savings or card. */
  private move(day: DayNumber, minute: number, to: 'savings' | 'card', amount: MinorUnits): void {
    if (amount <= 0) return;
    this.post(day, minute, this.book('current', -amount));
    this.post(day, minute, this.book(to, amount));
  }

  private post(day: DayNumber, minute: number, posting: Posting): void {
    const transactionId = `${this.customerId}-t${++this.sequence}`;
    const occurredAt = instantOf(day, minute, this.rng.int(0, 59), 'bank');
    this.facts.push(
      fact('TransactionPosted', {
        customerId: this.customerId,
        transactionId,
        ...posting,
        occurredAt,
      }),
    );
  }
}
