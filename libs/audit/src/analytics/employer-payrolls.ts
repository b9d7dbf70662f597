import { bankDayOfInstant, type BankFact } from '@churn/domain-facts';
import { evolveEmployer, initialEmployer, type EmployerState } from '@churn/domain-employer';
import type { EmployerPayrollAtRisk } from '@churn/domain-risk';
import type { MinorUnits } from '@churn/domain-kernel';
import { addMonth, overlaps, type MonthRuns } from './month-runs';
import { monthIndexOf, monthOfDay, type MonthIndex } from './months';

/** One employer's payroll in one bank month. */
export interface PayrollMonth {
  disbursedMinor: MinorUnits;
  outflowMinor: MinorUnits;
  /** Employees paid in CNY this month. */
  headcount: number;
}

interface EmployerBook {
  /** The domain's employer fold over every fact, no window: who its employees are, its totals. */
  readonly state: EmployerState;
  seenDisbursedMinor: MinorUnits;
  seenOutflowMinor: MinorUnits;
  readonly months: Map<MonthIndex, PayrollMonth>;
  /** The months each employee was paid in (a credit the fold counted in a batch). */
  readonly paid: Map<string, MonthRuns>;
  /** The risk engine's `EmployerPayrollAtRisk` assessments: month and reason codes. */
  readonly atRisk: { readonly month: MonthIndex; readonly codes: readonly string[] }[];
}

/** What the employer's payroll did over a window of months. */
export interface EmployerWindow {
  readonly employerId: string;
  readonly headcount: number;
  readonly disbursedMinor: MinorUnits;
  readonly outflowMinor: MinorUnits;
  readonly months: readonly (PayrollMonth & { readonly month: MonthIndex })[];
  readonly atRisk: readonly { readonly month: MonthIndex; readonly codes: readonly string[] }[];
}

/**
 * Per-employer payroll retention (thesis Table 3.4), month by month. Each employer has the
 * domain's own fold (`evolveEmployer`, no window); what its totals gain with each fact is booked
 * on the bank month of the fact's day, as `recordEmployerRetention` of the risk domain does, but
 * for every month: the sum over a window of whole months is then exactly what the domain's fold
 * with that window counts. As in the risk engine's `EmployerWatch`, only employers that ever paid
 * a customer see that customer's facts: offering every fact to every fold gives the same states.
 */
export class EmployerPayrolls {
  private readonly employers = new Map<string, EmployerBook>();
  private readonly employersOf = new Map<string, string[]>();

  get size(): number {
    return this.employers.size;
  }

  fold(fact: BankFact): void {
    if (fact.type !== 'PayrollCredited' && fact.type !== 'TransactionPosted') return;
    const customerId = fact.data.customerId;
    let known = this.employersOf.get(customerId);
    if (fact.type === 'PayrollCredited' && !known?.includes(fact.data.employerId)) {
      known = [...(known ?? []), fact.data.employerId];
      this.employersOf.set(customerId, known);
    }
    if (known === undefined) return;
    const day = bankDayOfInstant(fact.data.occurredAt);
    if (day === undefined) return;
    const month = monthOfDay(day);
    for (const employerId of known) this.foldInto(this.bookOf(employerId), fact, month);
  }

  /** An event of an `employer-<id>` stream. */
  foldEmployerEvent(type: string, data: unknown): boolean {
    if (type !== 'EmployerPayrollAtRisk') return false;
    const d = data as EmployerPayrollAtRisk['data'];
    this.bookOf(d.employerId).atRisk.push({
      month: monthIndexOf(d.assessedOn),
      codes: d.reasons.map((r) => r.code),
    });
    return true;
  }

  employerIds(): string[] {
    return [...this.employers.keys()];
  }

  /** The employer's domain fold (no window), for checks against the domain. */
  stateOf(employerId: string): EmployerState | undefined {
    return this.employers.get(employerId)?.state;
  }

  window(employerId: string, from: MonthIndex, to: MonthIndex): EmployerWindow | undefined {
    const book = this.employers.get(employerId);
    if (book === undefined) return undefined;
    const months: (PayrollMonth & { month: MonthIndex })[] = [];
    let disbursedMinor = 0;
    let outflowMinor = 0;
    for (let month = from; month <= to; month++) {
      const m = book.months.get(month) ?? { disbursedMinor: 0, outflowMinor: 0, headcount: 0 };
      months.push({ month, ...m });
      disbursedMinor += m.disbursedMinor;
      outflowMinor += m.outflowMinor;
    }
    let headcount = 0;
    for (const runs of book.paid.values()) if (overlaps(runs, from, to)) headcount++;
    const atRisk = book.atRisk.filter((a) => a.month >= from && a.month <= to);
    return { employerId, headcount, disbursedMinor, outflowMinor, months, atRisk };
  }

  private foldInto(book: EmployerBook, fact: BankFact, month: MonthIndex): void {
    evolveEmployer(book.state, fact);
    const disbursed = book.state.disbursedMinor - book.seenDisbursedMinor;
    const outflow = book.state.outflowMinor - book.seenOutflowMinor;
    const paidHere =
      fact.type === 'PayrollCredited' &&
      fact.data.employerId === book.state.employerId &&
      book.state.batches.get(fact.data.batchId)?.employees.has(fact.data.customerId) === true;
    if (disbursed === 0 && outflow === 0 && !paidHere) return;
    book.seenDisbursedMinor = book.state.disbursedMinor;
    book.seenOutflowMinor = book.state.outflowMinor;
    let bucket = book.months.get(month);
    if (bucket === undefined) {
      bucket = { disbursedMinor: 0, outflowMinor: 0, headcount: 0 };
      book.months.set(month, bucket);
    }
    bucket.disbursedMinor += disbursed;
    bucket.outflowMinor += outflow;
    if (paidHere) {
      let runs = book.paid.get(fact.data.customerId);
      if (runs === undefined) book.paid.set(fact.data.customerId, (runs = []));
      if (addMonth(runs, month)) bucket.headcount++;
    }
  }

  private bookOf(employerId: string): EmployerBook {
    let book = this.employers.get(employerId);
    if (book === undefined) {
      book = {
        state: initialEmployer(employerId),
        seenDisbursedMinor: 0,
        seenOutflowMinor: 0,
        months: new Map(),
        paid: new Map(),
        atRisk: [],
      };
      this.employers.set(employerId, book);
    }
    return book;
  }
}
