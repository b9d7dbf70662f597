// The alerting engine: ports, store, read model, risk bridge, timers, dispatcher, metrics, config.
export * from './ports/alerting-ports';
export * from './store/alert-ids';
export {
  decodeAlertEvent,
  toNewEvents,
  type EventContext,
  type Written,
} from './store/alert-codec';
export * from './store/alert-repository';
export * from './read-model/alert-book';
export * from './bridge/risk-alert-bridge';
export * from './timers/escalation-timers';
export { DeadlineHeap, type TrackedDeadline } from './timers/deadline-heap';
export * from './dispatch/notification-dispatcher';
export type { Delivery, PendingNotification } from './dispatch/notification-queue';
export * from './metrics/alerting-metrics';
export * from './config/load-alerting-config';
export * from './config/alerting-settings';
export * from './config/channel-senders';
export * from './alerting.module';

// API: the REST API of the people who work alerts (issue 5 §5): staff tokens, scope, OpenAPI.
export * from './api/alerting-api.module';
export * from './api/openapi';
export { canSeeAlert } from './api/alert-scope';
export { httpStatusOf, AlertErrorFilter } from './api/alert-error.filter';
export {
  accessStream,
  ACCESS_STREAM_PREFIX,
  CustomerDataAccessLog,
  type CustomerDataAccessed,
} from './api/customer-data-access';
export * from './auth/alerting-auth-options';
export * from './auth/auth-settings';
export { StaffTokens, StaffTokenRejected, type IssuedStaffToken } from './auth/staff-tokens';
export { principalOf, type StaffPrincipal } from './auth/staff-principal';
export * from './alerting-feature';
