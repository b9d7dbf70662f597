import { readFileSync } from 'node:fs';
import { DomainError } from '@churn/domain-kernel';
import { RiskPolicyError, validateRiskPolicy, type RiskPolicy } from '@churn/domain-risk';
import { parse } from 'yaml';
import type { ReviewSchedule } from '../engine/review-schedule';
import { reviewScheduleOf } from './review-schedule-rules';

/** The file's policy could not be used: the message names the file and, where one is at fault, the key. */
export class RiskPolicyFileError extends DomainError {
  readonly code = 'RISK_POLICY_INVALID';
  constructor(
    readonly file: string,
    readonly keyPath: string | null,
    message: string,
  ) {
    super(`risk policy ${file}: ${message}`);
  }
}

/** A versioned policy file, checked: the risk policy and the engine's review schedule. */
export interface LoadedRiskPolicy {
  readonly policy: RiskPolicy;
  readonly reviews: ReviewSchedule;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a policy written in YAML (or JSON, a subset of YAML): the risk policy's keys plus a
 * `reviews:` section. A bad policy stops start-up (ARCHITECTURE.md principle 8), so this throws
 * `RiskPolicyFileError` at the first bad key, e.g. "risk policy deploy/policy/risk-policy.yaml:
 * bands.watch must be an integer 1..100, got 0".
 */
export const parseRiskPolicy = (text: string, file: string): LoadedRiskPolicy => {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new RiskPolicyFileError(file, null, `not valid YAML: ${(error as Error).message}`);
  }
  if (!isRecord(document))
    throw new RiskPolicyFileError(file, null, 'must be a mapping of policy keys');
  const { reviews, ...rest } = document;
  const schedule = reviewScheduleOf(reviews);
  if ('keyPath' in schedule)
    throw new RiskPolicyFileError(file, schedule.keyPath, schedule.message);
  try {
    return { policy: validateRiskPolicy(rest), reviews: Object.freeze(schedule) };
  } catch (error) {
    if (error instanceof RiskPolicyError)
      throw new RiskPolicyFileError(file, error.keyPath, error.message);
    throw error;
  }
};

/** `parseRiskPolicy` of a file; a missing or unreadable file is named too. */
export const loadRiskPolicy = (path: string): LoadedRiskPolicy => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RiskPolicyFileError(path, null, `cannot be read: ${(error as Error).message}`);
  }
  return parseRiskPolicy(text, path);
};

/** Where `npm start` looks unless RISK_POLICY_FILE says otherwise. */
export const DEFAULT_RISK_POLICY_FILE = 'deploy/policy/risk-policy.yaml';
