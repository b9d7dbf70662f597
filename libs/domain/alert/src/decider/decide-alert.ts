import type { AlertCommand } from './alert-commands';
import type { RetentionAlertEvent } from './alert-events';
import type { AlertState } from './alert-state';

/** STUB (signature fixed; the domain helper implements it). Throws `AlertError` when refused. */
export const decideAlert = (
  _command: AlertCommand,
  _state: AlertState,
): readonly RetentionAlertEvent[] => {
  throw new Error('not implemented');
};
