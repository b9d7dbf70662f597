import {
  BANK_FACT_TYPES,
  SCHEMA_VERSIONS,
  TRANSACTION_CHANNELS,
  isBankFact,
  isCustomerInitiated,
  type BankFact,
} from './index';

describe('the fact catalogue', () => {
  it('lists the fourteen facts of DOMAIN.md, each at schema version 1', () => {
    expect(BANK_FACT_TYPES).toHaveLength(14);
    expect(new Set(BANK_FACT_TYPES).size).toBe(14);
    for (const type of BANK_FACT_TYPES) expect(SCHEMA_VERSIONS[type]).toBe(1);
  });

  it('recognises a known fact and refuses anything else', () => {
    const fact: BankFact = {
      type: 'SurveyAnswered',
      schemaVersion: 1,
      data: { customerId: 'c1', surveyId: 's1', score: 9, occurredAt: '2023-06-01T10:00:00+08:00' },
    };
    expect(isBankFact(fact)).toBe(true);
    expect(isBankFact({ ...fact, type: 'SurveyAnsweredEvent' })).toBe(false);
    expect(isBankFact({ type: 'SurveyAnswered' })).toBe(false);
    expect(isBankFact(null)).toBe(false);
    expect(isBankFact('SurveyAnswered')).toBe(false);
  });
});

describe('who initiated a transaction', () => {
  it.each(TRANSACTION_CHANNELS.map((channel) => [channel, !['batch', 'system'].includes(channel)]))(
    'channel %s is customer-initiated: %s',
    (channel, expected) => expect(isCustomerInitiated(channel)).toBe(expected),
  );
});
