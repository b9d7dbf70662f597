import { ignoreUnknown, type DayNumber } from '@churn/domain-kernel';
import { bankDayOfInstant, type BankFact } from '@churn/domain-facts';
import { closeAccount, creditPayroll, openAccount, postTransaction } from './accounts';
import type { CustomerBook } from './customer-book';
import type { CustomerState } from './customer-state';
import { matureProduct, purchaseProduct, redeemProduct, rollOverProduct } from './holdings';
import {
  answerSurvey,
  assignRelationshipManager,
  changeProfile,
  fileComplaint,
  logContact,
  onboardCustomer,
} from './relationship';

/**
 * The customer fold. Total: never throws, ignores impossible transitions.
 *
 * It updates `state` in place and returns that same object: at 2,000,000 facts/s there is no
 * budget for a copy per fact. Replay stays deterministic (same facts, same state), but a state
 * belongs to one fold: do not share it, and take `cloneCustomer` for a snapshot.
 *
 * A fact is booked on its bank day (UTC+8), or on the latest day already seen if it arrives late,
 * so days never go backwards; a fact whose occurredAt cannot be read is ignored (ingestion refuses
 * those, so only a damaged store could hold one).
 */
export const evolveCustomer = (state: CustomerState, fact: BankFact): CustomerState => {
  const s = state as CustomerBook;
  const day = bookingDay(s, fact.data.occurredAt);
  if (day !== undefined && applyFact(s, fact, day) !== undefined) noteFact(s, fact, day);
  return state;
};

const bookingDay = (s: CustomerBook, occurredAt: string): DayNumber | undefined => {
  const factDay = bankDayOfInstant(occurredAt);
  return factDay !== undefined && s.lastDay !== null && s.lastDay > factDay ? s.lastDay : factDay;
};

const noteFact = (s: CustomerBook, fact: BankFact, day: DayNumber): void => {
  s.customerId ??= fact.data.customerId;
  s.factCount += 1;
  s.lastOccurredAt = fact.data.occurredAt;
  s.lastDay = day;
};

/** The evolve proper: one case per fact of the catalogue; undefined for a type it does not know. */
const applyFact = (s: CustomerBook, fact: BankFact, day: DayNumber): CustomerBook | undefined => {
  switch (fact.type) {
    case 'TransactionPosted':
      return postTransaction(s, fact.data, day);
    case 'PayrollCredited':
      return creditPayroll(s, fact.data, day);
    case 'AccountOpened':
      return openAccount(s, fact.data);
    case 'AccountClosed':
      return closeAccount(s, fact.data);
    case 'ProductPurchased':
      return purchaseProduct(s, fact.data, day);
    case 'ProductMatured':
      return matureProduct(s, fact.data, day);
    case 'ProductRolledOver':
      return rollOverProduct(s, fact.data, day);
    case 'ProductRedeemed':
      return redeemProduct(s, fact.data, day);
    case 'CustomerOnboarded':
      return onboardCustomer(s, fact.data, day);
    case 'CustomerProfileChanged':
      return changeProfile(s, fact.data);
    case 'RelationshipManagerAssigned':
      return assignRelationshipManager(s, fact.data, day);
    case 'ComplaintFiled':
      return fileComplaint(s, fact.data, day);
    case 'SurveyAnswered':
      return answerSurvey(s, fact.data, day);
    case 'ContactLogged':
      return logContact(s, fact.data, day);
    default:
      ignoreUnknown(fact);
      return undefined;
  }
};
