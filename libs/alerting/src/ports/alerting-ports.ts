import type { RecordedEvent } from '@churn/event-store';
import type {
  AlertCommand,
  AlertingPolicy,
  AlertState,
  RaisedAlert,
  RetentionAlertEvent,
  StaffDirectory,
} from '@churn/domain-alert';

/**
 * The seams inside the alerting feature: the engine side (store, timers, dispatch) provides
 * them, the API side uses them. Wall-clock time comes only from `Clock` (ARCHITECTURE.md
 * principle 4: tests inject it, never sleep).
 */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => new Date() };

/** The routing policy and staff directory in force, loaded and validated at start. */
export interface AlertingConfig {
  readonly policy: AlertingPolicy;
  readonly directory: StaffDirectory;
}
export const ALERTING_CONFIG = Symbol('ALERTING_CONFIG');

/** An alert as folded from its stream. `revision` is the stream's last revision. */
export interface LoadedAlert {
  readonly state: AlertState;
  readonly revision: number | null;
  readonly events: readonly RecordedEvent<RetentionAlertEvent['type']>[];
}

/** Decides commands against `alert-<id>` with optimistic concurrency (re-read and retry on conflict). */
export interface AlertCommandPort {
  /** Throws `AlertError` when refused; appends nothing then. */
  execute(
    alertId: string,
    command: AlertCommand,
  ): Promise<{ readonly state: AlertState; readonly appended: readonly RecordedEvent[] }>;
  load(alertId: string): Promise<LoadedAlert>;
}
export const ALERT_COMMANDS = Symbol('ALERT_COMMANDS');

/** One raised alert in the read model. */
export interface AlertView {
  readonly alertId: string;
  readonly state: RaisedAlert;
  readonly revision: number;
  /** Global position of the last event folded into it. */
  readonly position: number;
}

/** Every raised alert, folded from the alert streams by a catch-up subscription. */
export interface AlertReadModel {
  get(alertId: string): AlertView | undefined;
  all(): Iterable<AlertView>;
  /** The customer's latest alert (one open alert per customer). */
  latestForCustomer(customerId: string): AlertView | undefined;
  /** Global position of the last event folded. */
  readonly position: number;
  /** Resolves once the model has folded `position` (read-your-writes after a command). */
  caughtUpTo(position: number): Promise<void>;
}
export const ALERT_READ_MODEL = Symbol('ALERT_READ_MODEL');
