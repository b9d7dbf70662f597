import type { BankFact } from '@churn/domain-facts';
import { at, fact } from '@churn/domain-customer/testing';
import { DEFAULT_REVIEW_SCHEDULE, isTelling } from './review-schedule';

const contact = (summary: string): BankFact =>
  fact('ContactLogged', {
    customerId: 'c1',
    contactId: 't1',
    staffId: 'RM-1',
    channel: 'phone',
    initiatedBy: 'customer',
    summary,
    occurredAt: at('2024-06-10'),
  });

const RATES_ELSEWHERE = '客户询问大额存单利率，表示他行利率更高，考虑转出。';
const telling = { ...DEFAULT_REVIEW_SCHEDULE, leavingIntentContacts: 1 };

describe('isTelling: a contact', () => {
  it('given the customer said another bank pays more, when the day closes, then the customer is assessed', () =>
    expect(isTelling(contact(RATES_ELSEWHERE), telling)).toBe(true));

  it('given the same note, when leavingIntentContacts is 0, then every contact is routine', () =>
    expect(isTelling(contact(RATES_ELSEWHERE), DEFAULT_REVIEW_SCHEDULE)).toBe(false));

  it('given a routine question, when the day closes, then it waits for the next review', () =>
    expect(isTelling(contact('咨询大额存单'), telling)).toBe(false));
});
