import {
  inboxPriority,
  type AlertLevel,
  type AlertSeverity,
  type RaisedAlert,
  type StaffDirectory,
} from '@churn/domain-alert';
import type { Tier } from '@churn/domain-customer';
import { teamsOfAlert } from './alert-scope';

/**
 * An inbox is worked from the top: risk × value first (`inboxPriority`), then the longest
 * waiting. Pages are cut by keyset, not offset: the cursor names the last item's sort key, so an
 * alert that is resolved or arrives between two pages shifts nothing and nothing repeats.
 */
export const INBOX_STATUSES = ['open', 'resolved', 'all'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export interface AlertFilter {
  readonly status: InboxStatus;
  readonly level?: AlertLevel;
  readonly severity?: AlertSeverity;
  readonly tier?: Tier;
  readonly teamId?: string;
}

export const matchesFilter = (
  directory: StaffDirectory,
  alert: RaisedAlert,
  filter: AlertFilter,
): boolean =>
  (filter.status === 'all' || alert.status === filter.status) &&
  (filter.level === undefined || alert.level === filter.level) &&
  (filter.severity === undefined || alert.severity === filter.severity) &&
  (filter.tier === undefined || alert.customer.tier === filter.tier) &&
  (filter.teamId === undefined || teamsOfAlert(directory, alert).includes(filter.teamId));

export interface RankedAlert {
  readonly alert: RaisedAlert;
  readonly priority: number;
}

type SortKey = readonly [priority: number, raisedAtMs: number, alertId: string];

const keyOf = ({ alert, priority }: RankedAlert): SortKey => [
  priority,
  Date.parse(alert.raisedAt),
  alert.alertId,
];

const compareKeys = (a: SortKey, b: SortKey): number =>
  b[0] - a[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);

export const rankAlerts = (alerts: Iterable<RaisedAlert>): RankedAlert[] =>
  [...alerts]
    .map((alert) => ({ alert, priority: inboxPriority(alert) }))
    .sort((a, b) => compareKeys(keyOf(a), keyOf(b)));

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass it back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** How many items match, over all pages. */
  readonly total: number;
}

export class UnreadableCursor extends Error {
  override readonly name = 'UnreadableCursor';
}

export const encodeCursor = (key: SortKey): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export const decodeCursor = (cursor: string): SortKey => {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new UnreadableCursor('cursor is not one this API issued');
  }
  if (
    !Array.isArray(key) ||
    key.length !== 3 ||
    typeof key[0] !== 'number' ||
    typeof key[1] !== 'number' ||
    typeof key[2] !== 'string'
  )
    throw new UnreadableCursor('cursor is not one this API issued');
  return [key[0], key[1], key[2]];
};

/** The `limit` items after `cursor` of an already ranked list. */
export const pageOf = <T>(
  ranked: readonly RankedAlert[],
  request: { readonly limit: number; readonly cursor?: string },
  view: (ranked: RankedAlert) => T,
): Page<T> => {
  const after = request.cursor === undefined ? null : decodeCursor(request.cursor);
  const start = after === null ? 0 : ranked.findIndex((r) => compareKeys(keyOf(r), after) > 0);
  const rest = start < 0 ? [] : ranked.slice(start);
  const slice = rest.slice(0, request.limit);
  const last = slice[slice.length - 1];
  return {
    items: slice.map(view),
    nextCursor:
      rest.length > request.limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
    total: ranked.length,
  };
};
