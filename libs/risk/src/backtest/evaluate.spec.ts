import type { Alert } from './alert-log';
import { evaluate } from './evaluate';
import type { BranchLabels } from './labels-file';

/** A feed of days 0..999; warm-up 100 days, horizon 90: alerts judged on 100..909. */
const labels: BranchLabels = {
  startDay: 0,
  endDay: 999,
  lost: new Map([
    [
      'lost-500',
      {
        customerId: 'lost-500',
        journey: 'gradual-drain',
        lostOn: 500,
        tierBefore: 'fortune',
        employerId: null,
      },
    ],
    [
      'lost-700',
      {
        customerId: 'lost-700',
        journey: 'maturity-exit',
        lostOn: 700,
        tierBefore: 'private-banking',
        employerId: null,
      },
    ],
    [
      'lost-150',
      {
        customerId: 'lost-150',
        journey: 'gradual-drain',
        lostOn: 150,
        tierBefore: 'fortune',
        employerId: null,
      },
    ],
  ]),
  lookAlikes: new Set(['house']),
};
const rules = { warmupDays: 100, horizonDays: 90 };

const alert = (customerId: string, day: number, until: number | null = null): Alert => ({
  customerId,
  day,
  tier: 'fortune',
  rmId: 'RM-1',
  until,
});

describe('alerts judged against the ground truth', () => {
  it.each([
    [
      'raised 40 days before the loss',
      [alert('lost-500', 460)],
      { truePositives: 1, late: 0, warned: 1, medianWarningDays: 40 },
    ],
    [
      'raised on the day of the loss: late',
      [alert('lost-500', 500)],
      { truePositives: 0, late: 1, warned: 0 },
    ],
    [
      'raised 120 days before, still open: warned, but not true',
      [alert('lost-500', 380)],
      { truePositives: 0, late: 0, warned: 1, medianWarningDays: 120 },
    ],
    [
      'raised 120 days before, cleared 100 days before: not warned',
      [alert('lost-500', 380, 400)],
      { truePositives: 0, warned: 0 },
    ],
    [
      'a look-alike: false',
      [alert('house', 460)],
      { alerts: 1, truePositives: 0, late: 0, warned: 0 },
    ],
    ['during the warm-up: not judged', [alert('house', 50)], { alerts: 0 }],
    ['in the last 90 days: not judged', [alert('house', 950)], { alerts: 0 }],
  ])('%s', (_situation, alerts, expected) => {
    expect(evaluate(alerts, labels, rules)).toMatchObject(expected);
  });

  it('judges only losses whose whole warning window follows the warm-up', () =>
    expect(evaluate([], labels, rules).judgedLost).toBe(2));

  it('gives precision, recall and F1 from the counts', () => {
    const scores = evaluate(
      [alert('lost-500', 460), alert('house', 460), alert('lost-700', 690)],
      labels,
      rules,
    );
    expect(scores).toMatchObject({
      alerts: 3,
      truePositives: 2,
      warned: 2,
      judgedLost: 2,
      recall: 1,
    });
    expect(scores.precision).toBeCloseTo(2 / 3);
    expect(scores.f1).toBeCloseTo(0.8);
    expect(scores.medianWarningDays).toBe(25);
  });

  it('scopes recall to a tier by the tier before the loss', () =>
    expect(
      evaluate([alert('lost-500', 460)], labels, rules, {
        lost: (l) => l.tierBefore === 'private-banking',
      }),
    ).toMatchObject({ judgedLost: 1, warned: 0, recall: 0 }));
});
