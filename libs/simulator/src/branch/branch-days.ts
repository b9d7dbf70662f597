import type { BankFact } from '@churn/domain-facts';
import { applyAct } from '../ledger/apply-act';
import { CustomerLedger } from '../ledger/customer-ledger';
import { FactWriter } from '../ledger/fact-writer';
import { openBook } from '../ledger/open-book';
import { ActList } from '../month/act';
import { monthContext, type MonthContext } from '../month/month-context';
import { planMonth } from '../month/plan-month';
import type { BranchPlan } from './plan-branch';

/** One bank day of the branch: its facts in time order. */
export interface BranchDay {
  readonly date: string;
  readonly facts: readonly BankFact[];
}

/**
 * Plans and writes every customer's month, one customer at a time (a visit per customer and
 * month: visits cost cache misses), into the writer's day buffers.
 */
const writeMonth = (
  ledgers: readonly CustomerLedger[],
  ctx: MonthContext,
  writer: FactWriter,
  acts: ActList,
): void => {
  for (let c = 0; c < ledgers.length; c++) {
    const ledger = ledgers[c] as CustomerLedger;
    planMonth(ledger, ctx, acts);
    for (let i = 0; i < acts.length; i++) {
      const a = acts.at(i);
      writer.toDay(Math.min(ctx.month.length - 1, Math.max(0, a.day)));
      applyAct(writer, ledger, a, ctx);
    }
  }
};

/**
 * The branch's facts, one bank day at a time, written a month at a time: a month's facts (about
 * 800,000 for the full branch) are all that is ever held beyond the customers' ledgers, and a
 * customer's acts never outlive their month.
 */
export function* branchDays(plan: BranchPlan): Generator<BranchDay> {
  const { calendar } = plan;
  const writer = new FactWriter();
  const acts = new ActList();
  const ledgers = plan.customers.map((customer) => new CustomerLedger(customer));
  for (let m = 0; m < calendar.months; m++) {
    const month = calendar.month(m);
    const ctx = monthContext(month, m === calendar.months - 1, plan.employers, plan.rms);
    writer.startMonth(month);
    if (m === 0) {
      writer.toDay(0);
      for (const ledger of ledgers) openBook(writer, ledger);
    }
    writeMonth(ledgers, ctx, writer, acts);
    for (let d = 0; d < month.length; d++)
      yield { date: month.dates[d] as string, facts: writer.drainDay(d) };
  }
}
