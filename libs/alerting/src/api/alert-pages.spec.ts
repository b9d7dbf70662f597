import { alertCustomer, raisedAlert, riskCause, TEST_AT } from '@churn/domain-alert/testing';
import type { Tier } from '@churn/domain-customer';
import type { RaisedAlert } from '@churn/domain-alert';
import {
  decodeCursor,
  pageOf,
  rankAlerts,
  UnreadableCursor,
  type RankedAlert,
} from './alert-pages';

const alert = (alertId: string, valueTier: Tier, score: number, at = TEST_AT): RaisedAlert =>
  raisedAlert({
    alertId,
    at,
    customer: alertCustomer({ customerId: `C-${alertId}`, tier: valueTier, valueTier }),
    cause: riskCause({ score }),
  });

const walk = (ranked: readonly RankedAlert[], limit: number): string[][] => {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = pageOf(ranked, { limit, ...(cursor ? { cursor } : {}) }, (r) => r.alert.alertId);
    pages.push([...page.items]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
};

describe('an inbox of five alerts', () => {
  const later = '2026-12-01T03:00:00.000Z';
  const alerts = [
    alert('wealth-90', 'wealth-management', 90), // 180
    alert('private-60', 'private-banking', 60), // 480
    alert('fortune-80-late', 'fortune', 80, later), // 320, raised later
    alert('fortune-80', 'fortune', 80), // 320
    alert('ordinary-95', 'ordinary', 95), // 95
  ];

  it('puts risk × value first, then the longest waiting', () => {
    expect(rankAlerts(alerts).map((r) => [r.alert.alertId, r.priority])).toEqual([
      ['private-60', 480],
      ['fortune-80', 320],
      ['fortune-80-late', 320],
      ['wealth-90', 180],
      ['ordinary-95', 95],
    ]);
  });

  it.each([1, 2, 3, 5, 100])('walks every alert once in pages of %i', (limit) => {
    const pages = walk(rankAlerts(alerts), limit);
    expect(pages.flat()).toEqual(rankAlerts(alerts).map((r) => r.alert.alertId));
    expect(pages).toHaveLength(Math.ceil(alerts.length / limit));
  });

  it('neither repeats nor skips when an alert is resolved between two pages', () => {
    const first = pageOf(rankAlerts(alerts), { limit: 2 }, (r) => r.alert.alertId);
    const remaining = alerts.filter((a) => a.alertId !== 'private-60');
    const second = pageOf(
      rankAlerts(remaining),
      { limit: 2, cursor: first.nextCursor ?? '' },
      (r) => r.alert.alertId,
    );
    expect([...first.items, ...second.items]).toEqual([
      'private-60',
      'fortune-80',
      'fortune-80-late',
      'wealth-90',
    ]);
    expect(second.total).toBe(4);
  });

  it.each(['not-a-cursor', Buffer.from('{"a":1}').toString('base64url'), ''])(
    'refuses a cursor it did not issue: %j',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(UnreadableCursor);
    },
  );
});
