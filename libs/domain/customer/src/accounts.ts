import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import {
  civilOfDay,
  HOME_CURRENCY,
  isCustomerInitiated,
  type AccountClosed,
  type AccountOpened,
  type PayrollCredited,
  type TransactionPosted,
} from '@churn/domain-facts';
import { recordAumClose } from './aum-history';
import type { CustomerBook } from './customer-book';
import { learnCadence, PAYROLL_CREDITS_KEPT } from './payroll-cadence';
import { tierOf } from './tier';

type AccountBook = CustomerBook['accounts'] extends Map<string, infer A> ? A : never;

/**
 * The account a posting names. Facts are never rejected (ARCHITECTURE.md principle 2): a posting
 * to an account whose AccountOpened was not seen (opened before the stream began, or the opening
 * arrives late) still moves money, on an entry of unknown kind, so balances match core banking.
 */
export const accountFor = (s: CustomerBook, accountId: string): AccountBook => {
  let account = s.accounts.get(accountId);
  if (account === undefined) {
    account = { accountId, kind: null, open: true, balanceMinor: 0, foreignBalances: null };
    s.accounts.set(accountId, account);
  }
  return account;
};

/** Tier and the day's close follow every change of AUM. */
export const revalue = (s: CustomerBook, day: DayNumber): void => {
  s.tier = tierOf(s.aumMinor);
  recordAumClose(s.aumHistory, day, s.aumMinor);
};

/** Moves `signedMinor` in `currency` on an account; only CNY above zero counts toward AUM. */
export const bookCash = (
  s: CustomerBook,
  account: AccountBook,
  currency: string,
  signedMinor: MinorUnits,
  day: DayNumber,
): void => {
  if (currency !== HOME_CURRENCY) {
    const foreign = (account.foreignBalances ??= new Map());
    foreign.set(currency, (foreign.get(currency) ?? 0) + signedMinor);
    return;
  }
  const before = account.balanceMinor;
  const after = before + signedMinor;
  account.balanceMinor = after;
  const change = (after > 0 ? after : 0) - (before > 0 ? before : 0);
  if (change === 0) return;
  s.aumMinor += change;
  revalue(s, day);
};

/** A customer act (DOMAIN.md §9: the recency baseline and BG/NBD count these). */
export const noteCustomerActivity = (s: CustomerBook, day: DayNumber): void => {
  const activity = s.activity;
  activity.count += 1;
  if (activity.lastDay === null) {
    activity.firstDay = day;
    activity.lastDay = day;
  } else if (day > activity.lastDay) {
    activity.repeatDays += 1;
    activity.lastDay = day;
  }
};

export const postTransaction = (
  s: CustomerBook,
  d: TransactionPosted['data'],
  day: DayNumber,
): CustomerBook => {
  const signed = d.direction === 'credit' ? d.amountMinor : -d.amountMinor;
  bookCash(s, accountFor(s, d.accountId), d.currency, signed, day);
  if (isCustomerInitiated(d.channel)) noteCustomerActivity(s, day);
  return s;
};

/** Payroll credits the account itself (it is never also a TransactionPosted) and teaches the cadence. */
export const creditPayroll = (
  s: CustomerBook,
  d: PayrollCredited['data'],
  day: DayNumber,
): CustomerBook => {
  bookCash(s, accountFor(s, d.accountId), d.currency, d.amountMinor, day);
  const { amountMinor, currency, batchId, payPeriod } = d;
  const credit = {
    day,
    dayOfMonth: civilOfDay(day).date,
    amountMinor,
    currency,
    batchId,
    payPeriod,
  };
  const series = s.payroll.get(d.employerId);
  const credits = series ? [...series.credits.slice(1 - PAYROLL_CREDITS_KEPT), credit] : [credit];
  s.payroll.set(d.employerId, {
    employerId: d.employerId,
    accountId: d.accountId,
    credits,
    cadence: learnCadence(credits),
  });
  s.lastPayrollDay = day;
  return s;
};

export const openAccount = (s: CustomerBook, d: AccountOpened['data']): CustomerBook => {
  const account = accountFor(s, d.accountId);
  account.kind = d.kind;
  account.open = true;
  return s;
};

/** Closing keeps any remaining balance on the books: money leaves only through a posting. */
export const closeAccount = (s: CustomerBook, d: AccountClosed['data']): CustomerBook => {
  const account = s.accounts.get(d.accountId);
  if (account !== undefined) account.open = false;
  return s;
};
