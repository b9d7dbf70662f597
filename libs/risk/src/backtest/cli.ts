import { parseArgs } from 'node:util';
import { bankDate } from '@churn/domain-kernel';
import { RiskEngine } from '../engine/risk-engine';
import { DEFAULT_RISK_POLICY_FILE, loadRiskPolicy } from '../policy/load-risk-policy';
import { backtestReport } from './backtest-report';
import { alertWindow, type Rules } from './evaluate';
import { feedFacts, type FeedCounts } from './feed-file';
import { labelsPathOf, readLabels } from './labels-file';
import { replayBacktest } from './replay-backtest';

const USAGE = `usage: npm run backtest -- --input <feed.ndjson> [--labels <feed.labels.json>]
  [--policy ${DEFAULT_RISK_POLICY_FILE}] [--baseline-days 60] [--horizon 90] [--warmup 180]
  [--model-calibration-days <warmup>]`;

/** The modified BG/NBD's alarm: P(alive) below one half, the model's own "more likely gone". */
const ACTIVITY_MODEL_P_ALIVE = 0.5;

const integer = (value: string | undefined, name: string, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new RangeError(`--${name} must be a whole number of days, not ${value}\n${USAGE}`);
  return Number(value);
};

/**
 * `npm run backtest -- --input tmp/branch.ndjson`: replays a labelled feed (the simulator's
 * NDJSON and its labels file) through the risk engine and prints, per signal and overall,
 * precision, recall, median days of warning and alerts per RM per week, beside the baseline.
 */
const main = async (): Promise<void> => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: Object.fromEntries(
      [
        'input',
        'labels',
        'policy',
        'baseline-days',
        'horizon',
        'warmup',
        'model-calibration-days',
      ].map((k) => [k, { type: 'string' as const }]),
    ),
  });
  const input = values['input'];
  if (typeof input !== 'string') throw new RangeError(USAGE);
  const policyFile = (values['policy'] as string | undefined) ?? DEFAULT_RISK_POLICY_FILE;
  const labelsFile = (values['labels'] as string | undefined) ?? labelsPathOf(input);
  const rules: Rules = {
    warmupDays: integer(values['warmup'] as string | undefined, 'warmup', 180),
    horizonDays: integer(values['horizon'] as string | undefined, 'horizon', 90),
  };
  const baselineDays = integer(values['baseline-days'] as string | undefined, 'baseline-days', 60);
  const calibrationDays = integer(
    values['model-calibration-days'] as string | undefined,
    'model-calibration-days',
    rules.warmupDays,
  );
  const loaded = loadRiskPolicy(policyFile);
  const labels = await readLabels(labelsFile);
  const counts: FeedCounts = { lines: 0, facts: 0, rejected: 0 };
  const started = performance.now();
  const run = await replayBacktest(new RiskEngine(loaded), feedFacts(input, counts), baselineDays, {
    calibrationEnd: labels.startDay + calibrationDays,
    threshold: ACTIVITY_MODEL_P_ALIVE,
  });
  const seconds = (performance.now() - started) / 1000;
  const [from, to] = alertWindow(labels, rules);
  console.log(
    [
      `Backtest of ${input} (${counts.lines} lines, ${counts.facts} facts, ${counts.rejected} rejected; ${run.customers} customers, ${run.managers} RMs)`,
      `policy ${loaded.policy.version} from ${policyFile}; feed ${bankDate(labels.startDay)}..${bankDate(labels.endDay)}; ${labels.lost.size} lost customers, ${labels.lookAlikes.size} look-alikes`,
      `replayed in ${seconds.toFixed(1)} s (engine ${run.engineSeconds.toFixed(1)} s, the rest decoding the feed as ingestion does)`,
      '',
      `Rules: alerts judged when raised ${bankDate(from)}..${bankDate(to)} (after a ${rules.warmupDays}-day warm-up, and ${rules.horizonDays} days before the end);`,
      `a true alert is raised for a lost customer within ${rules.horizonDays} days before lostOn (on or after lostOn: late, not true);`,
      'precision = true / judged; right customer = (true + late) / judged: the alert named a customer who did leave, but late;',
      `lost customers judged when lostOn is ${bankDate(from + rules.horizonDays)}..${bankDate(labels.endDay)}; one is warned when an alert raised before lostOn`,
      `was still open within the ${rules.horizonDays} days before it; warning days = lostOn − the day that alert was raised.`,
      'Engine alert = ChurnRiskRaised (open until ChurnRiskCleared); per signal = the first event of a risk episode naming the signal.',
      `Baseline alert = ${baselineDays} days without customer-initiated activity (open until the next act); alerts/RM/week over the ${run.managers} RMs.`,
      `Modified BG/NBD alert = P(alive) < ${ACTIVITY_MODEL_P_ALIVE} at a weekly review from ${bankDate(labels.startDay + calibrationDays)}, the model fitted per tier on the activity up to that day (open until the next act).`,
      '',
      backtestReport(run, labels, rules),
    ].join('\n'),
  );
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
