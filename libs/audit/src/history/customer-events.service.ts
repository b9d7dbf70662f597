import { badField, type StaffPrincipal } from '@churn/alerting';
import { alertStream } from '@churn/domain-alert';
import { EVENT_STORE, type OpenedEventStore, type RecordedEvent } from '@churn/event-store';
import { customerStream } from '@churn/ingestion';
import { Inject, Injectable } from '@nestjs/common';
import { AuditAccessLog } from '../access/audit-access-log';
import { AuditScope } from '../access/audit-scope';
import { isoOf, momentEndMs, momentStartMs } from '../access/moments';
import { AuditReadModels } from './audit-read-models';
import type { CustomerEventsQuery } from './customer-events.dto';
import { storedEventItem, type StoredEventItem } from './stored-event';

export interface CustomerEventPage {
  readonly customerId: string;
  readonly items: readonly StoredEventItem[];
  readonly nextCursor: string | null;
}

/** Where the next page starts: the customer stream's revision, and the log position passed. */
interface Cursor {
  readonly revision: number;
  readonly position: number;
}

const CURSOR = /^r(\d{1,15})p(\d{1,15})$/;
const cursorText = (c: Cursor): string => `r${c.revision}p${c.position}`;
const readCursor = (text: string | undefined): Cursor => {
  if (text === undefined) return { revision: 0, position: 0 };
  const match = CURSOR.exec(text);
  if (match === null) throw badField('cursor', 'cursor must be a nextCursor given by this route');
  return { revision: Number(match[1]), position: Number(match[2]) };
};

/** Rows read per store call while looking for events of the asked types. */
const SCAN = 500;

/**
 * A customer's history (issue 6 §1): every event of `customer-<id>`, paged by revision, filtered
 * by type and business time, with its revision, global position, business and recorded time and
 * source coordinates; with `include=alerts` the customer's alert streams merged in log order.
 */
@Injectable()
export class CustomerEventsService {
  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(AuditScope) private readonly scope: AuditScope,
    @Inject(AuditReadModels) private readonly models: AuditReadModels,
    @Inject(AuditAccessLog) private readonly accessLog: AuditAccessLog,
  ) {}

  async page(
    staff: StaffPrincipal,
    route: string,
    customerId: string,
    query: CustomerEventsQuery,
  ): Promise<CustomerEventPage> {
    const cursor = readCursor(query.cursor);
    const history = await this.scope.customer(staff, customerId);
    const types = query.type === undefined ? null : new Set(query.type.split(','));
    const wanted = (e: RecordedEvent) => types === null || types.has(e.type);
    const bounds = {
      ...(query.from === undefined ? {} : { fromTime: isoOf(momentStartMs(query.from)) }),
      ...(query.to === undefined ? {} : { toTime: isoOf(toExclusiveMs(query.to)) }),
    };
    const scanned = await this.scanCustomer(
      customerId,
      cursor,
      history.head.lastRevision,
      bounds,
      wanted,
      query.limit,
    );
    const alertIds =
      query.include === 'alerts'
        ? this.models.alerts.ofCustomer(customerId).map((a) => a.alertId)
        : [];
    const alertEvents = await this.alertEvents(alertIds, cursor, bounds, wanted);
    const merged = [...scanned.events, ...alertEvents].sort((a, b) => a.position - b.position);
    const items = merged.slice(0, query.limit);
    const customerShown = items.filter((e) => e.stream === customerStream(customerId));
    const lastShown = customerShown[customerShown.length - 1];
    const allCustomerShown = customerShown.length === scanned.events.length;
    const nextRevision = allCustomerShown
      ? scanned.nextRevision
      : (lastShown?.revision ?? cursor.revision - 1) + 1;
    const done = allCustomerShown && scanned.exhausted && merged.length <= query.limit;
    const last = items[items.length - 1];
    const page = {
      customerId,
      items: items.map(storedEventItem),
      nextCursor: done
        ? null
        : cursorText({ revision: nextRevision, position: last?.position ?? cursor.position }),
    };
    await this.accessLog.record(staff, {
      route,
      customerIds: [customerId],
      alertIds: [
        ...new Set(
          items.filter((e) => e.stream.startsWith('alert-')).map((e) => e.stream.slice(6)),
        ),
      ],
      query: { ...query },
    });
    return page;
  }

  /** Up to `limit` wanted events of the customer stream from the cursor's revision. */
  private async scanCustomer(
    customerId: string,
    cursor: Cursor,
    lastRevision: number,
    bounds: { fromTime?: string; toTime?: string },
    wanted: (e: RecordedEvent) => boolean,
    limit: number,
  ): Promise<{ events: RecordedEvent[]; nextRevision: number; exhausted: boolean }> {
    const events: RecordedEvent[] = [];
    let from = cursor.revision;
    while (from <= lastRevision) {
      const chunk = await this.opened.store.loadStream(customerStream(customerId), {
        ...bounds,
        fromRevision: from,
        toRevision: lastRevision,
        maxCount: SCAN,
      });
      for (const event of chunk) {
        from = event.revision + 1;
        if (!wanted(event)) continue;
        events.push(event);
        if (events.length === limit)
          return { events, nextRevision: from, exhausted: from > lastRevision };
      }
      if (chunk.length < SCAN) return { events, nextRevision: lastRevision + 1, exhausted: true };
    }
    return { events, nextRevision: from, exhausted: true };
  }

  private async alertEvents(
    alertIds: readonly string[],
    cursor: Cursor,
    bounds: { fromTime?: string; toTime?: string },
    wanted: (e: RecordedEvent) => boolean,
  ): Promise<RecordedEvent[]> {
    const streams = await Promise.all(
      alertIds.map((id) => this.opened.store.loadStream(alertStream(id), bounds)),
    );
    return streams.flat().filter((e) => e.position > cursor.position && wanted(e));
  }
}

/** `to` as an exclusive bound: an instant as given, a bank date through its last millisecond. */
const toExclusiveMs = (to: string): number => momentEndMs(to) + (/T/.test(to) ? 0 : 1);
