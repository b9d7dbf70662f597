// The alerting engine: ports, store, read model, risk bridge, timers, dispatcher, metrics, config.
export * from './ports/alerting-ports';
export * from './ports/demo-clock';
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

// Staff sign-in and the API conventions shared with the audit API (issue 6 §1): one guard, one
// set of roles and scope rules, one request validation, one access log stream per reader.
export {
  StaffAuthModule,
  staffAuthControllers,
  type StaffAuthOptions,
} from './auth/staff-auth.module';
export { StaffAuthGuard, type StaffRequest } from './auth/staff-auth.guard';
export { Roles, ROLES_KEY, ALERT_WORKERS, CUSTOMER_READERS } from './auth/roles.decorator';
export { CurrentStaff } from './auth/current-staff.decorator';
export { AuthController, DemoLoginController } from './auth/auth.controller';
export { TOKEN_CLOCK, TOKEN_KEYS } from './auth/staff-tokens';
export { holds, teamsOfAlert, branchesOfAlert, holderTeam } from './api/alert-scope';
export { StaffEndpoint, AlertingValidation } from './api/staff-endpoint.decorator';
export { AccessRoute, ACCESS_SCHEMA_VERSION } from './api/customer-data-access';
export {
  alertingValidationPipe,
  badField,
  fieldProblemsOf,
  validationFailure,
  Id,
  IsInstant,
  INSTANT,
  Text,
  MAX_ID_LENGTH,
  utcInstant,
  type FieldProblems,
  type ValidationFailureBody,
} from './api/validation';
export { ValidationFailureDoc, AlertErrorDoc } from './api/dto/alert-responses.dto';
export { notFound as alertNotFound } from './api/alerts-query.service';

// Feed: every alert lifecycle event on retention.alerts.v1 for downstream CRMs (issue 5 §4).
export * from './feed/alert-feed-publisher';
export * from './feed/alert-feed-message';
export { teamSlaReport, type TeamSlaReport } from './api/team-sla';
