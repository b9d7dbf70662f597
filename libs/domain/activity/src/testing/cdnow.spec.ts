import { dayOfBankDate } from '@churn/domain-kernel';
import { cdnowActivityDays, parseCdnow } from './cdnow';

describe('the CDNOW sample parser', () => {
  const text = [
    ' 00004 0001 19970101  2   29.33',
    ' 00004 0001 19970118  2   29.73',
    '',
    ' 00021 0002 19970101  3   63.34',
    ' 00004 0001 19970118  1    0.50',
    '',
  ].join('\r\n');

  it('reads sample id, day, CDs and amount in cents from CRLF lines', () => {
    expect(parseCdnow(text)[0]).toEqual({
      customerId: '0001',
      day: dayOfBankDate('1997-01-01'),
      cds: 2,
      amountCents: 2933,
    });
    expect(parseCdnow(text).map((p) => p.amountCents)).toEqual([2933, 2973, 6334, 50]);
  });

  it('groups purchase days by customer', () => {
    expect(cdnowActivityDays(parseCdnow(text))).toEqual(
      new Map([
        [
          '0001',
          [dayOfBankDate('1997-01-01'), dayOfBankDate('1997-01-18'), dayOfBankDate('1997-01-18')],
        ],
        ['0002', [dayOfBankDate('1997-01-01')]],
      ]),
    );
  });

  it('refuses a malformed line, naming it', () => {
    expect(() => parseCdnow(' 00004 0001 1997-01-01  2   29.33\n')).toThrow(/line 1/);
  });
});
