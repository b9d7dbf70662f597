import { spec } from '@churn/domain-kernel/testing';
import type { Segment } from '@churn/domain-customer';
import { freezeEscalation } from '../policy/default-alerting-policy';
import {
  alertCustomer,
  alertSignal,
  raiseCommand,
  raisedEvents,
  riskCause,
  TEST_AT,
  TEST_DIRECTORY,
  TEST_POLICY,
  withAbsence,
} from '../testing';
import type { AlertEventOf } from './alert-event';
import type { RaiseAlert } from './alert-commands';
import { alertDecider } from './decide-alert';

const raised = (overrides: Partial<RaiseAlert['data']> = {}) =>
  raisedEvents(overrides).find(
    (e): e is AlertEventOf<'RetentionAlertRaised'> => e.type === 'RetentionAlertRaised',
  )?.data;

const told = (overrides: Partial<RaiseAlert['data']> = {}) =>
  raisedEvents(overrides)
    .filter(
      (e): e is AlertEventOf<'AlertNotificationRequested'> =>
        e.type === 'AlertNotificationRequested',
    )
    .map((e) => [e.data.recipientId, e.data.purpose]);

describe('a critical risk for a fortune-tier customer of RM-1', () => {
  it('opens an alert with RM-1, tells the team supervisor, and records why', () =>
    spec(alertDecider)
      .given([])
      .when(raiseCommand())
      .then([
        {
          type: 'RetentionAlertRaised',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            customer: alertCustomer(),
            severity: 'critical',
            cause: riskCause(),
            signals: [alertSignal('payroll-stopped')],
            level: 'rm',
            holder: { kind: 'staff', staffId: 'RM-1' },
            holderNote: null,
            informed: ['SUP-1'],
            suggestedActions: [1, 2, 4, 5, 8, 9],
            escalation: freezeEscalation(TEST_POLICY, 'fortune'),
            occurredAt: TEST_AT,
          },
        },
        {
          type: 'AlertNotificationRequested',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            notificationId: 'A-1:raised:0',
            recipientId: 'RM-1',
            purpose: 'raised',
            severity: 'critical',
            channels: ['email', 'webhook', 'inbox'],
            occurredAt: TEST_AT,
          },
        },
        {
          type: 'AlertNotificationRequested',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            notificationId: 'A-1:informed:1',
            recipientId: 'SUP-1',
            purpose: 'informed',
            severity: 'critical',
            channels: ['email', 'webhook', 'inbox'],
            occurredAt: TEST_AT,
          },
        },
      ]));

  it('cannot be raised twice on one stream', () =>
    spec(alertDecider)
      .given(raisedEvents())
      .when(raiseCommand())
      .thenThrows('alert-already-raised'));
});

describe('routing by the tier of what the bank stands to lose (issue 5 §2)', () => {
  it.each([
    [
      'an ordinary customer goes to the team queue, told to its RMs',
      'ordinary',
      { kind: 'team-queue', teamId: 'T-1' },
      [
        ['RM-1', 'raised'],
        ['RM-2', 'raised'],
      ],
    ],
    [
      'a wealth-management customer goes to the RM alone',
      'wealth-management',
      { kind: 'staff', staffId: 'RM-1' },
      [['RM-1', 'raised']],
    ],
    [
      'a fortune customer goes to the RM, the supervisor informed',
      'fortune',
      { kind: 'staff', staffId: 'RM-1' },
      [
        ['RM-1', 'raised'],
        ['SUP-1', 'informed'],
      ],
    ],
    [
      'a private-banking customer goes to the RM and the branch head at once',
      'private-banking',
      { kind: 'staff', staffId: 'RM-1' },
      [
        ['RM-1', 'raised'],
        ['HEAD-1', 'informed'],
      ],
    ],
  ] as const)('%s', (_routing, valueTier, holder, notified) => {
    const overrides = { customer: alertCustomer({ valueTier }) };
    expect(raised(overrides)?.holder).toEqual(holder);
    expect(told(overrides)).toEqual(notified);
  });

  it('says why an ordinary customer’s alert is with the team queue', () =>
    expect(raised({ customer: alertCustomer({ valueTier: 'ordinary' }) })?.holderNote).toBe(
      "ordinary customers' alerts go to the team queue",
    ));

  it('routes a private-banking client who has moved money out as private banking, not by today’s tier', () => {
    const alert = raised({
      customer: alertCustomer({ tier: 'wealth-management', valueTier: 'private-banking' }),
    });
    expect(alert?.informed).toEqual(['HEAD-1']);
    expect(alert?.escalation.tier).toBe('private-banking');
  });

  it.each([
    ['an ordinary customer at warning', 'ordinary', 'warning'],
    ['an ordinary customer at watch', 'ordinary', 'watch'],
  ] as const)('opens nothing for %s (below the tier’s minimum)', (_who, valueTier, severity) =>
    spec(alertDecider)
      .given([])
      .when(raiseCommand({ customer: alertCustomer({ valueTier }), severity }))
      .thenNothing(),
  );

  it('opens a watch alert for a wealth-management customer', () =>
    expect(
      raised({ customer: alertCustomer({ valueTier: 'wealth-management' }), severity: 'watch' })
        ?.severity,
    ).toBe('watch'));

  it('sends the alert of a customer without an RM to the team queue, and says so', () => {
    const alert = raised({ customer: alertCustomer({ relationshipManagerId: null }) });
    expect(alert?.holder).toEqual({ kind: 'team-queue', teamId: 'T-1' });
    expect(alert?.holderNote).toBe('the customer has no relationship manager');
  });

  it('sends the alert of an absent RM to the delegate, and says so', () => {
    const directory = withAbsence(TEST_DIRECTORY, 'RM-1', {
      from: '2026-11-30T00:00:00+08:00',
      until: '2026-12-07T00:00:00+08:00',
      delegateId: 'RM-2',
    });
    const alert = raised({ directory });
    expect(alert?.holder).toEqual({ kind: 'staff', staffId: 'RM-2' });
    expect(alert?.holderNote).toBe(
      'RM-1 is absent until 2026-12-07T00:00:00+08:00: RM-2 holds the alert as delegate',
    );
  });

  it('tells nobody twice when the informed supervisor also works the queue', () =>
    expect(
      told({
        customer: alertCustomer({
          valueTier: 'fortune',
          relationshipManagerId: null,
          teamId: 'T-Q',
        }),
      }),
    ).toEqual([['SUP-Q', 'raised']]));

  it('freezes the tier’s SLAs, channels and calendar into the alert', () =>
    expect(raised()?.escalation).toEqual({
      policyVersion: '2026-11-1',
      tier: 'fortune',
      sla: TEST_POLICY.sla.fortune,
      channels: TEST_POLICY.channels,
      calendar: TEST_POLICY.calendar,
      snoozeMaxBusinessMinutes: 2_400,
    }));
});

describe('suggested actions (thesis Table 5.3)', () => {
  it.each([
    ['A', [1, 2, 4, 5, 8, 9]],
    ['B', [1, 2, 4, 7, 8, 9]],
    ['C', [1, 2, 3, 4, 5, 8]],
    ['D', [1, 2, 3, 4, 7, 8]],
    ['E', [1, 2, 3, 6, 7, 8]],
    ['F', [1, 2, 3, 5, 8]],
    ['G', [1, 2, 3, 6, 7]],
    ['H', [1, 2, 3, 6, 7]],
  ] as const)('propose for segment %s the items %j', (segment: Segment, items) =>
    expect(raised({ customer: alertCustomer({ segment }) })?.suggestedActions).toEqual(items),
  );

  it.each([
    ['ordinary', [2, 6]],
    ['wealth-management', [1, 2, 6, 7]],
    ['fortune', [1, 2, 3, 8]],
    ['private-banking', [1, 2, 3, 4, 5, 9]],
  ] as const)(
    'propose to a customer of tier %s without a segment the tier’s default %j',
    (valueTier, items) =>
      expect(
        raised({ customer: alertCustomer({ segment: null, valueTier }) })?.suggestedActions,
      ).toEqual(items),
  );

  it('fall back to `none` when the policy has no default for the tier', () => {
    const policy = {
      ...TEST_POLICY,
      suggestedActions: { ...TEST_POLICY.suggestedActions, 'none:fortune': undefined },
    };
    expect(
      raised({
        policy: policy as unknown as typeof TEST_POLICY,
        customer: alertCustomer({ segment: null }),
      })?.suggestedActions,
    ).toEqual([2, 6]);
  });
});

describe('a new raise soon after the customer’s last alert was resolved (noise control)', () => {
  const resolvedAt = '2026-11-20T01:00:00.000Z';

  it('is held back when no more severe, recorded as throttled, and tells nobody', () =>
    spec(alertDecider)
      .given([])
      .when(raiseCommand({ previousResolution: { resolvedAt, severity: 'critical' } }))
      .then([
        {
          type: 'RetentionAlertRaiseSuppressed',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            cause: riskCause(),
            severity: 'critical',
            why: 'throttled',
            occurredAt: TEST_AT,
          },
        },
      ]));

  it('opens an alert when more severe than the one resolved', () =>
    expect(raised({ previousResolution: { resolvedAt, severity: 'warning' } })).toBeDefined());

  it('opens an alert once the throttle window (30 days) has passed', () =>
    expect(
      raised({
        previousResolution: { resolvedAt: '2026-10-31T01:00:00.000Z', severity: 'critical' },
      }),
    ).toBeDefined());

  it('still lets the stream raise after a suppressed raise', () =>
    spec(alertDecider)
      .given(raisedEvents({ previousResolution: { resolvedAt, severity: 'critical' } }))
      .when(raiseCommand({ at: '2026-12-25T01:00:00.000Z' }))
      .then(raisedEvents({ at: '2026-12-25T01:00:00.000Z' })));
});
