import { ignoreUnknown, type DayNumber } from '@churn/domain-kernel';
import {
  bankDayOfInstant,
  HOME_CURRENCY,
  type BankFact,
  type PayrollCredited,
  type TransactionPosted,
} from '@churn/domain-facts';
import {
  PAYROLL_BATCHES_KEPT,
  type EmployerState,
  type Employee,
  type PayrollBatch,
} from './employer-state';

type Writable<T> = { -readonly [K in keyof T]: T[K] };
/** The fold's own, writable view of the state; never exported. */
type EmployerBook = Omit<Writable<EmployerState>, 'batches' | 'employees'> & {
  batches: Map<string, Omit<Writable<PayrollBatch>, 'employees'> & { employees: Set<string> }>;
  employees: Map<string, Writable<Employee>>;
};

const inWindow = (s: EmployerBook, day: DayNumber): boolean =>
  s.window === null || (day >= s.window.fromDay && day <= s.window.toDay);

/**
 * An employer's payroll and its asset retention (thesis Table 3.4), folded over the branch's
 * merged feed in business-time order: the employer's PayrollCredited facts teach who its employees
 * are, and their TransactionPosted debits to other banks are the money that leaves.
 * Like the customer fold it updates `state` in place and returns it; never throws.
 */
export const evolveEmployer = (state: EmployerState, fact: BankFact): EmployerState => {
  const s = state as EmployerBook;
  switch (fact.type) {
    case 'PayrollCredited':
      return fact.data.employerId === s.employerId
        ? creditPayroll(s, fact.data)
        : releaseEmployee(s, fact.data);
    case 'TransactionPosted':
      return postOutflow(s, fact.data);
    case 'CustomerOnboarded':
    case 'CustomerProfileChanged':
    case 'RelationshipManagerAssigned':
    case 'AccountOpened':
    case 'AccountClosed':
    case 'ProductPurchased':
    case 'ProductMatured':
    case 'ProductRolledOver':
    case 'ProductRedeemed':
    case 'ComplaintFiled':
    case 'SurveyAnswered':
    case 'ContactLogged':
      return state;
    default:
      ignoreUnknown(fact);
      return state;
  }
};

/** Salary in another currency is left out, as in customer AUM: retention is a CNY ratio. */
const creditPayroll = (s: EmployerBook, d: PayrollCredited['data']): EmployerBook => {
  const day = bankDayOfInstant(d.occurredAt);
  if (day === undefined) return s;
  const employee = s.employees.get(d.customerId);
  const counts = inWindow(s, day) && d.currency === HOME_CURRENCY;
  const amount = counts ? d.amountMinor : 0;
  if (employee === undefined) {
    s.employees.set(d.customerId, {
      customerId: d.customerId,
      firstPaidDay: day,
      lastPaidDay: day,
      current: true,
      disbursedMinor: amount,
      outflowMinor: 0,
    });
  } else {
    employee.lastPaidDay = day;
    employee.current = true;
    employee.disbursedMinor += amount;
  }
  s.disbursedMinor += amount;
  s.factCount += 1;
  if (counts) addToBatch(s, d, day);
  return s;
};

const addToBatch = (s: EmployerBook, d: PayrollCredited['data'], day: DayNumber): void => {
  let batch = s.batches.get(d.batchId);
  if (batch === undefined) {
    batch = {
      batchId: d.batchId,
      payPeriod: d.payPeriod,
      firstDay: day,
      headcount: 0,
      totalMinor: 0,
      employees: new Set(),
    };
    s.batches.set(d.batchId, batch);
    if (s.batches.size > PAYROLL_BATCHES_KEPT)
      s.batches.delete(s.batches.keys().next().value ?? '');
  }
  batch.employees.add(d.customerId);
  batch.headcount = batch.employees.size;
  batch.totalMinor += d.amountMinor;
};

/** Another employer now pays this employee: from here on their outflows are not ours. */
const releaseEmployee = (s: EmployerBook, d: PayrollCredited['data']): EmployerBook => {
  const employee = s.employees.get(d.customerId);
  if (employee !== undefined && employee.current) {
    employee.current = false;
    s.factCount += 1;
  }
  return s;
};

const postOutflow = (s: EmployerBook, d: TransactionPosted['data']): EmployerBook => {
  if (d.direction !== 'debit' || !d.otherBank || d.currency !== HOME_CURRENCY) return s;
  const employee = s.employees.get(d.customerId);
  if (employee === undefined || !employee.current) return s;
  const day = bankDayOfInstant(d.occurredAt);
  if (day === undefined || !inWindow(s, day)) return s;
  employee.outflowMinor += d.amountMinor;
  s.outflowMinor += d.amountMinor;
  s.factCount += 1;
  return s;
};
