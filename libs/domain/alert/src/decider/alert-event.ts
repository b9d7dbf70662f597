import { ALERT_SEVERITIES, type AlertSeverity } from './alert-vocabulary';
import {
  ALERT_SCHEMA_VERSION,
  type RetentionAlertEvent,
  type RetentionAlertEventType,
} from './alert-events';

/** The event of type `K`. */
export type AlertEventOf<K extends RetentionAlertEventType> = Extract<
  RetentionAlertEvent,
  { type: K }
>;

/** Builds an alert event at the current schema version. */
export const alertEvent = <K extends RetentionAlertEventType>(
  type: K,
  data: AlertEventOf<K>['data'],
): AlertEventOf<K> => ({ type, schemaVersion: ALERT_SCHEMA_VERSION, data }) as AlertEventOf<K>;

/** 0 for `watch`, 2 for `critical`. */
export const severityRank = (severity: AlertSeverity): number => ALERT_SEVERITIES.indexOf(severity);

export const higherSeverity = (a: AlertSeverity, b: AlertSeverity): AlertSeverity =>
  severityRank(a) >= severityRank(b) ? a : b;
