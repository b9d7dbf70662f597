import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@churn/domain-alert';
import { EVENT_STORE, type OpenedEventStore } from '@churn/event-store';
import { createParamDecorator, Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { StaffPrincipal } from '../auth/staff-principal';
import { CLOCK, type Clock } from '../ports/alerting-ports';

/**
 * Every read of a customer's data is recorded (issue 5 §5): who, in which role, by which request,
 * which customers and alerts, when. It is a log, not a fact anything is decided on, so it goes to
 * the reader's own stream `access-<staffId>` with no concurrency check and a random id.
 */
export type CustomerDataAccessed = {
  readonly type: 'CustomerDataAccessed';
  readonly data: {
    readonly staffId: string;
    readonly role: StaffRole;
    readonly route: string;
    readonly customerIds: readonly string[];
    readonly alertIds: readonly string[];
    readonly at: string;
  };
};

export const ACCESS_STREAM_PREFIX = 'access-';
export const accessStream = (staffId: string): string => `${ACCESS_STREAM_PREFIX}${staffId}`;
export const ACCESS_SCHEMA_VERSION = 1;

interface Concerning {
  readonly alertId: string;
  readonly customer: { readonly customerId: string };
}

@Injectable()
export class CustomerDataAccessLog {
  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Appends one record when the response shows at least one customer; none otherwise. */
  async record(staff: StaffPrincipal, route: string, shown: readonly Concerning[]): Promise<void> {
    if (shown.length === 0) return;
    const at = this.clock.now().toISOString();
    const event: CustomerDataAccessed = {
      type: 'CustomerDataAccessed',
      data: {
        staffId: staff.staffId,
        role: staff.role,
        route,
        customerIds: [...new Set(shown.map((a) => a.customer.customerId))],
        alertIds: shown.map((a) => a.alertId),
        at,
      },
    };
    await this.opened.store.append(
      accessStream(staff.staffId),
      [
        {
          id: randomUUID(),
          ...event,
          metadata: { occurredAt: at, schemaVersion: ACCESS_SCHEMA_VERSION },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
}

const MAX_ROUTE_LENGTH = 500;

/** The request as the access log names it: method and URL, query included (the filters used). */
export const AccessRoute = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request>();
  return `${request.method} ${request.originalUrl}`.slice(0, MAX_ROUTE_LENGTH);
});
