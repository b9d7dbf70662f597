import { DomainError } from '@churn/domain-kernel';
import { AUM_HISTORY_DAYS } from '@churn/domain-customer';
import { OUTFLOW_DAYS_KEPT, PRODUCT_DAYS_KEPT } from '../evidence/risk-evidence';
import { RISK_POLICY_SCHEMA, type IntegerRule, type VersionRule } from './policy-schema';
import type { RiskPolicy } from './risk-policy';

/** A policy that cannot be used; the message names the exact key path (e.g. `bands.watch`). */
export class RiskPolicyError extends DomainError {
  readonly code = 'RISK_POLICY_INVALID';
  constructor(
    readonly keyPath: string,
    message: string,
  ) {
    super(message);
  }
}

const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

type Rule = IntegerRule | VersionRule | { readonly [key: string]: Rule };

const isLeaf = (rule: Rule): rule is IntegerRule | VersionRule => typeof rule.rule === 'string';

const checkLeaf = (rule: IntegerRule | VersionRule, value: unknown, path: string): void => {
  if (rule.rule === 'integer') {
    const { min, max } = rule;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new RiskPolicyError(
        path,
        `${path} must be an integer ${min}..${max}, got ${describe(value)}`,
      );
  } else if (typeof value !== 'string' || !VERSION_NAME.test(value)) {
    const expected = "a version name (letters, digits, '.', '_', '-'; at most 64)";
    throw new RiskPolicyError(path, `${path} must be ${expected}, got ${describe(value)}`);
  }
};

/** Checks `value` against `rule` and throws at the first key that breaks it. */
const check = (rule: Rule, value: unknown, path: string): void => {
  if (isLeaf(rule)) return checkLeaf(rule, value, path);
  if (!isRecord(value)) {
    const what = path === '' ? 'the risk policy' : path;
    throw new RiskPolicyError(path, `${what} must be an object, got ${describe(value)}`);
  }
  for (const [key, child] of Object.entries(rule)) check(child as Rule, value[key], at(path, key));
  for (const key of Object.keys(value))
    if (!(key in rule))
      throw new RiskPolicyError(at(path, key), `${at(path, key)} is not a risk policy key`);
};

interface CrossRule {
  /** The key blamed when the rule does not hold. */
  readonly key: string;
  readonly holds: (p: RiskPolicy) => boolean;
  readonly message: (p: RiskPolicy) => string;
}

/** Rules between keys, checked once every key is in range. */
const CROSS_RULES: readonly CrossRule[] = [
  {
    key: 'bands.warning',
    holds: ({ bands: b }) => b.warning > b.watch,
    message: ({ bands: b }) =>
      `bands.warning (${b.warning}) must be above bands.watch (${b.watch})`,
  },
  {
    key: 'bands.critical',
    holds: ({ bands: b }) => b.critical > b.warning,
    message: ({ bands: b }) =>
      `bands.critical (${b.critical}) must be above bands.warning (${b.warning})`,
  },
  {
    key: 'hysteresis.clearMarginPoints',
    holds: (p) => p.hysteresis.clearMarginPoints < p.bands.watch,
    message: (p) =>
      `hysteresis.clearMarginPoints (${p.hysteresis.clearMarginPoints}) must be below bands.watch (${p.bands.watch}), or a raised risk could never clear`,
  },
  {
    key: 'windows.aumLongLookbackDays',
    holds: ({ windows: w }) => w.aumLongLookbackDays > w.aumShortLookbackDays,
    message: ({ windows: w }) =>
      `windows.aumLongLookbackDays (${w.aumLongLookbackDays}) must be above windows.aumShortLookbackDays (${w.aumShortLookbackDays})`,
  },
  {
    key: 'windows.aumLongLookbackDays',
    holds: ({ windows: w }) => w.aumLongLookbackDays + w.aumMeanDays <= AUM_HISTORY_DAYS,
    message: () =>
      `windows.aumLongLookbackDays + windows.aumMeanDays must be at most ${AUM_HISTORY_DAYS} days (the AUM history kept)`,
  },
  {
    key: 'windows.largeTransferBaselineDays',
    holds: ({ windows: w }) =>
      w.largeTransferDays + w.largeTransferBaselineDays <= OUTFLOW_DAYS_KEPT,
    message: () =>
      `windows.largeTransferDays + windows.largeTransferBaselineDays must be at most ${OUTFLOW_DAYS_KEPT} days (the outflows kept)`,
  },
  {
    key: 'windows.maturityActiveDays',
    holds: ({ windows: w }) => w.maturityGraceDays + w.maturityActiveDays <= PRODUCT_DAYS_KEPT,
    message: () =>
      `windows.maturityGraceDays + windows.maturityActiveDays must be at most ${PRODUCT_DAYS_KEPT} days (the product events kept)`,
  },
  {
    key: 'thresholds.payrollDrain.minBaselineCycles',
    holds: (p) =>
      p.thresholds.payrollDrain.minBaselineCycles <= p.windows.payrollDrainBaselineCycles,
    message: (p) =>
      `thresholds.payrollDrain.minBaselineCycles (${p.thresholds.payrollDrain.minBaselineCycles}) must be at most windows.payrollDrainBaselineCycles (${p.windows.payrollDrainBaselineCycles})`,
  },
  {
    key: 'thresholds.aumDecline.fullStrengthDeclineBasisPoints',
    holds: ({ thresholds: { aumDecline: a } }) =>
      a.fullStrengthDeclineBasisPoints >=
      Math.max(a.shortDeclineBasisPoints, a.longDeclineBasisPoints),
    message: ({ thresholds: { aumDecline: a } }) =>
      `thresholds.aumDecline.fullStrengthDeclineBasisPoints (${a.fullStrengthDeclineBasisPoints}) must be at least the decline thresholds`,
  },
  {
    key: 'thresholds.employer.minBatches',
    holds: (p) => p.thresholds.employer.minBatches <= p.windows.employerTrailingBatches,
    message: (p) =>
      `thresholds.employer.minBatches (${p.thresholds.employer.minBatches}) must be at most windows.employerTrailingBatches (${p.windows.employerTrailingBatches})`,
  },
  {
    key: 'thresholds.employer.minRetentionMonths',
    holds: (p) => p.thresholds.employer.minRetentionMonths <= p.windows.employerTrailingMonths,
    message: (p) =>
      `thresholds.employer.minRetentionMonths (${p.thresholds.employer.minRetentionMonths}) must be at most windows.employerTrailingMonths (${p.windows.employerTrailingMonths})`,
  },
];

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

/**
 * Checks a candidate policy (parsed from YAML or JSON by the feature layer) key by key, then the
 * rules between keys, and returns a frozen copy. Throws `RiskPolicyError` (RISK_POLICY_INVALID)
 * naming the first bad key, e.g. "thresholds.payrollDrain.shareBasisPoints must be an integer
 * 0..10000, got 1.5": a bad policy stops start-up (ARCHITECTURE.md principle 8).
 */
export const validateRiskPolicy = (candidate: unknown): RiskPolicy => {
  check(RISK_POLICY_SCHEMA as unknown as Rule, candidate, '');
  const policy = candidate as RiskPolicy;
  for (const rule of CROSS_RULES)
    if (!rule.holds(policy)) throw new RiskPolicyError(rule.key, rule.message(policy));
  return deepFreeze(structuredClone(policy));
};
