import { ignoreUnknown, type DayNumber } from '@churn/domain-kernel';
import {
  bankDayOfInstant,
  HOME_CURRENCY,
  isCustomerInitiated,
  type BankFact,
  type FactOf,
} from '@churn/domain-facts';
import { isSurveyScore } from '@churn/domain-customer';
import {
  ACTIVITY_DAYS_KEPT,
  COMPLAINTS_KEPT,
  LEAVING_INTENTS_KEPT,
  OUTFLOW_DAYS_KEPT,
  OUTFLOWS_KEPT,
  PAYROLL_CREDITS_KEPT_FOR_RISK,
  PRODUCT_DAYS_KEPT,
  PRODUCT_EVENTS_KEPT,
  RELATIONSHIP_DAYS_KEPT,
  SURVEYS_KEPT,
  type RiskEvidence,
} from './risk-evidence';
import { leavingIntentOf } from './leaving-intent';

type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;
/** The fold's own writable view of the same objects; never exported. */
type EvidenceBook = Writable<RiskEvidence>;

/**
 * The evidence fold: `eventId` is the stored id of `fact`. Total (never throws), and like
 * `evolveCustomer` it updates `state` in place and returns it — a state belongs to one fold;
 * take `cloneEvidence` for a checkpoint. A fact is booked on its bank day, or on the latest day
 * already seen if it arrives late, exactly as the customer fold books it, so both agree on days.
 */
export const evolveEvidence = (
  state: RiskEvidence,
  eventId: string,
  fact: BankFact,
): RiskEvidence => {
  const e = state as EvidenceBook;
  const day = bookingDay(e, fact);
  if (day === undefined) return state;
  switch (fact.type) {
    case 'TransactionPosted':
      return noteTransaction(e, eventId, fact.data, day);
    case 'PayrollCredited':
      return notePayroll(e, eventId, fact.data, day);
    case 'ProductPurchased':
      return notePurchase(e, eventId, fact.data, day);
    case 'ProductRolledOver':
      return noteRollover(e, eventId, fact.data, day);
    case 'ProductMatured':
      return noteProductEnd(e, eventId, fact.data, day, 'matured');
    case 'ProductRedeemed':
      noteActivity(e, eventId, day);
      return noteProductEnd(e, eventId, fact.data, day, 'redeemed');
    case 'ComplaintFiled':
      return noteComplaint(e, eventId, fact.data, day);
    case 'SurveyAnswered':
      return noteSurvey(e, eventId, fact.data, day);
    case 'CustomerOnboarded':
    case 'CustomerProfileChanged':
    case 'RelationshipManagerAssigned':
    case 'AccountOpened':
    case 'AccountClosed':
      return state;
    case 'ContactLogged':
      return noteContact(e, eventId, fact.data, day);
    default:
      ignoreUnknown(fact);
      return state;
  }
};

/** The fact's bank day, or the latest day seen for a late fact; notes it on the state. */
const bookingDay = (e: EvidenceBook, fact: BankFact): DayNumber | undefined => {
  const factDay = bankDayOfInstant(fact.data.occurredAt);
  if (factDay === undefined) return undefined;
  const day = e.lastDay !== null && e.lastDay > factDay ? e.lastDay : factDay;
  e.customerId ??= fact.data.customerId;
  e.firstDay ??= day;
  e.lastDay = day;
  return day;
};

/** Drops entries older than `keepDays` before `day`, and the oldest beyond `keep`. */
const prune = <T extends { readonly day: DayNumber }>(
  list: T[],
  day: DayNumber,
  keepDays: number,
  keep: number,
): T | undefined => {
  let dropped: T | undefined;
  while (list.length > 0 && ((list[0]?.day ?? day) <= day - keepDays || list.length > keep))
    dropped = list.shift();
  return dropped;
};

const noteTransaction = (
  e: EvidenceBook,
  eventId: string,
  d: FactOf<'TransactionPosted'>['data'],
  day: DayNumber,
): EvidenceBook => {
  if (isCustomerInitiated(d.channel)) noteActivity(e, eventId, day);
  if (d.direction !== 'debit' || !d.otherBank || d.currency !== HOME_CURRENCY) return e;
  e.outflows.push({
    eventId,
    day,
    amountMinor: d.amountMinor,
    counterpartyBank: d.counterpartyBank,
  });
  const overflow = e.outflows.length > OUTFLOWS_KEPT ? e.outflows.shift() : undefined;
  if (overflow !== undefined) e.outflowsCompleteFrom = overflow.day + 1;
  prune(e.outflows, day, OUTFLOW_DAYS_KEPT, OUTFLOWS_KEPT);
  return e;
};

/** Salary in another currency is left out, as in AUM and employer retention. */
const notePayroll = (
  e: EvidenceBook,
  eventId: string,
  d: FactOf<'PayrollCredited'>['data'],
  day: DayNumber,
): EvidenceBook => {
  if (d.currency !== HOME_CURRENCY) return e;
  e.payrollCredits.push({ eventId, day, employerId: d.employerId, amountMinor: d.amountMinor });
  if (e.payrollCredits.length > PAYROLL_CREDITS_KEPT_FOR_RISK) e.payrollCredits.shift();
  return e;
};

/** A purchase is the customer's own act, as in the customer fold (`purchaseProduct`). */
const notePurchase = (
  e: EvidenceBook,
  eventId: string,
  d: FactOf<'ProductPurchased'>['data'],
  day: DayNumber,
): EvidenceBook => {
  noteActivity(e, eventId, day);
  const { holdingId, principalMinor } = d;
  e.reinvestments.push({ eventId, holdingId, day, principalMinor, how: 'purchased' });
  prune(e.reinvestments, day, PRODUCT_DAYS_KEPT, PRODUCT_EVENTS_KEPT);
  return e;
};

const noteRollover = (
  e: EvidenceBook,
  eventId: string,
  d: FactOf<'ProductRolledOver'>['data'],
  day: DayNumber,
): EvidenceBook => {
  const { holdingId, principalMinor } = d;
  e.reinvestments.push({ eventId, holdingId, day, principalMinor, how: 'rolled-over' });
  prune(e.reinvestments, day, PRODUCT_DAYS_KEPT, PRODUCT_EVENTS_KEPT);
  return e;
};

const noteProductEnd = (
  e: EvidenceBook,
  eventId: string,
  d: FactOf<'ProductMatured'>['data'] | FactOf<'ProductRedeemed'>['data'],
  day: DayNumber,
  how: 'matured' | 'redeemed',
): EvidenceBook => {
  e.productEnds.push({ eventId, holdingId: d.holdingId, day, proceedsMinor: d.proceedsMinor, how });
  prune(e.productEnds, day, PRODUCT_DAYS_KEPT, PRODUCT_EVENTS_KEPT);
  return e;
};

const noteComplaint = (
  e: EvidenceBook,
  eventId: string,
  d: FactOf<'ComplaintFiled'>['data'],
  day: DayNumber,
): EvidenceBook => {
  e.complaints.push({ eventId, day, severity: d.severity });
  prune(e.complaints, day, RELATIONSHIP_DAYS_KEPT, COMPLAINTS_KEPT);
  return e;
};

/** An answer off the 0..10 scale is impossible (ingestion refuses it) and ignored. */
const noteSurvey = (
  e: EvidenceBook,
  eventId: string,
  d: FactOf<'SurveyAnswered'>['data'],
  day: DayNumber,
): EvidenceBook => {
  if (!isSurveyScore(d.score)) return e;
  e.surveys.push({ eventId, day, score: d.score });
  prune(e.surveys, day, RELATIONSHIP_DAYS_KEPT, SURVEYS_KEPT);
  return e;
};

/** Only a note that states an intent to leave is kept (DOMAIN.md §4); routine contacts are not. */
const noteContact = (
  e: EvidenceBook,
  eventId: string,
  d: FactOf<'ContactLogged'>['data'],
  day: DayNumber,
): EvidenceBook => {
  const intent = leavingIntentOf(d.summary);
  if (intent === null) return e;
  e.leavingIntents.push({ eventId, day, intent });
  prune(e.leavingIntents, day, RELATIONSHIP_DAYS_KEPT, LEAVING_INTENTS_KEPT);
  return e;
};

/** Distinct active days, as the customer fold counts `repeatDays` (DOMAIN.md §9). */
const noteActivity = (e: EvidenceBook, eventId: string, day: DayNumber): void => {
  const activity = e.activity;
  activity.lastEventId = eventId;
  if (activity.lastDay === day) return;
  activity.firstDay ??= day;
  activity.lastDay = day;
  activity.activeDays += 1;
  const recent = activity.recentDays;
  recent.push(day);
  while ((recent[0] ?? day) <= day - ACTIVITY_DAYS_KEPT) recent.shift();
};
