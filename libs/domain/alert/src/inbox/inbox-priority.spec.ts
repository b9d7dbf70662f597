import { alertCustomer, raisedAlert, riskCause } from '../testing';
import { inboxPriority } from './inbox-priority';

describe('the order of an inbox (risk × value)', () => {
  it.each([
    ['an ordinary customer at score 80', 80, 'ordinary', 80],
    ['a wealth-management customer at score 80', 160, 'wealth-management', 80],
    ['a fortune customer at score 80', 320, 'fortune', 80],
    ['a private-banking customer at score 80', 640, 'private-banking', 80],
    ['a private-banking customer at score 35', 280, 'private-banking', 35],
  ] as const)('puts %s at %d', (_who, priority, valueTier, score) =>
    expect(
      inboxPriority(
        raisedAlert({ customer: alertCustomer({ valueTier }), cause: riskCause({ score }) }),
      ),
    ).toBe(priority),
  );

  it('follows the latest risk score, not the first', () => {
    const alert = raisedAlert(
      {},
      {
        type: 'RetentionAlertRiskMerged',
        schemaVersion: 1,
        data: {
          alertId: 'A-1',
          cause: riskCause({ score: 95 }),
          severity: 'critical',
          previousSeverity: 'critical',
          addedSignals: [],
          customer: alertCustomer(),
          occurredAt: '2026-12-01T02:00:00.000Z',
        },
      },
    );
    expect(inboxPriority(alert)).toBe(95 * 4);
  });

  it('weighs by the value tier, so a client who moved money out stays first', () =>
    expect(
      inboxPriority(
        raisedAlert({
          customer: alertCustomer({ tier: 'ordinary', valueTier: 'private-banking' }),
        }),
      ),
    ).toBe(640));
});
