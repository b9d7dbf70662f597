import { badField, type StaffPrincipal } from '@churn/alerting';
import { alertStream } from '@churn/domain-alert';
import { bankDate, bankDayOfMs } from '@churn/domain-kernel';
import { EVENT_STORE, type OpenedEventStore } from '@churn/event-store';
import { customerStream } from '@churn/ingestion';
import { Inject, Injectable } from '@nestjs/common';
import { AuditAccessLog } from '../access/audit-access-log';
import { AuditScope } from '../access/audit-scope';
import { isoOf, momentEndMs, momentStartMs } from '../access/moments';
import { AuditReadModels } from '../history/audit-read-models';
import { customerStateView } from './customer-state-view';
import type { CustomerHistory } from './customer-snapshots';
import { diffStates } from './state-diff';
import { timelineOf } from './timeline';

/** Twenty years of days: a chart of a whole relationship, not of the whole calendar. */
export const MAX_TIMELINE_DAYS = 7_305;

/**
 * State as of a moment, the difference between two moments, and the AUM chart with its markers
 * (issue 6 §1). Business time only: `at` selects events by `occurredAt`, never by when they were
 * recorded.
 */
@Injectable()
export class CustomerStateService {
  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(AuditScope) private readonly scope: AuditScope,
    @Inject(AuditReadModels) private readonly models: AuditReadModels,
    @Inject(AuditAccessLog) private readonly accessLog: AuditAccessLog,
  ) {}

  async state(staff: StaffPrincipal, route: string, customerId: string, at: string | undefined) {
    const history = await this.scope.customer(staff, customerId);
    const atMs = at === undefined ? latestMs(history) : momentEndMs(at);
    const view = customerStateView(
      customerId,
      await this.models.snapshots.foldAt(history, atMs),
      atMs,
    );
    await this.record(staff, route, customerId, { at });
    return view;
  }

  async diff(staff: StaffPrincipal, route: string, customerId: string, from: string, to: string) {
    const [fromMs, toMs] = [momentEndMs(from), momentEndMs(to)];
    if (toMs < fromMs) throw badField('to', 'to must not be before from');
    const history = await this.scope.customer(staff, customerId);
    const { snapshots } = this.models;
    const before = customerStateView(customerId, await snapshots.foldAt(history, fromMs), fromMs);
    const after = customerStateView(customerId, await snapshots.foldAt(history, toMs), toMs);
    await this.record(staff, route, customerId, { from, to });
    const summary = (v: typeof before) => ({
      at: v.at,
      eventsFolded: v.eventsFolded,
      lastPosition: v.lastPosition,
    });
    return {
      customerId,
      from: summary(before),
      to: summary(after),
      changes: diffStates(before, after),
    };
  }

  async timeline(
    staff: StaffPrincipal,
    route: string,
    customerId: string,
    from: string | undefined,
    to: string | undefined,
  ) {
    const history = await this.scope.customer(staff, customerId);
    const { head } = history;
    const fromDay = bankDayOfMs(from === undefined ? head.minOccurredMs : momentStartMs(from));
    const toDay = bankDayOfMs(to === undefined ? latestMs(history) : momentEndMs(to));
    if (toDay < fromDay) throw badField('to', 'to must not be before from');
    if (toDay - fromDay + 1 > MAX_TIMELINE_DAYS)
      throw badField('from', `a timeline spans at most ${MAX_TIMELINE_DAYS} days`);
    const startMs = Date.parse(`${bankDate(fromDay)}T00:00:00+08:00`);
    const endMs = Date.parse(`${bankDate(toDay)}T00:00:00+08:00`) + 86_400_000;
    const base = structuredClone(this.models.snapshots.snapshotAt(history, startMs - 1));
    const events = await this.opened.store.loadStream(customerStream(customerId), {
      fromRevision: base.lastRevision + 1,
      toRevision: head.lastRevision,
      toTime: isoOf(endMs),
    });
    const alertIds = this.models.alerts.ofCustomer(customerId).map((a) => a.alertId);
    const alertEvents = await Promise.all(
      alertIds.map((id) => this.opened.store.loadStream(alertStream(id))),
    );
    const { aum, markers } = timelineOf(base, events, alertEvents.flat(), fromDay, toDay);
    await this.record(staff, route, customerId, { from, to }, alertIds);
    return { customerId, from: bankDate(fromDay), to: bankDate(toDay), aum, markers };
  }

  private record(
    staff: StaffPrincipal,
    route: string,
    customerId: string,
    query: Record<string, unknown>,
    alertIds: readonly string[] = [],
  ): Promise<void> {
    return this.accessLog.record(staff, { route, customerIds: [customerId], alertIds, query });
  }
}

/** After the customer's last event: the state "now" as far as the bank's facts go. */
const latestMs = (history: CustomerHistory): number => {
  const ms = history.head.maxOccurredMs;
  return Number.isFinite(ms) ? ms : Date.now();
};
