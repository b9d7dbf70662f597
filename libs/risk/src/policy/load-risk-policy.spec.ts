import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RISK_POLICY } from '@churn/domain-risk';
import { parseDocument } from 'yaml';
import { DEFAULT_REVIEW_SCHEDULE } from '../engine/review-schedule';
import { loadRiskPolicy, parseRiskPolicy, RiskPolicyFileError } from './load-risk-policy';

const DEPLOYED = join(__dirname, '../../../../deploy/policy/risk-policy.yaml');

/** The deployed file with one key set (`path` split on dots), as YAML text. */
const withKey = (path: string, value: unknown): string => {
  const document = parseDocument(readFileSync(DEPLOYED, 'utf8'));
  document.setIn(path.split('.'), value);
  return document.toString();
};

const errorOf = (text: string): RiskPolicyFileError => {
  try {
    parseRiskPolicy(text, 'policy.yaml');
  } catch (error) {
    if (error instanceof RiskPolicyFileError) return error;
    throw error;
  }
  throw new Error('the policy was accepted');
};

describe('the deployed policy file', () => {
  it("is the domain's default policy with the keys tuned on the backtest (seed 11), and the review schedule", () => {
    const d = DEFAULT_RISK_POLICY;
    const tuned = {
      ...d,
      version: '2026-11-3',
      thresholds: {
        ...d.thresholds,
        payrollStopped: { ...d.thresholds.payrollStopped, toleranceDays: 3 },
        employer: { ...d.thresholds.employer, batchLateToleranceDays: 2 },
        aumDecline: { ...d.thresholds.aumDecline, minSentElsewhereBasisPoints: 5_000 },
        maturityNotRolledOver: {
          ...d.thresholds.maturityNotRolledOver,
          idleMaxStrengthBasisPoints: 5_000,
          leftFullAtAumShareBasisPoints: 5_000,
        },
        earlyWarning: { goneAtOrBelowPeakBasisPoints: 1_000 },
      },
      weights: {
        ...d.weights,
        signals: {
          ...d.weights.signals,
          dissatisfaction: 4_000,
          'large-outbound-transfer': 2_000,
          'maturity-not-rolled-over': 4_000,
          dormancy: 2_000,
        },
        detractor: 6_000,
        leavingIntent: { elsewhere: 10_000, 'not-renewing': 10_000 },
      },
    };
    expect(loadRiskPolicy(DEPLOYED)).toEqual({
      policy: tuned,
      reviews: { ...DEFAULT_REVIEW_SCHEDULE, leavingIntentContacts: 1 },
    });
  });
});

describe('a policy file with a bad key', () => {
  it.each([
    ['bands.watch', 0, 'bands.watch must be an integer 1..100, got 0'],
    [
      'thresholds.payrollDrain.shareBasisPoints',
      1.5,
      'thresholds.payrollDrain.shareBasisPoints must be an integer 0..10000, got 1.5',
    ],
    ['weights.signals.dormancy', 'high', 'weights.signals.dormancy must be an integer'],
    ['version', 'v|1', 'version must be a version name'],
    ['bands.warning', 30, 'bands.warning (30) must be above bands.watch (35)'],
    ['windows.tideDays', 10, 'windows.tideDays is not a risk policy key'],
    ['reviews.priorityEveryDays', 0, 'reviews.priorityEveryDays must be an integer 1..31, got 0'],
    ['reviews.weekly', true, 'reviews.weekly is not a review key'],
    [
      'reviews.leavingIntentContacts',
      2,
      'reviews.leavingIntentContacts must be an integer 0..1, got 2',
    ],
    [
      'weights.leavingIntent.elsewhere',
      10_001,
      'weights.leavingIntent.elsewhere must be an integer 0..10000, got 10001',
    ],
    ['weights.leavingIntent.someday', 1, 'weights.leavingIntent.someday is not a risk policy key'],
    [
      'thresholds.earlyWarning.goneAtOrBelowPeakBasisPoints',
      -1,
      'thresholds.earlyWarning.goneAtOrBelowPeakBasisPoints must be an integer 0..10000',
    ],
    [
      'thresholds.aumDecline.minSentElsewhereBasisPoints',
      0.5,
      'thresholds.aumDecline.minSentElsewhereBasisPoints must be an integer',
    ],
    [
      'thresholds.maturityNotRolledOver.idleMaxStrengthBasisPoints',
      20_000,
      'thresholds.maturityNotRolledOver.idleMaxStrengthBasisPoints must be an integer 0..10000',
    ],
    ['windows.leavingIntentDays', 0, 'windows.leavingIntentDays must be an integer 1..400'],
    ['weights.detractor', null, 'weights.detractor must be an integer'],
  ])('is refused naming %s', (key, value, message) => {
    const error = errorOf(withKey(key, value));
    expect(error.keyPath).toBe(key);
    expect(error.code).toBe('RISK_POLICY_INVALID');
    expect(error.message).toContain('risk policy policy.yaml: ');
    expect(error.message).toContain(message);
  });

  it('is refused naming the section when the review schedule is missing', () =>
    expect(errorOf('version: "1"').keyPath).toBe('reviews'));
});

describe('a policy file that is not a policy', () => {
  it.each([
    ['broken YAML', 'bands: [watch', 'not valid YAML'],
    ['a list', '- 1\n- 2', 'must be a mapping of policy keys'],
  ])('is refused: %s', (_situation, text, message) =>
    expect(errorOf(text).message).toContain(message),
  );

  it('is refused naming the file when it cannot be read', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'risk-policy-')), 'absent.yaml');
    expect(() => loadRiskPolicy(missing)).toThrow(`risk policy ${missing}: cannot be read`);
  });

  it('may be JSON, a subset of YAML', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'risk-policy-')), 'policy.json');
    const json = { ...DEFAULT_RISK_POLICY, version: 'json-1', reviews: DEFAULT_REVIEW_SCHEDULE };
    writeFileSync(file, JSON.stringify(json));
    expect(loadRiskPolicy(file).policy.version).toBe('json-1');
  });
});
