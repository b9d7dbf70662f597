// Every notification the alert streams asked for (AlertNotificationRequested, folded into each
// alert's `notifications`) against what the real SMTP server received. A mail carries its
// notification id as Message-ID and X-Churn-Notification-Id; a digest (several notifications to
// one person within the policy's window) carries the id derived from its members' ids
// (`digestId`), so its members are found by re-deriving that id from the notifications of the
// alerts it lists. Then: lost = recorded as delivered by e-mail but never received; sent twice =
// one notification in two different messages; repeated = the same message (Message-ID) received
// again, which a receiver drops (delivery is at least once, with the notification id as key).
import { digestId } from '@churn/alerting';
import type { NotificationState, RaisedAlert, StaffDirectory } from '@churn/domain-alert';
import type { ReceivedMail } from '@churn/notification/testing';

export interface NotificationAccount {
  readonly requested: number;
  readonly deliveredBy: Readonly<Record<string, number>>;
  readonly undeliverable: number;
  /** Requested, with no outcome recorded yet. */
  readonly waiting: number;
  readonly mails: number;
  readonly distinctMessages: number;
  readonly digests: number;
  /** Notifications received (each counted once, whatever the number of copies). */
  readonly received: number;
  /** Extra copies of a message already received (same Message-ID). */
  readonly repeated: number;
  readonly lost: readonly string[];
  readonly sentTwice: readonly string[];
  /** Received, but the alert does not record an e-mail delivery. */
  readonly unrecorded: readonly string[];
  /** Mails that name no requested notification. */
  readonly unknown: readonly string[];
  /** Sent to an address that is not the recipient's in the staff directory. */
  readonly misaddressed: readonly string[];
}

interface Member {
  readonly alertId: string;
  readonly n: NotificationState;
}

const DIGEST_BLOCK = /^\d+\. \[(\w+)\] [^\n]*\n[\s\S]*?Open it: \/alerts\/(\S+)/gm;

/** The notifications a digest carries: the combination of candidates whose derived id is its id. */
const digestMembers = (
  mail: ReceivedMail,
  id: string,
  recipientId: string,
  byAlert: ReadonlyMap<string, readonly Member[]>,
): readonly string[] | null => {
  const slots: string[][] = [];
  for (const match of mail.text.matchAll(DIGEST_BLOCK)) {
    const [, severity, alertId] = match;
    const candidates = (byAlert.get(decodeURIComponent(alertId ?? '')) ?? [])
      .filter((m) => m.n.recipientId === recipientId && m.n.severity === severity)
      .map((m) => m.n.notificationId);
    slots.push(candidates);
  }
  if (slots.length === 0 || slots.some((s) => s.length === 0)) return null;
  let combos: string[][] = [[]];
  for (const slot of slots) {
    combos = combos.flatMap((combo) =>
      slot.filter((c) => !combo.includes(c)).map((c) => [...combo, c]),
    );
    if (combos.length > 100_000) return null;
  }
  return combos.find((combo) => digestId(combo) === id) ?? null;
};

export function accountNotifications(
  alerts: readonly RaisedAlert[],
  mails: readonly ReceivedMail[],
  directory: StaffDirectory,
): NotificationAccount {
  const byId = new Map<string, Member>();
  const byAlert = new Map<string, Member[]>();
  for (const alert of alerts)
    for (const n of alert.notifications) {
      const member = { alertId: alert.alertId, n };
      byId.set(n.notificationId, member);
      byAlert.set(alert.alertId, [...(byAlert.get(alert.alertId) ?? []), member]);
    }
  const staffByEmail = new Map(
    directory.staff.filter((s) => s.email).map((s) => [String(s.email).toLowerCase(), s.staffId]),
  );
  const emailOf = new Map(directory.staff.map((s) => [s.staffId, s.email?.toLowerCase() ?? '']));

  const messagesOf = new Map<string, Set<string>>(); // notification id → Message-IDs
  const seen = new Set<string>();
  let repeated = 0;
  let digests = 0;
  const unknown: string[] = [];
  const misaddressed: string[] = [];
  for (const mail of mails) {
    if (seen.has(mail.messageId)) {
      repeated += 1;
      continue;
    }
    seen.add(mail.messageId);
    const id = mail.headers['x-churn-notification-id'] ?? '';
    const to = (mail.envelope.to[0] ?? '').toLowerCase();
    const recipientId = staffByEmail.get(to) ?? '';
    const single = byId.get(id);
    const members = single ? [id] : digestMembers(mail, id, recipientId, byAlert);
    if (members === null) {
      unknown.push(`${mail.messageId} to ${to}: ${mail.subject}`);
      continue;
    }
    if (!single) digests += 1;
    for (const member of members) {
      const wanted = emailOf.get(byId.get(member)?.n.recipientId ?? '') ?? '';
      if (wanted !== to) misaddressed.push(`${member} to ${to}, not ${wanted}`);
      messagesOf.set(member, (messagesOf.get(member) ?? new Set()).add(mail.messageId));
    }
  }

  const deliveredBy: Record<string, number> = {};
  let undeliverable = 0;
  let waiting = 0;
  const lost: string[] = [];
  const unrecorded: string[] = [];
  for (const { n } of byId.values()) {
    if (n.deliveredBy !== null) deliveredBy[n.deliveredBy] = (deliveredBy[n.deliveredBy] ?? 0) + 1;
    else if (n.undeliverable) undeliverable += 1;
    else waiting += 1;
    const got = messagesOf.has(n.notificationId);
    if (n.deliveredBy === 'email' && !got) lost.push(n.notificationId);
    if (got && n.deliveredBy !== 'email') unrecorded.push(n.notificationId);
  }
  const sentTwice = [...messagesOf]
    .filter(([, ids]) => ids.size > 1)
    .map(([n, ids]) => `${n} in ${[...ids].join(', ')}`);
  return {
    requested: byId.size,
    deliveredBy,
    undeliverable,
    waiting,
    mails: mails.length,
    distinctMessages: seen.size,
    digests,
    received: messagesOf.size,
    repeated,
    lost,
    sentTwice,
    unrecorded,
    unknown,
    misaddressed,
  };
}

/** The account as report rows. */
export const notificationRows = (a: NotificationAccount): [string, string | number][] => [
  ['notifications requested', a.requested],
  ['delivered (recorded), by channel', JSON.stringify(a.deliveredBy)],
  ['undeliverable / waiting', `${a.undeliverable} / ${a.waiting}`],
  ['mails received (of which digests)', `${a.mails} (${a.digests})`],
  ['notifications received', a.received],
  ['lost / sent twice', `${a.lost.length} / ${a.sentTwice.length}`],
  ['same Message-ID again (receiver drops it)', a.repeated],
];
