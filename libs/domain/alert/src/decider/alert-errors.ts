import { DomainError } from '@churn/domain-kernel';

/**
 * Why a command to an alert was refused. Codes are stable: the HTTP edge maps them (409 for a
 * state conflict, 403 for authority, 422 for a bad value), clients branch on them.
 */
export const ALERT_ERROR_CODES = [
  'alert-not-found',
  'alert-already-raised',
  'alert-resolved',
  'alert-not-resolved',
  'already-acknowledged',
  'not-acknowledged',
  'top-of-ladder',
  'not-holder-or-superior',
  'not-staff',
  'unknown-recipient',
  'snooze-in-past',
  'snooze-too-long',
  'reason-text-required',
  'rule-not-due',
  'rule-already-fired',
  'unknown-notification',
  'notification-settled',
  'same-holder',
] as const;
export type AlertErrorCode = (typeof ALERT_ERROR_CODES)[number];

export class AlertError extends DomainError {
  constructor(
    readonly code: AlertErrorCode,
    message: string,
  ) {
    super(message);
  }
}
