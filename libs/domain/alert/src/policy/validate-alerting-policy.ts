import type { AlertingPolicy } from './alerting-policy';
import type { StaffDirectory } from '../staff/staff-directory';

/** A policy or directory that cannot be used: every problem, each naming its key path. */
export class AlertingConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AlertingConfigError';
  }
}

/** STUB (signature fixed). Throws `AlertingConfigError` listing every problem. */
export const validateAlertingPolicy = (_raw: unknown): AlertingPolicy => {
  throw new Error('not implemented');
};

/** STUB (signature fixed). Throws `AlertingConfigError` (unknown supervisor, delegate, team…). */
export const validateStaffDirectory = (_raw: unknown): StaffDirectory => {
  throw new Error('not implemented');
};
