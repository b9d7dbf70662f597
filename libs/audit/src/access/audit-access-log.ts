import { randomUUID } from 'node:crypto';
import {
  ACCESS_SCHEMA_VERSION,
  accessStream,
  type CustomerDataAccessed,
  type StaffPrincipal,
} from '@churn/alerting';
import { EVENT_STORE, type NewEvent, type OpenedEventStore } from '@churn/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_CLOCK, type AuditClock } from './audit-ports';

/** What one audit answer showed: the customers and alerts, and the query that asked for them. */
export interface AuditAccess {
  readonly route: string;
  readonly customerIds: readonly string[];
  readonly alertIds: readonly string[];
  /** The query parameters as validated (filters, moments, policy versions). */
  readonly query: Readonly<Record<string, unknown>>;
}

/**
 * Every audit query is itself recorded (issue 6 §1): the same `CustomerDataAccessed` event in the
 * same `access-<staffId>` stream as the alerting API writes, so one stream per reader tells who
 * looked at which customer, however they looked. It carries the parsed query besides the route.
 * Appended before the answer leaves: no record, no answer. A log, not a fact anything is decided
 * on: no concurrency check, a random id.
 */
@Injectable()
export class AuditAccessLog {
  private pending: { stream: string; event: NewEvent; done: Settle }[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(AUDIT_CLOCK) private readonly clock: AuditClock,
  ) {}

  /**
   * Resolves once the record is durable. Records of the queries answered in one turn of the
   * event loop are appended together, so the store commits them in one transaction (one fsync
   * for many readers under load, rather than one each).
   */
  record(staff: StaffPrincipal, access: AuditAccess): Promise<void> {
    const at = this.clock.now().toISOString();
    const event: CustomerDataAccessed & { data: { query: AuditAccess['query'] } } = {
      type: 'CustomerDataAccessed',
      data: {
        staffId: staff.staffId,
        role: staff.role,
        route: access.route,
        customerIds: [...new Set(access.customerIds)],
        alertIds: [...new Set(access.alertIds)],
        at,
        query: access.query,
      },
    };
    return new Promise<void>((resolve, reject) => {
      this.pending.push({
        stream: accessStream(staff.staffId),
        event: {
          id: randomUUID(),
          ...event,
          metadata: { occurredAt: at, schemaVersion: ACCESS_SCHEMA_VERSION },
        },
        done: { resolve, reject },
      });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    for (const { stream, event, done } of batch)
      this.opened.store
        .append(stream, [event], { expectedRevision: 'any' })
        .then(() => done.resolve(), done.reject);
  }
}

interface Settle {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}
