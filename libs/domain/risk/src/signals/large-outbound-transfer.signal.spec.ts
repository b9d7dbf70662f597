import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { CustomerStory, day, eachDay, monthDate } from '../testing/customer-story';
import { largeOutboundTransfer } from './large-outbound-transfer.signal';

/** 500,000 yuan since 2024-01; `monthly` yuan out on the 5th of each month; then `transfer`. */
const transferring = (monthly: number, transfer: readonly [date: string, yuan: number]) => {
  const story = new CustomerStory().onboard('2023-12-01');
  story.deposit('2024-01-02', 500_000);
  for (let m = 0; m < 6 && monthly > 0; m++) {
    story.deposit(monthDate('2024-01', m, 4), monthly);
    story.toOtherBank(monthDate('2024-01', m, 5), monthly);
  }
  story.toOtherBank(transfer[0], transfer[1], 'big-one', 'ICBC');
  return story.fold();
};

describe("a large transfer to another bank, relative to AUM and to the customer's usual transfers", () => {
  it.each([
    // [situation, fires, strength, usual monthly yuan, transfer, as of]
    [
      '300,000 of 500,000 yuan to ICBC three days ago',
      true,
      10_000,
      0,
      ['2024-07-10', 300_000],
      '2024-07-13',
    ],
    ['200,000 of 500,000 yuan (40%)', true, 6_667, 0, ['2024-07-10', 200_000], '2024-07-13'],
    [
      '100,000 of 500,000 yuan (20%): under 30% of AUM',
      false,
      0,
      0,
      ['2024-07-10', 100_000],
      '2024-07-13',
    ],
    [
      'the transfer was eight days ago: outside the 7-day window',
      false,
      0,
      0,
      ['2024-07-10', 300_000],
      '2024-07-17',
    ],
    [
      'a customer who sends 200,000 yuan every month sends 250,000',
      false,
      0,
      200_000,
      ['2024-07-10', 250_000],
      '2024-07-13',
    ],
    [
      'a customer who sends 100,000 yuan every month sends 300,000',
      true,
      10_000,
      100_000,
      ['2024-07-10', 300_000],
      '2024-07-13',
    ],
  ] as const)('%s: fires %s', (_situation, fires, strength, monthly, transfer, asOf) => {
    const { customer, evidence } = transferring(monthly, transfer);
    const signal = largeOutboundTransfer(customer, evidence, day(asOf), policy);
    expect(signal !== null).toBe(fires);
    if (signal) expect(signal.strengthBasisPoints).toBe(strength);
  });

  it('does not fire under the minimum amount, however large the share', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.deposit('2024-01-02', 60_000);
    story.toOtherBank('2024-07-10', 40_000);
    const { customer, evidence } = story.fold();
    expect(largeOutboundTransfer(customer, evidence, day('2024-07-11'), policy)).toBeNull();
  });

  it('names the transfer and explains it', () => {
    const { customer, evidence } = transferring(0, ['2024-07-10', 300_000]);
    expect(largeOutboundTransfer(customer, evidence, day('2024-07-13'), policy)).toEqual({
      code: 'large-outbound-transfer',
      strengthBasisPoints: 10_000,
      evidenceEventIds: ['big-one'],
      measures: [
        { name: 'transfer-share-of-aum', value: 6_000, threshold: 3_000, unit: 'basis-points' },
        { name: 'transfer-amount', value: 30_000_000, threshold: 5_000_000, unit: 'fen' },
      ],
      explanation:
        'Sent 300,000 yuan to ICBC on 2024-07-10: 60% of AUM of 500,000 yuan ' +
        '(threshold 30%; usual largest monthly transfer 0 yuan)',
    });
  });

  it("never fires on a salaried customer's monthly tide", () => {
    const story = new CustomerStory().onboard('2023-12-01');
    story.deposit('2023-12-01', 80_000);
    for (let m = 0; m < 12; m++) {
      story.salary(monthDate('2024-01', m, 10), 60_000);
      story.toOtherBank(monthDate('2024-01', m, 11), 55_000);
    }
    const fired: number[] = [];
    eachDay(story.stored, day('2024-01-01'), day('2024-12-31'), ({ customer, evidence }, d) => {
      if (largeOutboundTransfer(customer, evidence, d, policy)) fired.push(d);
    });
    // Only the first month's, before there is any pattern to compare with.
    expect(fired.every((d) => d <= day('2024-01-17'))).toBe(true);
  });
});
