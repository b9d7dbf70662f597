import type { Act } from '../month/act';
import type { MonthContext } from '../month/month-context';
import { addMonthsToDay } from '../calendar/add-months';
import type { CustomerLedger } from './customer-ledger';
import type { FactWriter } from './fact-writer';
import {
  raiseLiquid,
  termInterest,
  writeHoldingEnd,
  writePurchase,
  writeRollOver,
} from './product-writer';

const PENSION_FUND = 'Social Insurance Fund';
const APP_CHANNELS = ['mobile', 'online'] as const;
const INCOME_CHANNELS = ['online', 'mobile', 'counter'] as const;
const PURCHASE_CHANNELS = ['pos', 'counter'] as const;
const TERMS = [3, 6, 12, 24, 36];
const DEVELOPER_ESCROW = 'China Construction Bank (developer escrow)';

/** Money from elsewhere: the customer's other bank, or a pension for the over-sixties. */
const income = (w: FactWriter, l: CustomerLedger, amount: number): void => {
  const { plan, dice } = l;
  const pension = plan.age >= 60 && plan.employment === null;
  w.post(
    l,
    'current',
    amount,
    pension ? 'batch' : dice.pick(INCOME_CHANNELS),
    'transfer',
    pension ? PENSION_FUND : l.otherBank,
  );
};

/**
 * The month's settling transfer: whatever brings AUM to the month's target once the acts still
 * to come have happened. Income arrives from the customer's other bank (a pension from the
 * social insurance fund for the over-sixties); surplus leaves for the other bank or, for payroll
 * customers, goes on bills here — so that only their tide counts against Table 3.4's retention.
 */
const settle = (w: FactWriter, l: CustomerLedger, a: Act, ctx: MonthContext): void => {
  const gap = a.amount - (l.aumMinor + l.pendingReturnMinor) - a.extra;
  if (gap === 0 || (!ctx.isLast && Math.abs(gap) < 10_000)) return;
  const { plan, dice } = l;
  if (gap > 0) {
    income(w, l, gap);
  } else if (plan.employment !== null || dice.chance(0.4)) {
    w.debit(l, -gap, 'online', 'payment', null);
  } else {
    w.debit(l, -gap, dice.pick(APP_CHANNELS), 'transfer', l.otherBank);
  }
};

/** Keeps one and a half months of outgoings in the current account; the rest goes to savings. */
const sweep = (w: FactWriter, l: CustomerLedger): void => {
  const keep = 1.5 * (l.plan.spendPerMonthMinor + (l.plan.employment?.salaryMinor ?? 0));
  const surplus = l.currentMinor - keep;
  if (surplus >= 500_000) w.ownTransfer(l, 'current', Math.floor(surplus / 100_000) * 100_000);
};

/** Buys with the savings above the customer's liquid share, in thousands, from 10,000 yuan. */
const buy = (w: FactWriter, l: CustomerLedger): void => {
  const { dice } = l;
  const surplus = l.savingsMinor - (1 - l.plan.productShare) * l.aumMinor;
  const principal = Math.floor(surplus / 100_000) * 100_000;
  if (principal < 1_000_000) return;
  const kind = dice.weighted(
    ['time-deposit', 'wealth-product', 'fund', 'bond', 'insurance'] as const,
    [40, 30, 15, 10, 5],
  );
  const term =
    kind === 'fund' ? 0 : kind === 'insurance' ? 60 : kind === 'bond' ? 36 : dice.pick(TERMS);
  writePurchase(w, l, kind, principal, term, kind === 'fund' ? null : addMonthsToDay(w.day, term));
};

/** Money the customer no longer moves here once a churn journey's exit has taken it away. */
const ROUTINE_MONEY: ReadonlySet<Act['kind']> = new Set<Act['kind']>([
  'tide',
  'spend',
  'online',
  'mortgage',
  'cash',
  'gift',
  'interest',
  'sweep',
  'buy',
  'redeem-fund',
  'house',
  'large-purchase',
  'trip-out',
  'campaign-in',
  'campaign-out',
]);

/** Money acts; returns false for an act that is not about money. */
export const applyMoney = (
  w: FactWriter,
  l: CustomerLedger,
  a: Act,
  ctx: MonthContext,
): boolean => {
  const { dice } = l;
  switch (a.kind) {
    case 'salary':
      w.payroll(l, a.amount, a.ref ?? '', ctx.month.previousPeriod);
      return true;
    case 'flush':
      w.debit(l, a.amount, 'mobile', 'transfer', l.plan.journey?.exitBank ?? l.otherBank);
      return true;
    case 'income':
      income(w, l, a.amount);
      return true;
    case 'settle':
      settle(w, l, a, ctx);
      return true;
    case 'mature':
    case 'roll-over': {
      const holding = a.holding;
      if (holding === null || !l.holdings.includes(holding)) return true;
      if (a.kind === 'roll-over')
        writeRollOver(w, l, holding, addMonthsToDay(w.day, holding.termMonths));
      else
        writeHoldingEnd(
          w,
          l,
          holding,
          holding.principalMinor + termInterest(holding),
          'ProductMatured',
        );
      return true;
    }
    case 'trip-back':
      if (l.pendingReturnMinor > 0)
        w.post(l, 'savings', l.pendingReturnMinor, 'online', 'transfer', a.ref);
      l.pendingReturnMinor = 0;
      return true;
  }
  if (l.exited && ROUTINE_MONEY.has(a.kind)) return true;
  switch (a.kind) {
    case 'tide':
      w.debit(l, a.amount, dice.pick(APP_CHANNELS), 'transfer', l.otherBank);
      return true;
    case 'spend':
      w.debit(l, a.amount, 'pos', 'card', null);
      return true;
    case 'online':
    case 'mortgage':
      w.debit(l, a.amount, a.kind === 'online' ? 'online' : 'system', 'payment', null);
      return true;
    case 'cash':
      w.debit(l, a.amount, 'atm', 'cash', null);
      return true;
    case 'gift':
      w.debit(l, a.amount, 'mobile', 'transfer', null);
      return true;
    case 'interest':
      w.post(l, 'savings', a.amount, 'system', 'interest', null);
      return true;
    case 'sweep':
      sweep(w, l);
      return true;
    case 'buy':
      buy(w, l);
      return true;
    case 'redeem-fund':
      if (a.holding !== null) writeHoldingEnd(w, l, a.holding, a.amount, 'ProductRedeemed');
      return true;
    case 'house':
      raiseLiquid(w, l, a.amount);
      w.debit(l, a.amount, 'counter', 'payment', DEVELOPER_ESCROW);
      return true;
    case 'large-purchase':
      raiseLiquid(w, l, a.amount);
      w.debit(l, a.amount, dice.pick(PURCHASE_CHANNELS), 'payment', null);
      return true;
    case 'trip-out': {
      const amount = Math.min(a.amount, l.savingsMinor);
      w.post(l, 'savings', -amount, 'mobile', 'transfer', a.ref);
      l.pendingReturnMinor += amount;
      return true;
    }
    case 'campaign-in':
      w.post(l, 'savings', a.amount, 'counter', 'transfer', a.ref);
      return true;
    case 'campaign-out':
      // The campaign's money goes back where it came from, even if it sat in a product meanwhile.
      raiseLiquid(w, l, a.amount);
      w.debit(l, a.amount, 'online', 'transfer', a.ref);
      return true;
    default:
      return false;
  }
};
