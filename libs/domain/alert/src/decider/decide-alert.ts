import type { Decider } from '@churn/domain-kernel';
import type { AlertCommand } from './alert-commands';
import type { RetentionAlertEvent } from './alert-events';
import type { AlertState } from './alert-state';
import { decideEscalate, decideEscalateOverdue } from './decide-escalation';
import { decideNotificationAttempt } from './decide-notification';
import { decideEase, decideMerge, decideRaise, decideReopen } from './decide-risk-commands';
import {
  decideAcknowledge,
  decideLogContact,
  decideReassign,
  decideResolve,
  decideSnooze,
} from './decide-work';
import { evolveAlert, initialAlertState } from './evolve-alert';

/**
 * The alert decider (issue 5 §1): one `alert-<alertId>` stream per case. Throws `AlertError`
 * when refused; returns no events when there is nothing to record (noise).
 */
export const decideAlert = (
  command: AlertCommand,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  switch (command.type) {
    case 'RaiseAlert':
      return decideRaise(command, state);
    case 'MergeRisk':
      return decideMerge(command, state);
    case 'ReopenAlert':
      return decideReopen(command, state);
    case 'EaseRisk':
      return decideEase(command, state);
    case 'AcknowledgeAlert':
      return decideAcknowledge(command, state);
    case 'LogContact':
      return decideLogContact(command, state);
    case 'SnoozeAlert':
      return decideSnooze(command, state);
    case 'ReassignAlert':
      return decideReassign(command, state);
    case 'EscalateAlert':
      return decideEscalate(command, state);
    case 'EscalateOverdue':
      return decideEscalateOverdue(command, state);
    case 'ResolveAlert':
      return decideResolve(command, state);
    case 'RecordNotificationAttempt':
      return decideNotificationAttempt(command, state);
  }
};

/** The decider triple (fraktalio/fmodel, emmett). */
export const alertDecider: Decider<AlertCommand, RetentionAlertEvent, AlertState> = {
  decide: decideAlert,
  evolve: evolveAlert,
  initialState: initialAlertState,
};
