import { eventName, factEventId, INGESTION_NAMESPACE, URL_NAMESPACE } from './fact-event-id';
import { DNS_NAMESPACE, uuidV5 } from './uuid-v5';

describe('a name-based (v5) UUID', () => {
  it.each([
    [DNS_NAMESPACE, 'www.example.com', '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
    [DNS_NAMESPACE, 'python.org', '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
    [URL_NAMESPACE, 'urn:churn-early-warning:ingestion', INGESTION_NAMESPACE],
  ])('in namespace %s, of %j, is %s', (namespace, name, expected) => {
    expect(uuidV5(namespace, name)).toBe(expected);
  });

  it('is version 5 with the RFC 4122 variant, for any name', () => {
    const id = uuidV5(DNS_NAMESPACE, '客户 C-1001 💰');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(RangeError);
  });
});

describe('the name an event id is derived from', () => {
  it('joins topic, what and parts with bars', () => {
    expect(eventName('corebanking.transactions.v1', 'txn', ['T-1'])).toBe(
      'corebanking.transactions.v1|txn|T-1',
    );
  });

  it('escapes bars inside a part, so parts cannot run into each other', () => {
    const a = factEventId('payroll.disbursements.v1', 'payroll-credit', ['E|A', 'B', 'C', 'D']);
    const b = factEventId('payroll.disbursements.v1', 'payroll-credit', ['E', 'A|B', 'C', 'D']);
    expect(a).not.toBe(b);
    expect(eventName('t', 'w', ['E|A', '100%'])).toBe('t|w|E%7CA|100%25');
  });
});
