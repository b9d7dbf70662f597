import { bankDate, fold } from '@churn/domain-kernel';
import { spec } from '@churn/domain-kernel/testing';
import type { Assessment } from '../assessment/assess-customer';
import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { bandOf } from '../score/score';
import type { Signal, SignalCode } from '../signals/signal';
import { day } from '../testing/customer-story';
import { decideRisk, riskDecider } from './decide-risk';
import type { ChurnRiskEvent } from './risk-events';
import { evolveRisk, initialRisk } from './risk-state';

const signal = (code: SignalCode): Signal => ({
  code,
  strengthBasisPoints: 10_000,
  evidenceEventIds: [`${code}-evidence`],
  measures: [],
  explanation: code,
});

const value = { peakAumMinor: 0, tier: 'wealth-management', weightBasisPoints: 10_000 } as const;
const customer = {
  tier: 'wealth-management',
  aumMinor: 50_000_000,
  segment: 'A',
  relationshipManagerId: 'RM-001',
  teamId: 'T-WEALTH-1',
  branchId: 'BR-X',
} as const;

/** An assessment of customer c1 with `score` on `date`; bands 35/55/75, margin 10, dwell 7. */
const assessed = (
  score: number,
  date: string,
  codes: readonly SignalCode[] = ['payroll-stopped'],
): Assessment => ({
  customerId: 'c1',
  assessedOn: date,
  occurredAt: `${date}T23:59:59.999+08:00`,
  score,
  band: bandOf(score, policy.bands),
  signals: codes.map(signal),
  contributions: [],
  combinedBasisPoints: score * 100,
  value,
  customer,
  policyVersion: policy.version,
  bandPolicy: { bands: policy.bands, hysteresis: policy.hysteresis },
  moneyGone: false,
});

/** The events decided from a run of assessments, each folded before the next. */
const run = (assessments: readonly Assessment[]): ChurnRiskEvent[] => {
  let state = initialRisk();
  const events: ChurnRiskEvent[] = [];
  for (const assessment of assessments)
    for (const event of decideRisk(assessment, state)) {
      events.push(event);
      state = evolveRisk(state, event);
    }
  return events;
};

const raisedOn = (score: number, date: string): ChurnRiskEvent =>
  decideRisk(assessed(score, date), initialRisk())[0] as ChurnRiskEvent;

const after = (...events: ChurnRiskEvent[]) => spec(riskDecider).given(events);

describe('a customer with no open risk', () => {
  it('stays clear under the watch threshold', () =>
    spec(riskDecider).given([]).when(assessed(34, '2024-07-01')).thenNothing());

  it('is raised at the watch threshold, with the signals, the policy version and business time', () =>
    spec(riskDecider)
      .given([])
      .when(assessed(35, '2024-07-01'))
      .then([
        {
          type: 'ChurnRiskRaised',
          schemaVersion: 2,
          data: {
            customerId: 'c1',
            sequence: 1,
            score: 35,
            band: 'watch',
            signals: [signal('payroll-stopped')],
            policyVersion: '2026-11-1',
            assessedOn: '2024-07-01',
            occurredAt: '2024-07-01T23:59:59.999+08:00',
            customer,
            value,
          },
        },
      ]));

  it('is raised straight into the band its score reaches', () =>
    expect(decideRisk(assessed(80, '2024-07-01'), initialRisk())[0]?.data.band).toBe('critical'));

  it('given the money has already gone, when the score reaches critical, then no risk is raised', () =>
    spec(riskDecider)
      .given([])
      .when({ ...assessed(80, '2024-07-01'), moneyGone: true })
      .thenNothing());
});

describe('an open risk when the money goes', () => {
  it('given a raised risk, when the money has gone, then the risk runs on and the band still rises', () =>
    expect(
      decideRisk(
        { ...assessed(80, '2024-07-08'), moneyGone: true },
        evolveRisk(initialRisk(), raisedOn(40, '2024-07-01')),
      )[0]?.data.band,
    ).toBe('critical'));
});

describe('a raised risk', () => {
  const watch = raisedOn(40, '2024-07-01');

  it.each([
    ['moves up to warning at 55', 55, ['payroll-stopped'], 'warning', ['band-raised']],
    [
      'reports a signal it did not have',
      40,
      ['payroll-stopped', 'dissatisfaction'],
      'watch',
      ['signals-added'],
    ],
    [
      'starts easing below the clear level (watch − 10 = 25)',
      24,
      ['payroll-stopped'],
      'watch',
      ['easing-started'],
    ],
  ] as const)('%s', (_situation, score, codes, band, reasons) => {
    const [event] = decideRisk(
      assessed(score, '2024-07-02', codes),
      fold(evolveRisk, initialRisk(), [watch]),
    );
    expect(event?.type).toBe('ChurnRiskChanged');
    expect(event?.data).toMatchObject({
      band,
      reasons,
      previousBand: 'watch',
      previousScore: 40,
      sequence: 2,
    });
  });

  it.each([
    ['at 36', 36],
    ['at 30, below watch but above the clear level', 30],
    ['at 25, on the clear level', 25],
  ])('does nothing %s', (_situation, score) =>
    after(watch).when(assessed(score, '2024-07-02')).thenNothing(),
  );

  it('leaves warning only 10 points below it', () => {
    const events = run([
      assessed(60, '2024-07-01'),
      assessed(50, '2024-07-02'),
      assessed(44, '2024-07-03'),
    ]);
    expect(events.map((e) => [e.type, e.data.band])).toEqual([
      ['ChurnRiskRaised', 'warning'],
      ['ChurnRiskChanged', 'watch'],
    ]);
  });
});

describe('clearing, after the score has stayed below the clear level for the dwell', () => {
  it.each([
    [
      '6 days below: not yet',
      [24, 20, 20, 20, 20, 20, 20],
      ['ChurnRiskRaised', 'ChurnRiskChanged'],
    ],
    [
      '7 days below: cleared',
      [24, 20, 20, 20, 20, 20, 20, 20],
      ['ChurnRiskRaised', 'ChurnRiskChanged', 'ChurnRiskCleared'],
    ],
    [
      'back at watch on day 5: easing ends',
      [24, 20, 20, 20, 36, 20, 20, 20],
      ['ChurnRiskRaised', 'ChurnRiskChanged', 'ChurnRiskChanged', 'ChurnRiskChanged'],
    ],
    [
      'hovering at the clear level (25 ± 2) keeps easing, then clears',
      [23, 27, 23, 27, 23, 27, 23, 27, 23],
      ['ChurnRiskRaised', 'ChurnRiskChanged', 'ChurnRiskCleared'],
    ],
  ])('%s', (_situation, scores, types) => {
    const start = day('2024-07-01');
    const events = run([
      assessed(40, bankDate(start)),
      ...scores.map((s, i) => assessed(s, bankDate(start + 1 + i))),
    ]);
    expect(events.map((e) => e.type)).toEqual(types);
  });

  it('records when easing began, so that a restart keeps counting the dwell', () => {
    const events = run([assessed(40, '2024-07-01'), assessed(20, '2024-07-02')]);
    expect(events[1]?.data).toMatchObject({
      reasons: ['easing-started'],
      easingSince: '2024-07-02',
    });
    expect(fold(evolveRisk, initialRisk(), events)).toMatchObject({
      status: 'raised',
      easingSince: '2024-07-02',
    });
    after(...events)
      .when(assessed(20, '2024-07-09'))
      .then([
        {
          type: 'ChurnRiskCleared',
          schemaVersion: 2,
          data: {
            customerId: 'c1',
            sequence: 3,
            score: 20,
            band: 'none',
            previousScore: 20,
            previousBand: 'watch',
            easingSince: '2024-07-02',
            signals: [signal('payroll-stopped')],
            policyVersion: '2026-11-1',
            assessedOn: '2024-07-09',
            occurredAt: '2024-07-09T23:59:59.999+08:00',
            customer,
            value,
          },
        },
      ]);
  });

  it('clears at once with a dwell of 0', () => {
    const noDwell = {
      ...assessed(20, '2024-07-02'),
      bandPolicy: { bands: policy.bands, hysteresis: { clearMarginPoints: 10, minDwellDays: 0 } },
    };
    after(raisedOn(40, '2024-07-01'))
      .when(noDwell)
      .then([expect.objectContaining({ type: 'ChurnRiskCleared' })]);
  });
});

describe('a customer hovering at the watch threshold (35 ± 2) for 90 days', () => {
  it('is raised exactly once and never cleared or changed', () => {
    const start = day('2024-07-01');
    const scores = Array.from({ length: 90 }, (_, i) => (i % 2 === 0 ? 33 : 37));
    const events = run(scores.map((s, i) => assessed(s, bankDate(start + i))));
    expect(events.map((e) => e.type)).toEqual(['ChurnRiskRaised']);
  });

  it('likewise at the warning threshold (55 ± 2): one raise, one change up, nothing more', () => {
    const start = day('2024-07-01');
    const scores = Array.from({ length: 90 }, (_, i) => (i % 2 === 0 ? 53 : 57));
    const events = run(scores.map((s, i) => assessed(s, bankDate(start + i))));
    expect(events.map((e) => [e.type, e.data.band])).toEqual([
      ['ChurnRiskRaised', 'watch'],
      ['ChurnRiskChanged', 'warning'],
    ]);
  });
});
