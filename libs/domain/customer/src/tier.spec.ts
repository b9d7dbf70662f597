import { isBasicCustomer, ordinaryBandOf, tierOf } from './tier';

describe('the tier of an AUM (thesis §3.2.1: 20万, 100万, 600万 yuan)', () => {
  it.each([
    [0, 'ordinary'],
    [19_999_999, 'ordinary'],
    [20_000_000, 'wealth-management'],
    [20_000_001, 'wealth-management'],
    [99_999_999, 'wealth-management'],
    [100_000_000, 'fortune'],
    [100_000_001, 'fortune'],
    [599_999_999, 'fortune'],
    [600_000_000, 'private-banking'],
    [600_000_001, 'private-banking'],
    [Number.MAX_SAFE_INTEGER, 'private-banking'],
  ])('%d fen is %s', (aum, tier) => expect(tierOf(aum)).toBe(tier));
});

describe('the band of an ordinary customer', () => {
  it.each([
    [0, 'zero'],
    [1, 'under-100'],
    [9_999, 'under-100'],
    [10_000, '100-to-1k'],
    [99_999, '100-to-1k'],
    [100_000, '1k-to-10k'],
    [999_999, '1k-to-10k'],
    [1_000_000, '10k-to-50k'],
    [4_999_999, '10k-to-50k'],
    [5_000_000, '50k-to-200k'],
    [19_999_999, '50k-to-200k'],
    [20_000_000, null],
  ])('%d fen is in band %s', (aum, band) => expect(ordinaryBandOf(aum)).toBe(band));

  it.each([
    [99_999, false],
    [100_000, true],
    [19_999_999, true],
    [20_000_000, false],
  ])('%d fen is a basic customer (1k–200k): %s', (aum, basic) =>
    expect(isBasicCustomer(aum)).toBe(basic),
  );
});
