import { bankDate, bankDayOfMs, type DayNumber } from '@churn/domain-kernel';
import type { RecordedEvent } from '@churn/event-store';
import { formatCny } from '../money-format';
import { evolveAuditFold, occurredMs, type AuditFold } from './audit-fold';

export const MARKER_KINDS = [
  'payroll',
  'maturity',
  'complaint',
  'risk',
  'alert',
  'contact',
  'purchase',
] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export interface TimelineMarker {
  readonly date: string;
  readonly kind: MarkerKind;
  readonly label: string;
  readonly eventId: string;
}

export interface AumPoint {
  readonly date: string;
  readonly aumMinor: number;
}

type Data = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : String(value));
const cny = (value: unknown): string => formatCny(typeof value === 'number' ? value : 0);
const staffOrQueue = (holder: unknown): string => {
  const h = holder as { kind?: string; staffId?: string; teamId?: string } | null;
  return h?.kind === 'staff' ? text(h.staffId) : `the ${text(h?.teamId)} queue`;
};

/** What each event type puts on the chart, in the bank's words; none for the rest. */
const MARKERS: Readonly<Record<string, (d: Data) => readonly [MarkerKind, string]>> = {
  PayrollCredited: (d) => [
    'payroll',
    `Salary ${cny(d['amountMinor'])} from ${text(d['employerId'])}`,
  ],
  ProductMatured: (d) => [
    'maturity',
    `${text(d['holdingId'])} matured: ${cny(d['proceedsMinor'])} paid out`,
  ],
  ProductPurchased: (d) => [
    'purchase',
    `Bought ${text(d['productKind'])} ${text(d['productId'])}: ${cny(d['principalMinor'])}`,
  ],
  ComplaintFiled: (d) => [
    'complaint',
    `Complaint (${text(d['category'])}, ${text(d['severity'])})`,
  ],
  ContactLogged: (d) => [
    'contact',
    `Contact by ${text(d['staffId'])} (${text(d['channel'])}, ${text(d['initiatedBy'])}-initiated)`,
  ],
  ChurnRiskRaised: (d) => [
    'risk',
    `Churn risk raised: ${text(d['band'])} (score ${text(d['score'])})`,
  ],
  ChurnRiskChanged: (d) => [
    'risk',
    `Churn risk now ${text(d['band'])} (score ${text(d['score'])})`,
  ],
  ChurnRiskCleared: (d) => ['risk', `Churn risk cleared (score ${text(d['score'])})`],
  RetentionAlertRaised: (d) => [
    'alert',
    `Alert ${text(d['alertId'])} raised (${text(d['severity'])}), held by ${staffOrQueue(d['holder'])}`,
  ],
  RetentionAlertRiskMerged: (d) => [
    'alert',
    `Alert ${text(d['alertId'])} now ${text(d['severity'])}`,
  ],
  RetentionAlertAcknowledged: (d) => ['alert', `Alert acknowledged by ${text(d['by'])}`],
  RetentionContactLogged: (d) => [
    'contact',
    `${text(d['by'])} contacted the customer (${text(d['channel'])}) on alert ${text(d['alertId'])}`,
  ],
  RetentionAlertEscalated: (d) => [
    'alert',
    `Alert escalated to ${text(d['toLevel'])} (${staffOrQueue(d['to'])})`,
  ],
  RetentionAlertReassigned: (d) => ['alert', `Alert reassigned to ${staffOrQueue(d['to'])}`],
  RetentionAlertResolved: (d) => [
    'alert',
    `Alert resolved by ${text(d['by'])}: ${text(d['outcome'])} (${text(d['reason'])})`,
  ],
  RetentionAlertReopened: (d) => ['alert', `Alert ${text(d['alertId'])} reopened`],
};

export const markerOf = (event: RecordedEvent): TimelineMarker | null => {
  const make = MARKERS[event.type];
  const ms = occurredMs(event);
  if (make === undefined || Number.isNaN(ms)) return null;
  const [kind, label] = make(event.data as Data);
  return { date: bankDate(bankDayOfMs(ms)), kind, label, eventId: event.id };
};

/**
 * End-of-day AUM for `fromDay..toDay` and the markers of the events in those days (issue 6 §1:
 * the console's chart). `base` is a fold of the stream's start before `fromDay`; `events` the
 * rest of the stream up to the end of `toDay`. A day's close is the AUM after the last fact the
 * customer fold books on it, carried forward over days without one.
 */
export const timelineOf = (
  base: AuditFold,
  events: readonly RecordedEvent[],
  others: readonly RecordedEvent[],
  fromDay: DayNumber,
  toDay: DayNumber,
): { aum: AumPoint[]; markers: TimelineMarker[] } => {
  const closes = new Map<DayNumber, number>();
  let before = base.customer.aumMinor;
  const markers: TimelineMarker[] = [];
  const inRange = (event: RecordedEvent): boolean => {
    const day = bankDayOfMs(occurredMs(event));
    return day >= fromDay && day <= toDay;
  };
  for (const event of events) {
    evolveAuditFold(base, event);
    const day = base.customer.lastDay;
    if (day !== null && day < fromDay) before = base.customer.aumMinor;
    else if (day !== null && day <= toDay) closes.set(day, base.customer.aumMinor);
    const marker = inRange(event) ? markerOf(event) : null;
    if (marker !== null) markers.push(marker);
  }
  for (const event of others) {
    const marker = inRange(event) ? markerOf(event) : null;
    if (marker !== null) markers.push(marker);
  }
  const aum: AumPoint[] = [];
  for (let day = fromDay, close = before; day <= toDay; day++) {
    close = closes.get(day) ?? close;
    aum.push({ date: bankDate(day), aumMinor: close });
  }
  markers.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { aum, markers };
};
