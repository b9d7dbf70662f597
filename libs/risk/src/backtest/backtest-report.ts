import { SIGNAL_CODES } from '@churn/domain-risk';
import type { Alert } from './alert-log';
import { alertsPerRmWeek, evaluate, type Rules, type Scope, type Scores } from './evaluate';
import type { BranchLabels } from './labels-file';
import { daysText, markdownTable, rateText, ratioText } from './markdown-table';
import type { ActivityModelBaseline } from './activity-model-baseline';
import type { BacktestRun } from './replay-backtest';

const TIERS = ['ordinary', 'wealth-management', 'fortune', 'private-banking'] as const;
const HIGH_VALUE = new Set<string>(['fortune', 'private-banking']);

const row = (name: string, s: Scores, perRmWeek: number | null): string[] => [
  name,
  String(s.alerts),
  String(s.truePositives),
  String(s.late),
  ratioText(s.precision),
  ratioText(s.alerts === 0 ? null : (s.truePositives + s.late) / s.alerts),
  `${s.warned}/${s.judgedLost}`,
  ratioText(s.recall),
  ratioText(s.f1),
  daysText(s.medianWarningDays),
  rateText(perRmWeek),
];

const HEADER = [
  'alerts of',
  'judged',
  'true',
  'late',
  'precision',
  'right customer',
  'lost warned',
  'recall',
  'F1',
  'median warning days',
  'alerts/RM/week',
];

/** The per-signal and overall figures, the baseline's beside them, per tier and per journey. */
export const backtestReport = (run: BacktestRun, labels: BranchLabels, rules: Rules): string => {
  const perRm = (s: Scores) => alertsPerRmWeek(s, labels, rules, run.managers);
  const engine = evaluate(run.log.raised, labels, rules);
  const baseline = evaluate(run.baseline.alerts, labels, rules);
  const activity =
    run.activityModel === null ? null : evaluate(run.activityModel.alerts, labels, rules);
  const signalRows = SIGNAL_CODES.map((code) => {
    const s = evaluate(run.log.bySignal.get(code) ?? [], labels, rules);
    return row(`  ${code}`, s, perRm(s));
  });
  const overall = markdownTable(HEADER, [
    row('engine, all signals', engine, perRm(engine)),
    ...signalRows,
    row(
      `baseline: no customer-initiated activity for ${run.baseline.days} days`,
      baseline,
      perRm(baseline),
    ),
    ...(activity === null || run.activityModel === null
      ? []
      : [
          row(
            `modified BG/NBD per tier: P(alive) < ${run.activityModel.threshold}`,
            activity,
            perRm(activity),
          ),
        ]),
  ]);
  const scoped = (alerts: readonly Alert[], scope: Scope) => evaluate(alerts, labels, rules, scope);
  const split = (name: string, scope: Scope) => {
    const [e, b] = [scoped(run.log.raised, scope), scoped(run.baseline.alerts, scope)];
    return [
      name,
      ratioText(e.precision),
      `${e.warned}/${e.judgedLost}`,
      ratioText(e.recall),
      daysText(e.medianWarningDays),
      ratioText(b.precision),
      ratioText(b.recall),
      daysText(b.medianWarningDays),
    ];
  };
  const splitHeader = [
    '',
    'engine precision',
    'lost warned',
    'engine recall',
    'engine median warning',
    'baseline precision',
    'baseline recall',
    'baseline median warning',
  ];
  const tiers = markdownTable(splitHeader, [
    ...TIERS.map((t) =>
      split(`tier ${t}`, { alert: (a) => a.tier === t, lost: (l) => l.tierBefore === t }),
    ),
    split('fortune + private banking', {
      alert: (a) => HIGH_VALUE.has(a.tier),
      lost: (l) => HIGH_VALUE.has(l.tierBefore),
    }),
  ]);
  const journeys = [...new Set([...labels.lost.values()].map((l) => l.journey))].sort();
  const byJourney = markdownTable(
    splitHeader,
    journeys.map((j) =>
      split(`journey ${j}`, { alert: () => false, lost: (l) => l.journey === j }),
    ),
  );
  return [
    overall,
    '',
    "Per tier (precision by the tier of the alerted customer's value, recall by the tier before the loss):",
    '',
    tiers,
    '',
    'Per churn journey (recall only):',
    '',
    byJourney,
    '',
    employerLine(run, labels, rules),
    '',
    ...(run.activityModel === null ? [] : [activityModelLines(run.activityModel), '']),
    targets(
      engine,
      baseline,
      scoped(run.log.raised, { lost: (l) => HIGH_VALUE.has(l.tierBefore) }),
    ),
  ].join('\n');
};

const employerLine = (run: BacktestRun, labels: BranchLabels, rules: Rules): string => {
  const moved = [...labels.lost.values()].filter((l) => l.journey === 'employer-moved-payroll');
  const covered = moved.filter((l) =>
    run.log.employers.some(
      (e) =>
        e.employerId === l.employerId &&
        e.codes.includes('batch-missing') &&
        e.day >= l.lostOn - rules.horizonDays &&
        e.day < l.lostOn,
    ),
  );
  return `Employer alerts (EmployerPayrollAtRisk): ${run.log.employers.length}; lost customers of an employer that moved its payroll warned by a batch-missing employer alert: ${covered.length}/${moved.length}.`;
};

/** The per-tier fits, in the policy's `activityModel` form, so that they can be reproduced. */
const activityModelLines = (model: ActivityModelBaseline): string =>
  [
    'Modified BG/NBD fitted per tier at the calibration end (weeks; as `activityModel:` in millionths; a fit that did not converge is left out):',
    '',
    '```yaml',
    'activityModel:',
    ...[...model.fits.entries()]
      .sort(([a], [b]) => TIERS.indexOf(a) - TIERS.indexOf(b))
      .map(([tier, fit]) => {
        const p = fit.params;
        const m = (x: number) => (fit.converged ? Math.round(x * 1_000_000) : 0);
        return `  ${tier}: { rMillionths: ${m(p.r)}, alphaMillionths: ${m(p.alpha)}, aMillionths: ${m(p.a)}, bMillionths: ${m(p.b)} } # ${fit.customers} customers${fit.converged ? '' : ', did not converge'}`;
      }),
    '```',
  ].join('\n');

const check = (ok: boolean): string => (ok ? 'met' : '**not met**');

const targets = (engine: Scores, baseline: Scores, highValue: Scores): string => {
  const recall = highValue.recall ?? 0;
  const warning = highValue.medianWarningDays ?? 0;
  const precision = engine.precision ?? 0;
  const f1 = engine.f1 ?? 0;
  const baseF1 = baseline.f1 ?? 0;
  return [
    'Targets:',
    `- recall of fortune and private-banking losses >= 0.8: ${ratioText(highValue.recall)} (${highValue.warned}/${highValue.judgedLost}) ${check(recall >= 0.8)}`,
    `- their median warning >= 30 days before the loss: ${daysText(highValue.medianWarningDays)} ${check(warning >= 30)}`,
    `- precision >= 0.5: ${ratioText(engine.precision)} ${check(precision >= 0.5)}`,
    baseline.f1 === null
      ? `- F1 at least twice the baseline's: ${ratioText(engine.f1)} vs 0, the baseline warned no lost customer in time ${check(f1 > 0)} (trivially)`
      : `- F1 at least twice the baseline's: ${ratioText(engine.f1)} vs ${ratioText(baseline.f1)} ${check(f1 >= 2 * baseF1 && f1 > 0)}`,
  ].join('\n');
};
