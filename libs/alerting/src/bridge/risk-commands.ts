import type {
  AlertAction,
  AlertCommand,
  CustomerAlertEntry,
  RiskForAlert,
} from '@churn/domain-alert';
import type { AlertingConfig } from '../ports/alerting-ports';

export interface CommandContext {
  readonly alertId: string;
  readonly risk: RiskForAlert;
  /** The customer's latest alert as the book had it when the action was chosen. */
  readonly latest: CustomerAlertEntry | null;
  /** The injected clock's now: when the command is decided. */
  readonly at: string;
  readonly config: AlertingConfig;
}

/**
 * The alert command for a routing decision (`alertActionFor`), with the policy and directory in
 * force. A raise carries the customer's last resolution, for throttling (issue 5 §2). Null when
 * the risk has no severity to raise, merge or reopen with (a cleared risk only eases).
 */
export const alertCommandFor = (
  action: Exclude<AlertAction, { kind: 'ignore' }>,
  { alertId, risk, latest, at, config }: CommandContext,
): AlertCommand | null => {
  const { directory, policy } = config;
  const { customer, severity, cause, signals } = risk;
  if (action.kind === 'ease') return { type: 'EaseRisk', data: { at, directory, cause } };
  if (severity === null) return null;
  const change = { at, directory, cause, severity, signals, customer };
  if (action.kind === 'merge') return { type: 'MergeRisk', data: change };
  if (action.kind === 'reopen') return { type: 'ReopenAlert', data: change };
  const previousResolution =
    latest?.status === 'resolved' && latest.resolvedAt !== null
      ? { resolvedAt: latest.resolvedAt, severity: latest.severity }
      : null;
  return { type: 'RaiseAlert', data: { ...change, alertId, policy, previousResolution } };
};
