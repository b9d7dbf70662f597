import type { NotificationChannel } from '@churn/domain-alert';

/** A notification requested on an alert and not yet delivered or given up on. */
export interface PendingNotification {
  readonly alertId: string;
  readonly notificationId: string;
  readonly recipientId: string;
  readonly channels: readonly NotificationChannel[];
  readonly requestedMs: number;
  /** At or above the policy's immediate severity: sent at once, never held for a digest. */
  readonly immediate: boolean;
  /** After a failed record: not sent again before this instant, nor more often than that. */
  readonly notBeforeMs?: number;
  readonly retries?: number;
}

/** One message to send: a notification alone, or several to one person as a digest. */
export interface Delivery {
  readonly members: readonly PendingNotification[];
  readonly digest: boolean;
}

/**
 * What waits to be sent (issue 5 §2, noise control). Immediate notifications go at once. The
 * others wait in a group per recipient (and channel list): the first one opens a window of
 * `windowMs`, and when it closes everything requested within it goes as one digest.
 */
export class NotificationQueue {
  private readonly pending = new Map<string, PendingNotification>();
  private immediate: PendingNotification[] = [];
  private readonly groups = new Map<string, PendingNotification[]>();
  private readonly taken = new Set<string>();

  get size(): number {
    return this.pending.size;
  }

  has(notificationId: string): boolean {
    return this.pending.has(notificationId);
  }

  add(p: PendingNotification): void {
    if (this.pending.has(p.notificationId)) return;
    this.pending.set(p.notificationId, p);
    if (p.immediate) return void this.immediate.push(p);
    const key = `${p.recipientId}|${p.channels.join(',')}`;
    const group = this.groups.get(key);
    if (group) group.push(p);
    else this.groups.set(key, [p]);
  }

  /** Settled (delivered or undeliverable): never sent again. */
  remove(notificationId: string): void {
    this.pending.delete(notificationId);
    this.taken.delete(notificationId);
  }

  /**
   * Taken but not settled (the store refused the record): sent again by a later `take`, after a
   * back-off that doubles up to a minute, so an unavailable store does not turn into a flood.
   */
  putBack(p: PendingNotification, nowMs: number): void {
    if (!this.taken.delete(p.notificationId)) return;
    this.pending.delete(p.notificationId);
    const retries = (p.retries ?? 0) + 1;
    this.add({ ...p, retries, notBeforeMs: nowMs + Math.min(60_000, 1_000 * 2 ** (retries - 1)) });
  }

  /** The deliveries due at `nowMs`; what they hold is taken until removed or put back. */
  take(nowMs: number, windowMs: number): Delivery[] {
    const deliveries: Delivery[] = [];
    const later: PendingNotification[] = [];
    for (const p of this.immediate) {
      if (!this.isWaiting(p)) continue;
      if ((p.notBeforeMs ?? 0) > nowMs) later.push(p);
      else deliveries.push({ members: [p], digest: false });
    }
    this.immediate = later;
    for (const [key, group] of this.groups) {
      const waiting = group.filter((p) => this.isWaiting(p));
      if (waiting.length === 0) {
        this.groups.delete(key);
        continue;
      }
      const opened = waiting.reduce((min, p) => Math.min(min, p.requestedMs), Infinity);
      const retryAt = waiting.reduce((max, p) => Math.max(max, p.notBeforeMs ?? 0), 0);
      if (nowMs < opened + windowMs || nowMs < retryAt) {
        this.groups.set(key, waiting);
        continue;
      }
      const members = waiting.filter((p) => p.requestedMs < opened + windowMs);
      const next = waiting.filter((p) => p.requestedMs >= opened + windowMs);
      if (next.length > 0) this.groups.set(key, next);
      else this.groups.delete(key);
      deliveries.push({ members, digest: members.length > 1 });
    }
    for (const d of deliveries) for (const p of d.members) this.taken.add(p.notificationId);
    return deliveries;
  }

  private isWaiting(p: PendingNotification): boolean {
    return this.pending.get(p.notificationId) === p && !this.taken.has(p.notificationId);
  }
}
