import type { OutboundNotification } from '../channel';

/** A notification for RM-007 with an e-mail address and no webhook; override what a test needs. */
export function anOutboundNotification(
  overrides: Partial<Omit<OutboundNotification, 'recipient'>> & {
    readonly recipient?: Partial<OutboundNotification['recipient']>;
  } = {},
): OutboundNotification {
  const { recipient, ...rest } = overrides;
  return {
    notificationId: 'ntf-alert-42-raised',
    alertId: 'alert-42',
    recipient: { staffId: 'RM-007', email: 'rm007@bank.example', webhookUrl: null, ...recipient },
    severity: 'high',
    subject: 'Churn risk: customer C-1001 (payroll stopped)',
    text: 'Payroll credits for C-1001 stopped 2 months ago.\nPlease contact the customer.',
    payload: { alertId: 'alert-42', customerId: 'C-1001', severity: 'high', score: 82 },
    partitionKey: 'C-1001',
    ...rest,
  };
}
