import { readFileSync } from 'node:fs';
import { DomainError } from '@churn/domain-kernel';
import {
  AlertingConfigError,
  validateAlertingPolicy,
  validateStaffDirectory,
} from '@churn/domain-alert';
import { parse } from 'yaml';
import type { AlertingConfig } from '../ports/alerting-ports';

/** Where `npm start` looks unless ALERTING_POLICY_FILE / ALERTING_DIRECTORY_FILE say otherwise. */
export const DEFAULT_ALERTING_POLICY_FILE = 'deploy/policy/alerting-policy.yaml';
export const DEFAULT_STAFF_DIRECTORY_FILE = 'deploy/directory/branch-staff.yaml';

/**
 * A policy or staff directory file that cannot be used (ARCHITECTURE.md principle 8: a bad
 * policy stops start-up with a clear message): the message names the file and every problem,
 * each with its key path, e.g. "alerting policy deploy/policy/alerting-policy.yaml is not
 * valid: - sla.fortune.critical.rm.acknowledge must be a positive integer".
 */
export class AlertingConfigFileError extends DomainError {
  readonly code = 'ALERTING_CONFIG_INVALID';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
    what: string,
  ) {
    super(`${what} ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const readYaml = (file: string, what: string): unknown => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AlertingConfigFileError(file, [`cannot be read: ${(error as Error).message}`], what);
  }
  try {
    return parse(text) as unknown;
  } catch (error) {
    throw new AlertingConfigFileError(file, [`not valid YAML: ${(error as Error).message}`], what);
  }
};

const validated = <T>(file: string, what: string, validate: (raw: unknown) => T): T => {
  const raw = readYaml(file, what);
  try {
    return validate(raw);
  } catch (error) {
    if (error instanceof AlertingConfigError)
      throw new AlertingConfigFileError(file, error.problems, what);
    throw error;
  }
};

/** The routing policy and the staff directory, read and checked; throws `AlertingConfigFileError`. */
export const loadAlertingConfig = (
  policyFile: string = DEFAULT_ALERTING_POLICY_FILE,
  directoryFile: string = DEFAULT_STAFF_DIRECTORY_FILE,
): AlertingConfig => ({
  policy: validated(policyFile, 'alerting policy', validateAlertingPolicy),
  directory: validated(directoryFile, 'staff directory', validateStaffDirectory),
});
