import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '@churn/event-store';
import {
  alertStream,
  decideAlert,
  evolveAlert,
  initialAlertState,
  type AlertCommand,
  type AlertState,
  type RetentionAlertEvent,
} from '@churn/domain-alert';
import type { AlertCommandPort, LoadedAlert } from '../ports/alerting-ports';
import { randomUUID } from 'node:crypto';
import { decodeAlertEvent, toNewEvents, writtenByUs, type EventContext } from './alert-codec';

/** Told of every batch this repository appended, once, in the process that appended it. */
export interface AlertAppendObserver {
  onAppended?(
    before: AlertState,
    events: readonly RetentionAlertEvent[],
    appended: readonly RecordedEvent[],
  ): void;
  /** Another writer moved the stream first: re-read and decided again. */
  onConflict?(alertId: string): void;
}

export interface AlertRepositoryOptions {
  /** Reads and decisions per command before a concurrent writer's conflict is given up on. */
  readonly maxAttempts?: number;
  readonly observer?: AlertAppendObserver;
}

export interface ExecuteResult {
  readonly state: AlertState;
  readonly appended: readonly RecordedEvent[];
  /** The stream's last revision after the command (null: still no stream). */
  readonly revision: number | null;
}

/** A write raced by another writer: the stream moved or holds other events under our ids. */
const isConflict = (error: unknown): boolean =>
  error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError;

/**
 * Commands to `alert-<id>` in the three steps of STYLE.md: read and fold, decide, append with the
 * revision read. A conflict re-reads and decides again, so two writers (the timers of two
 * instances, an RM and the timer) never both apply a decision taken on the same state: the
 * second one is decided against the first one's events and usually refused (`AlertError`).
 */
export class AlertRepository implements AlertCommandPort {
  private readonly maxAttempts: number;
  private readonly observer: AlertAppendObserver;

  constructor(
    private readonly store: EventStore,
    options: AlertRepositoryOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.observer = options.observer ?? {};
  }

  async load(alertId: string): Promise<LoadedAlert> {
    const events = await this.store.loadStream(alertStream(alertId));
    let state = initialAlertState();
    for (const recorded of events) state = evolveAlert(state, decodeAlertEvent(recorded));
    const last = events[events.length - 1];
    return {
      state,
      revision: last?.revision ?? null,
      events: events as LoadedAlert['events'],
    };
  }

  /** Throws `AlertError` when refused (nothing appended), or the last conflict after `maxAttempts`. */
  async execute(
    alertId: string,
    command: AlertCommand,
    context: EventContext = {},
  ): Promise<ExecuteResult> {
    const written = { ...context, commandId: randomUUID() };
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load(alertId);
      const events = decideAlert(command, state);
      if (events.length === 0) return { state, appended: [], revision };
      try {
        const appended = await this.append(alertId, revision, events, written);
        this.observer.onAppended?.(state, events, appended);
        const after = events.reduce(evolveAlert, state);
        return {
          state: after,
          appended,
          revision: appended[appended.length - 1]?.revision ?? null,
        };
      } catch (error) {
        if (!isConflict(error) || attempt >= this.maxAttempts) throw error;
        this.observer.onConflict?.(alertId);
      }
    }
  }

  /**
   * Appends at the revision read, then reads the batch back: ids derive from the revision, so a
   * writer that appended at the same revision first makes the store take our batch for a retry
   * of its own. The command id in the metadata tells the two apart: theirs is a conflict.
   */
  private async append(
    alertId: string,
    revision: number | null,
    events: readonly RetentionAlertEvent[],
    context: EventContext & { readonly commandId: string },
  ): Promise<readonly RecordedEvent[]> {
    const stream = alertStream(alertId);
    const first = revision === null ? 0 : revision + 1;
    const batch = toNewEvents(alertId, first, events, context);
    const expectedRevision = revision ?? 'no_stream';
    const { nextRevision } = await this.store.append(stream, batch, { expectedRevision });
    const recorded = await this.store.loadStream(stream, {
      fromRevision: first,
      toRevision: nextRevision,
    });
    if (!writtenByUs(recorded, batch))
      throw new WrongExpectedRevisionError(stream, expectedRevision, nextRevision);
    return recorded;
  }
}
