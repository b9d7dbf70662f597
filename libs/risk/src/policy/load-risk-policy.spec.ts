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
  it("is the domain's default policy with the three keys tuned on the backtest, and the review schedule", () => {
    const tuned = {
      ...DEFAULT_RISK_POLICY,
      version: '2026-11-2',
      thresholds: {
        ...DEFAULT_RISK_POLICY.thresholds,
        payrollStopped: { ...DEFAULT_RISK_POLICY.thresholds.payrollStopped, toleranceDays: 3 },
        employer: { ...DEFAULT_RISK_POLICY.thresholds.employer, batchLateToleranceDays: 2 },
      },
      weights: {
        ...DEFAULT_RISK_POLICY.weights,
        signals: { ...DEFAULT_RISK_POLICY.weights.signals, dissatisfaction: 4_000 },
      },
    };
    expect(loadRiskPolicy(DEPLOYED)).toEqual({ policy: tuned, reviews: DEFAULT_REVIEW_SCHEDULE });
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
