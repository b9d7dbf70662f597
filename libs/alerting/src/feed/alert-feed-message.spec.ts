import {
  RETENTION_ALERT_EVENT_TYPES,
  alertEvent,
  type RetentionAlertEvent,
} from '@churn/domain-alert';
import { raisedEvents, riskCause, TEST_AT, TEST_POLICY } from '@churn/domain-alert/testing';
import type { RecordedEvent } from '@churn/event-store';
import { isOnTheFeed, toFeedMessage } from './alert-feed-message';

const AT = TEST_AT;
const RM = { kind: 'staff', staffId: 'RM-1' } as const;
const SUP = { kind: 'staff', staffId: 'SUP-1' } as const;

/** The event as the store hands it back (only the id matters to the message). */
const recorded = (event: RetentionAlertEvent): RecordedEvent => ({
  id: 'event-7',
  type: event.type,
  data: event.data,
  metadata: { occurredAt: event.data.occurredAt, schemaVersion: event.schemaVersion },
  stream: 'alert-A-1',
  revision: 7,
  position: 70,
  recordedAt: AT,
});

const payload = (event: RetentionAlertEvent): Record<string, unknown> => {
  const message = toFeedMessage(recorded(event), event, 'C-1');
  return JSON.parse(String(message.value)) as Record<string, unknown>;
};

const raised = raisedEvents()[0] as RetentionAlertEvent;
const base = { alertId: 'A-1', occurredAt: AT };

describe('which alert events a CRM hears of', () => {
  it('every lifecycle event, none of the notification bookkeeping or suppressed raises', () => {
    expect(RETENTION_ALERT_EVENT_TYPES.filter(isOnTheFeed)).toEqual([
      'RetentionAlertRaised',
      'RetentionAlertRiskMerged',
      'RetentionAlertRiskEased',
      'RetentionAlertAcknowledged',
      'RetentionContactLogged',
      'RetentionAlertSnoozed',
      'RetentionAlertReassigned',
      'RetentionAlertEscalated',
      'RetentionAlertSlaBreached',
      'RetentionAlertResolved',
      'RetentionAlertReopened',
    ]);
    expect(isOnTheFeed('ChurnRiskRaised')).toBe(false);
  });
});

describe('a feed message', () => {
  it('is keyed by the customer and headed by the stored event id, type and alert', () => {
    const message = toFeedMessage(recorded(raised), raised, 'C-1');
    expect(message.key).toBe('C-1');
    expect(message.headers).toEqual({
      'event-id': 'event-7',
      'event-type': 'RetentionAlertRaised',
      'alert-id': 'A-1',
    });
  });

  it.each<[string, RetentionAlertEvent, Record<string, unknown>]>([
    [
      'a raise: severity, level, holder, the policy it froze',
      raised,
      { severity: 'critical', level: 'rm', holder: RM, policyVersion: TEST_POLICY.version },
    ],
    [
      'a contact: level and channel, not what was said or agreed',
      alertEvent('RetentionContactLogged', {
        ...base,
        by: 'RM-1',
        level: 'rm',
        channel: 'visit',
        summary: 'Customer says the rate at the other bank is 2.1%',
        nextStep: 'Call back on Friday with an offer',
        nextStepDueAt: null,
      }),
      { level: 'rm', channel: 'visit' },
    ],
    [
      'a snooze: nothing of its reason',
      alertEvent('RetentionAlertSnoozed', { ...base, by: 'RM-1', until: AT, reason: 'on leave' }),
      {},
    ],
    [
      'a reassignment: the new holder',
      alertEvent('RetentionAlertReassigned', {
        ...base,
        by: 'SUP-1',
        from: RM,
        to: { kind: 'team-queue', teamId: 'T-1' },
        reason: 'RM off sick',
      }),
      { holder: { kind: 'team-queue', teamId: 'T-1' } },
    ],
    [
      'an escalation by an SLA: the new level and holder, the rule as reason',
      alertEvent('RetentionAlertEscalated', {
        ...base,
        fromLevel: 'rm',
        toLevel: 'supervisor',
        from: RM,
        to: SUP,
        holderNote: null,
        trigger: { kind: 'sla', rule: 'rm/acknowledge', dueAt: AT },
      }),
      { level: 'supervisor', holder: SUP, reason: 'rm/acknowledge' },
    ],
    [
      "a manual escalation: 'manual', not the person's words",
      alertEvent('RetentionAlertEscalated', {
        ...base,
        fromLevel: 'rm',
        toLevel: 'supervisor',
        from: RM,
        to: SUP,
        holderNote: null,
        trigger: { kind: 'manual', by: 'RM-1', reason: 'customer asked for my manager' },
      }),
      { level: 'supervisor', holder: SUP, reason: 'manual' },
    ],
    [
      'a breach at the top: the rule',
      alertEvent('RetentionAlertSlaBreached', { ...base, rule: 'branch-head/resolve', dueAt: AT }),
      { reason: 'branch-head/resolve' },
    ],
    [
      "a resolution: level, outcome and reason code, not the reason's text",
      alertEvent('RetentionAlertResolved', {
        ...base,
        by: 'RM-1',
        level: 'rm',
        outcome: 'lost',
        reason: 'other',
        reasonText: 'moved to his brother-in-law at another bank',
      }),
      { level: 'rm', outcome: 'lost', reason: 'other' },
    ],
    [
      'an eased risk: the fact alone',
      alertEvent('RetentionAlertRiskEased', { ...base, cause: riskCause() }),
      {},
    ],
  ])('for %s', (_, event, details) => {
    expect(payload(event)).toEqual({
      eventId: 'event-7',
      alertId: 'A-1',
      customerId: 'C-1',
      type: event.type,
      occurredAt: AT,
      ...details,
    });
  });
});
