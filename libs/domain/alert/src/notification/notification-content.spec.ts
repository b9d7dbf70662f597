import { alertSignal, raisedAlert, riskCause, TEST_DIRECTORY } from '../testing';
import type { NotificationState } from '../decider/alert-state';
import { staffMember } from '../staff/directory-queries';
import { maskCustomerId, notificationContent } from './notification-content';

const alert = raisedAlert({
  signals: [
    alertSignal('payroll-stopped', {
      explanation: 'Salary of 25,000 CNY from employer A did not arrive on 15 November',
    }),
  ],
});
const notification = alert.notifications[0] as NotificationState;
const rm = staffMember(TEST_DIRECTORY, 'RM-1');

describe('masking a customer id', () => {
  it.each([
    ['C0012345612', 'C0****12'],
    ['C01234', 'C0****34'],
    ['C012', '****'],
  ])('shows %s as %s', (id, masked) => expect(maskCustomerId(id)).toBe(masked));
});

describe('an e-mail about a new critical alert (it leaves the bank’s systems)', () => {
  const content = notificationContent(alert, notification, rm, 'email');

  it('names the severity, the value tier and the masked customer in the subject', () =>
    expect(content.subject).toBe('[critical] New retention alert: fortune customer C0****12'));

  it('never shows the full customer id', () =>
    expect(JSON.stringify(content)).not.toContain('C0012345612'));

  it('gives the reasons in plain words, without the customer’s amounts', () => {
    expect(content.text).toContain('- salary no longer arrives');
    expect(JSON.stringify(content)).not.toContain('25,000');
  });

  it('gives the AUM as a tier only', () => {
    expect(content.payload['valueTier']).toBe('fortune');
    expect(JSON.stringify(content)).not.toMatch(/aum|350000000|300000000/i);
  });

  it('gives the next SLA due time and the link to the alert', () => {
    expect(content.text).toContain('Next deadline: 2026-12-01T09:00:00.000Z.');
    expect(content.text).toContain('Open it: /alerts/A-1');
    expect(content.payload).toMatchObject({
      dueAt: '2026-12-01T09:00:00.000Z',
      link: '/alerts/A-1',
    });
  });

  it('greets the recipient by name', () =>
    expect(content.text.split('\n')[0]).toBe('Dear rm RM-1,'));
});

describe('a webhook about the alert', () => {
  it('carries the same masked payload as the e-mail', () =>
    expect(notificationContent(alert, notification, rm, 'webhook').payload).toEqual(
      notificationContent(alert, notification, rm, 'email').payload,
    ));
});

describe('the inbox of the console (behind login)', () => {
  const content = notificationContent(alert, notification, rm, 'inbox');

  it('shows the full customer id and the signals’ own explanations', () => {
    expect(content.subject).toContain('C0012345612');
    expect(content.text).toContain('Salary of 25,000 CNY from employer A did not arrive');
  });
});

describe('the Kafka record for downstream CRMs', () => {
  const content = notificationContent(alert, notification, null, 'kafka');

  it('carries the customer id in full, the tiers, the severity and the signal codes', () =>
    expect(content.payload).toMatchObject({
      customerId: 'C0012345612',
      tier: 'fortune',
      valueTier: 'fortune',
      severity: 'critical',
      signalCodes: ['payroll-stopped'],
      dueAt: '2026-12-01T09:00:00.000Z',
      link: '/alerts/A-1',
    }));

  it('carries no explanation text and no amounts', () => {
    expect(JSON.stringify(content)).not.toContain('Salary');
    expect(JSON.stringify(content)).not.toMatch(/aum/i);
  });

  it('is its own payload as text', () => expect(JSON.parse(content.text)).toEqual(content.payload));
});

describe('a notice once nothing is running', () => {
  it('says no deadline is running', () => {
    const eased = raisedAlert(
      {},
      {
        type: 'RetentionAlertRiskEased',
        schemaVersion: 1,
        data: {
          alertId: 'A-1',
          cause: riskCause(),
          occurredAt: '2026-12-01T02:00:00.000Z',
        },
      },
    );
    expect(notificationContent(eased, notification, rm, 'email').text).toContain(
      'No deadline is running.',
    );
  });
});
