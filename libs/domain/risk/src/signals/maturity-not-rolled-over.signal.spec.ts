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

describe('maturity not rolled over: what policy 2026-11-3 adds', () => {
  const tuned = {
    ...policy,
    thresholds: {
      ...policy.thresholds,
      maturityNotRolledOver: {
        ...policy.thresholds.maturityNotRolledOver,
        idleMaxStrengthBasisPoints: 1_000,
        leftFullAtAumShareBasisPoints: 5_000,
      },
    },
    weights: { ...policy.weights, leavingIntent: { elsewhere: 10_000, 'not-renewing': 10_000 } },
  };

  it('given idle proceeds only, when the idle strength is capped at 1,000, then it speaks at 1,000', () => {
    const { customer, evidence } = maturing('nothing').fold();
    expect(
      maturityNotRolledOver(customer, evidence, day('2024-07-15'), tuned)?.strengthBasisPoints,
    ).toBe(1_000);
  });

  it('given 60,000 of 500,000 yuan left for another bank, when full strength needs half the AUM gone, then it speaks by the share that left', () => {
    const { customer, evidence } = maturing('half-to-cmb').fold();
    const signal = maturityNotRolledOver(customer, evidence, day('2024-07-15'), tuned);
    // Left: 60,000 of the 500,000 yuan before (1,200 bp), full at 5,000 bp → 2,400.
    expect(signal?.strengthBasisPoints).toBe(2_400);
  });

  /** 100,000 yuan, 80,000 of it in a time deposit maturing on 2024-07-05. */
  const announced = (note: string, noteOn = '2024-07-02'): CustomerStory => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.deposit('2024-01-02', 100_000);
    story.buy('2024-01-05', 'td-1', 80_000, '2024-07-05');
    story.contact(noteOn, note, 'bank');
    return story;
  };

  it('given the customer told the RM 3 days before maturity they will not renew, when assessed that day, then it fires before the product matures', () => {
    const story = announced('产品到期提醒，客户表示暂不续存。');
    const { customer, evidence } = story.fold();
    const signal = maturityNotRolledOver(customer, evidence, day('2024-07-02'), tuned);
    // 80,000 of 100,000 yuan matures: 8,000 bp of AUM, doubled and capped → full.
    expect(signal?.strengthBasisPoints).toBe(10_000);
    expect(signal?.evidenceEventIds).toEqual(['c1-4']);
    expect(signal?.measures).toContainEqual({
      name: 'days-to-maturity',
      value: 3,
      threshold: 30,
      unit: 'days',
    });
    expect(signal?.explanation).toContain('will not be renewed');
  });

  it('given a plain maturity reminder, when assessed, then nothing fires before maturity', () => {
    const { customer, evidence } = announced('产品到期提醒').fold();
    expect(maturityNotRolledOver(customer, evidence, day('2024-07-02'), tuned)).toBeNull();
  });

  it('given the note came 40 days before the maturity date, when notice is 30 days, then nothing fires', () => {
    const { customer, evidence } = announced(
      '产品到期提醒，客户表示暂不续存。',
      '2024-05-26',
    ).fold();
    expect(maturityNotRolledOver(customer, evidence, day('2024-05-27'), tuned)).toBeNull();
  });

  it('given DEFAULT_RISK_POLICY (intent weight 0), when told, then nothing fires', () => {
    const { customer, evidence } = announced('产品到期提醒，客户表示暂不续存。').fold();
    const signal = maturityNotRolledOver(customer, evidence, day('2024-07-02'), policy);
    expect(signal?.strengthBasisPoints ?? 0).toBe(0);
  });
});
