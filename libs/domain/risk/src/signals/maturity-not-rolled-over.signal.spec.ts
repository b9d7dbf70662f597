import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { CustomerStory, day } from '../testing/customer-story';
import { maturityNotRolledOver } from './maturity-not-rolled-over.signal';

type Then = 'nothing' | 'rolled-over' | 'bought-again' | 'half-to-cmb' | 'small-top-up';

/**
 * 500,000 yuan, of which 100,000 in a time deposit bought on 2024-01-05 that matures on
 * 2024-07-05 paying 101,500 yuan; then what the customer did with the proceeds.
 */
const maturing = (then: Then): CustomerStory => {
  const story = new CustomerStory().onboard('2024-01-01');
  story.deposit('2024-01-02', 500_000);
  story.buy('2024-01-05', 'td-1', 100_000, '2024-07-05');
  story.mature('2024-07-05', 'td-1', 101_500);
  if (then === 'rolled-over') story.buy('2024-07-08', 'td-2', 101_500, '2025-01-08');
  if (then === 'bought-again') story.buy('2024-07-20', 'wm-1', 100_000, '2024-10-20');
  if (then === 'half-to-cmb') story.toOtherBank('2024-07-09', 60_000, 'to-cmb');
  if (then === 'small-top-up') story.buy('2024-07-08', 'td-3', 30_000, '2025-01-08');
  return story;
};

describe('a time deposit matured and not rolled over (到期未转存)', () => {
  it.each([
    // [situation, fires, strength, then, as of]
    [
      'nothing reinvested, 10 days after maturity: a fifth of AUM idle',
      true,
      2_030,
      'nothing',
      '2024-07-15',
    ],
    [
      'nothing reinvested, 3 days after: still within the 7-day grace',
      false,
      0,
      'nothing',
      '2024-07-08',
    ],
    [
      'the proceeds went into a new time deposit 3 days later',
      false,
      0,
      'rolled-over',
      '2024-07-15',
    ],
    [
      'bought a wealth product after the grace: rolled over late',
      false,
      0,
      'bought-again',
      '2024-07-25',
    ],
    ['only 30% reinvested', true, 1_430, 'small-top-up', '2024-07-15'],
    ['60,000 yuan of it went to another bank', true, 10_000, 'half-to-cmb', '2024-07-15'],
    [
      'the maturity was 100 days ago: past the 60 active days after the grace',
      false,
      0,
      'nothing',
      '2024-10-13',
    ],
  ] as const)('%s: fires %s', (_situation, fires, strength, then, asOf) => {
    const { customer, evidence } = maturing(then).fold();
    const signal = maturityNotRolledOver(customer, evidence, day(asOf), policy);
    expect(signal !== null).toBe(fires);
    if (signal) expect(signal.strengthBasisPoints).toBe(strength);
  });

  it('names the maturity and the transfer, and explains them', () => {
    const { customer, evidence } = maturing('half-to-cmb').fold();
    const signal = maturityNotRolledOver(customer, evidence, day('2024-07-15'), policy);
    expect(signal?.evidenceEventIds).toEqual(['c1-4', 'to-cmb']);
    expect(signal?.explanation).toBe(
      'The time-deposit td-1 matured on 2024-07-05, paying 101,500 yuan; 0% reinvested after ' +
        '10 days (threshold 80%); 59% sent to other banks since, beyond the usual',
    );
  });

  it('does not take the usual monthly tide for money leaving', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.deposit('2024-01-02', 900_000);
    story.buy('2024-01-05', 'td-1', 100_000, '2024-07-05');
    for (let m = 1; m <= 6; m++) story.toOtherBank(`2024-0${m}-08`, 60_000);
    story.mature('2024-07-05', 'td-1', 101_500);
    story.toOtherBank('2024-07-08', 60_000);
    const { customer, evidence } = story.fold();
    const signal = maturityNotRolledOver(customer, evidence, day('2024-07-15'), policy);
    expect(signal?.measures.find((m) => m.name === 'sent-to-other-banks-share')?.value).toBe(0);
    expect(signal?.strengthBasisPoints).toBeLessThan(5_000);
  });

  it('ignores proceeds under 10,000 yuan', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.deposit('2024-01-02', 50_000);
    story.buy('2024-01-05', 'td-1', 5_000, '2024-07-05');
    story.mature('2024-07-05', 'td-1', 5_050);
    const { customer, evidence } = story.fold();
    expect(maturityNotRolledOver(customer, evidence, day('2024-07-15'), policy)).toBeNull();
  });

  it.each([
    ['a time deposit broken before its maturity date', '2024-10-01', true],
    ['a fund sold (it has no maturity date)', null, false],
  ] as const)('counts %s: %s', (_situation, maturesOn, fires) => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.deposit('2024-01-02', 500_000);
    story.buy('2024-01-05', 'h-1', 200_000, maturesOn);
    story.redeem('2024-06-01', 'h-1', 199_000);
    const { customer, evidence } = story.fold();
    expect(maturityNotRolledOver(customer, evidence, day('2024-06-12'), policy) !== null).toBe(
      fires,
    );
  });
});
