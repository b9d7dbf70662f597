import { DEFAULT_RISK_POLICY } from './risk-policy';
import { RiskPolicyError, validateRiskPolicy } from './validate-risk-policy';

/** The default policy, as a file would hold it, with `value` at `path` (undefined deletes the key). */
const withKey = (path: string, value: unknown): unknown => {
  const policy = JSON.parse(JSON.stringify(DEFAULT_RISK_POLICY)) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node = policy;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return policy;
};

const errorOf = (candidate: unknown): RiskPolicyError | undefined => {
  try {
    validateRiskPolicy(candidate);
    return undefined;
  } catch (error) {
    return error as RiskPolicyError;
  }
};

describe('the default risk policy', () => {
  it('is valid, also as read back from a JSON file', () => {
    expect(validateRiskPolicy(JSON.parse(JSON.stringify(DEFAULT_RISK_POLICY)))).toEqual(
      DEFAULT_RISK_POLICY,
    );
    expect(DEFAULT_RISK_POLICY.version).toBe('2026-11-1');
  });

  it('comes back frozen, so no one changes a policy after start-up', () => {
    const policy = validateRiskPolicy(withKey('bands.watch', 30));
    expect(Object.isFrozen(policy.thresholds.payrollDrain)).toBe(true);
  });
});

describe('a bad policy stops start-up with a message naming the key', () => {
  it.each([
    [
      'thresholds.payrollDrain.shareBasisPoints',
      1.5,
      'thresholds.payrollDrain.shareBasisPoints must be an integer 0..10000, got 1.5',
    ],
    [
      'thresholds.payrollDrain.shareBasisPoints',
      12_000,
      'thresholds.payrollDrain.shareBasisPoints must be an integer 0..10000, got 12000',
    ],
    [
      'thresholds.payrollDrain.shareBasisPoints',
      '5000',
      'thresholds.payrollDrain.shareBasisPoints must be an integer 0..10000, got "5000"',
    ],
    [
      'thresholds.payrollStopped.toleranceDays',
      -1,
      'thresholds.payrollStopped.toleranceDays must be an integer 0..62, got -1',
    ],
    [
      'thresholds.payrollStopped.missesToBreak',
      0,
      'thresholds.payrollStopped.missesToBreak must be an integer 1..12, got 0',
    ],
    [
      'thresholds.aumDecline.minDeclineMinor',
      2 ** 53,
      'thresholds.aumDecline.minDeclineMinor must be an integer 0..9007199254740991, got 9007199254740992',
    ],
    [
      'thresholds.dissatisfaction.detractorMaxScore',
      10,
      'thresholds.dissatisfaction.detractorMaxScore must be an integer 0..9, got 10',
    ],
    [
      'windows.payrollDrainDays',
      undefined,
      'windows.payrollDrainDays must be an integer 1..20, got nothing',
    ],
    [
      'windows.dormancyRecentDays',
      365,
      'windows.dormancyRecentDays must be an integer 7..200, got 365',
    ],
    [
      'weights.signals.payroll-drain',
      null,
      'weights.signals.payroll-drain must be an integer 0..10000, got null',
    ],
    [
      'weights.valueByTier.private-banking',
      60_000,
      'weights.valueByTier.private-banking must be an integer 0..50000, got 60000',
    ],
    [
      'weights.complaintBySeverity',
      [1, 2, 3],
      'weights.complaintBySeverity must be an object, got [1,2,3]',
    ],
    ['bands.critical', 101, 'bands.critical must be an integer 0..100, got 101'],
    ['hysteresis.minDwellDays', 7.5, 'hysteresis.minDwellDays must be an integer 0..365, got 7.5'],
    [
      'version',
      'v1|x',
      "version must be a version name (letters, digits, '.', '_', '-'; at most 64), got \"v1|x\"",
    ],
    [
      'version',
      undefined,
      "version must be a version name (letters, digits, '.', '_', '-'; at most 64), got nothing",
    ],
    [
      'thresholds.payrollDrain.sharePercent',
      50,
      'thresholds.payrollDrain.sharePercent is not a risk policy key',
    ],
    ['weights.signals.no-contact', 1_000, 'weights.signals.no-contact is not a risk policy key'],
  ])('%s = %j', (path, value, message) => {
    const error = errorOf(withKey(path, value));
    expect(error).toBeInstanceOf(RiskPolicyError);
    expect(error?.code).toBe('RISK_POLICY_INVALID');
    expect(error?.keyPath).toBe(path);
    expect(error?.message).toBe(message);
  });

  it.each([
    [null, 'the risk policy must be an object, got null'],
    ['version: 1', 'the risk policy must be an object, got "version: 1"'],
  ])('refuses %j as a whole', (candidate, message) => {
    expect(errorOf(candidate)?.message).toBe(message);
  });
});

describe('rules between keys', () => {
  it.each([
    ['bands.warning', 'bands.warning', 30, 'bands.warning (30) must be above bands.watch (35)'],
    [
      'bands.critical',
      'bands.critical',
      55,
      'bands.critical (55) must be above bands.warning (55)',
    ],
    [
      'hysteresis.clearMarginPoints',
      'hysteresis.clearMarginPoints',
      35,
      'hysteresis.clearMarginPoints (35) must be below bands.watch (35), or a raised risk could never clear',
    ],
    [
      'windows.aumLongLookbackDays',
      'windows.aumLongLookbackDays',
      30,
      'windows.aumLongLookbackDays (30) must be above windows.aumShortLookbackDays (30)',
    ],
    [
      'windows.aumLongLookbackDays',
      'windows.aumLongLookbackDays',
      380,
      'windows.aumLongLookbackDays + windows.aumMeanDays must be at most 400 days (the AUM history kept)',
    ],
    [
      'windows.largeTransferBaselineDays',
      'windows.largeTransferBaselineDays',
      240,
      'windows.largeTransferDays + windows.largeTransferBaselineDays must be at most 240 days (the outflows kept)',
    ],
    [
      'windows.maturityActiveDays',
      'windows.maturityActiveDays',
      175,
      'windows.maturityGraceDays + windows.maturityActiveDays must be at most 180 days (the product events kept)',
    ],
    [
      'thresholds.payrollDrain.minBaselineCycles',
      'windows.payrollDrainBaselineCycles',
      2,
      'thresholds.payrollDrain.minBaselineCycles (3) must be at most windows.payrollDrainBaselineCycles (2)',
    ],
    [
      'thresholds.aumDecline.fullStrengthDeclineBasisPoints',
      'thresholds.aumDecline.fullStrengthDeclineBasisPoints',
      2_500,
      'thresholds.aumDecline.fullStrengthDeclineBasisPoints (2500) must be at least the decline thresholds',
    ],
    [
      'thresholds.employer.minBatches',
      'windows.employerTrailingBatches',
      2,
      'thresholds.employer.minBatches (3) must be at most windows.employerTrailingBatches (2)',
    ],
    [
      'thresholds.employer.minRetentionMonths',
      'thresholds.employer.minRetentionMonths',
      7,
      'thresholds.employer.minRetentionMonths (7) must be at most windows.employerTrailingMonths (6)',
    ],
  ])('blames %s when %s = %j', (blamed, path, value, message) => {
    const error = errorOf(withKey(path, value));
    expect([error?.keyPath, error?.message]).toEqual([blamed, message]);
  });
});
