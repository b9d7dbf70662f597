import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayOfBankDate } from '@churn/domain-kernel';
import { summariseCustomers, type ActivitySummary } from './activity-summary';
import {
  bgNbdConditionalExpectedRepeats,
  bgNbdExpectedRepeats,
  bgNbdLogLikelihood,
  bgNbdProbabilityOfRepeats,
} from './bgnbd';
import { fitBgNbd } from './fit-activity-model';
import { cdnowActivityDays, parseCdnow } from './testing';

// The CDNOW sample (lifetimes project, MIT: testing/fixtures/LICENSE.txt); CDNOW_SAMPLE overrides.
const CDNOW_SAMPLE =
  process.env['CDNOW_SAMPLE'] ?? join(__dirname, 'testing/fixtures/CDNOW_sample.txt');

// FHL 2005 (README in the data folder): weeks; calibration from each customer's first purchase
// through 1997-09-30 (purchases on that day included); T = days to 1997-09-30 / 7, so a
// 1997-01-01 customer has T = 38.86, as in the published x = 2, t_x = 30.43, T = 38.86 example.
const CALIBRATION_END = dayOfBankDate('1997-09-30');
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('the BG/NBD on the CDNOW sample (Fader, Hardie & Lee 2005)', () => {
  const purchases = parseCdnow(readFileSync(CDNOW_SAMPLE, 'utf8'));
  const customers: ActivitySummary[] = [
    ...summariseCustomers(cdnowActivityDays(purchases), CALIBRATION_END, 'week').values(),
  ];
  const started = performance.now();
  const fit = fitBgNbd(customers);
  const fitMs = performance.now() - started;

  it('summarises 2,357 customers with 2,457 repeat purchase days in calibration', () => {
    expect(purchases).toHaveLength(6919);
    expect(customers).toHaveLength(2357);
    expect(customers.reduce((sum, c) => sum + c.x, 0)).toBe(2457);
    expect(Math.max(...customers.map((c) => c.T))).toBeCloseTo(38.86, 2);
  });

  it('gives customer 0001 the published x = 2, t_x = 30.43, T = 38.86', () => {
    const days = cdnowActivityDays(purchases).get('0001') ?? [];
    const summary = summariseCustomers(new Map([['0001', days]]), CALIBRATION_END, 'week').get(
      '0001',
    );
    expect(summary?.x).toBe(2);
    expect(summary?.tx).toBeCloseTo(30.43, 2);
    expect(summary?.T).toBeCloseTo(38.86, 2);
  });

  it('fits r, α, a, b to the published estimates within ±0.005, in under 5 s', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.r - PUBLISHED.r)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.alpha - PUBLISHED.alpha)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.a - PUBLISHED.a)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.b - PUBLISHED.b)).toBeLessThanOrEqual(0.005);
    expect(fitMs).toBeLessThan(5000);
  });

  it('reaches the published log-likelihood −9582.4 (±0.5), no lower than at the published rounding', () => {
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.5);
    const atPublished = customers.reduce((sum, c) => sum + bgNbdLogLikelihood(PUBLISHED, c), 0);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atPublished);
  });

  it('expects 1.444 repeat purchases in 52 weeks from a new customer', () => {
    expect(Math.abs(bgNbdExpectedRepeats(fit.params, 52) - 1.444)).toBeLessThanOrEqual(0.002);
  });

  it('expects 1.226 purchases in the next 39 weeks from x = 2, t_x = 30.43, T = 38.86', () => {
    const customer = { x: 2, tx: 30.43, T: 38.86 };
    expect(
      Math.abs(bgNbdConditionalExpectedRepeats(fit.params, customer, 39) - 1.226),
    ).toBeLessThanOrEqual(0.002);
    expect(
      Math.abs(bgNbdConditionalExpectedRepeats(PUBLISHED, customer, 39) - 1.226),
    ).toBeLessThanOrEqual(0.002);
  });

  it('gives P(no purchase in 39 weeks) = 0.5737864 for a new customer at the published parameters', () => {
    expect(Math.abs(bgNbdProbabilityOfRepeats(PUBLISHED, 39, 0) - 0.5737864)).toBeLessThanOrEqual(
      1e-6,
    );
  });
});
