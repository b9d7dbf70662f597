// Tries a notification's channels in order and stops at the first that delivers. Every attempt
// is returned, failed ones included, so the alerting feature records each as an event and a
// failing channel stays visible even when a later one delivered (issue 5 §4).
import {
  failed,
  type ChannelName,
  type DeliveryResult,
  type NotificationSender,
  type OutboundNotification,
} from './channel';
import { describeError } from './describe-error';

export interface DeliveryAttempt {
  readonly channel: ChannelName;
  /** 1-based over the whole chain. */
  readonly attempt: number;
  readonly result: DeliveryResult;
}

export async function deliverWithFallback(
  senders: readonly NotificationSender[],
  notification: OutboundNotification,
  channels: readonly ChannelName[],
): Promise<DeliveryAttempt[]> {
  const attempts: DeliveryAttempt[] = [];
  for (const channel of channels) {
    const sender = senders.find((s) => s.channel === channel);
    const result = sender
      ? await sendSafely(sender, notification)
      : failed('channel not configured');
    attempts.push({ channel, attempt: attempts.length + 1, result });
    if (result.outcome === 'delivered') break;
  }
  return attempts;
}

/** True when some attempt delivered; false means the notification is undeliverable. */
export function wasDelivered(attempts: readonly DeliveryAttempt[]): boolean {
  return attempts.some((a) => a.result.outcome === 'delivered');
}

/** Senders resolve `failed`; one that throws anyway (a bug) is recorded, not allowed to stop the chain. */
async function sendSafely(
  sender: NotificationSender,
  notification: OutboundNotification,
): Promise<DeliveryResult> {
  try {
    return await sender.send(notification);
  } catch (error) {
    return failed(`${sender.channel} sender threw: ${describeError(error)}`);
  }
}
