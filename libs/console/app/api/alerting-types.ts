/**
 * What the alerting API answers (libs/alerting/src/api: alert-view.ts, alert-detail.ts,
 * team-sla.ts, auth): the console's copy of the shapes it reads. The words of the closed
 * vocabularies are plain strings here: a newer server may know more of them.
 */
export type StaffRole = 'rm' | 'supervisor' | 'branch-head' | 'auditor' | 'operator';

export interface Staff {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly teamId: string | null;
  readonly branchId: string;
  readonly supervisedTeamIds?: readonly string[];
  readonly headedBranchIds?: readonly string[];
}

export interface DemoLogin {
  readonly accessToken: string;
  readonly expiresAt?: string;
  readonly staff: Staff;
}

export interface AlertCustomer {
  readonly customerId: string;
  readonly tier: string;
  readonly valueTier: string;
  readonly aumMinor: number;
  readonly peakAumMinor: number;
  readonly segment: string | null;
  readonly relationshipManagerId: string | null;
  readonly teamId: string | null;
  readonly branchId: string | null;
}

export type AlertHolder =
  | { readonly kind: 'staff'; readonly staffId: string }
  | { readonly kind: 'team-queue'; readonly teamId: string };

export interface SlaCountdown {
  readonly rule: string;
  readonly dueAt: string;
  readonly businessMinutesLeft: number;
  readonly overdue: boolean;
}

export interface AlertItem {
  readonly alertId: string;
  readonly customer: AlertCustomer;
  readonly tier: string;
  readonly severity: string;
  readonly score: number | null;
  readonly priority: number;
  readonly level: string;
  readonly holder: AlertHolder;
  readonly holderNote: string | null;
  readonly status: 'open' | 'resolved';
  readonly raisedAt: string;
  readonly acknowledgedAt: string | null;
  readonly contactedAt: string | null;
  readonly snoozedUntil: string | null;
  readonly riskEased: boolean;
  readonly signals: readonly { readonly code: string; readonly explanation: string }[];
  readonly suggestedActions: readonly { readonly item: number; readonly name: string }[];
  readonly sla: SlaCountdown | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  readonly total: number;
}

export interface AlertSignal {
  readonly code: string;
  readonly explanation: string;
  readonly strengthBasisPoints?: number;
  readonly evidenceEventIds?: readonly string[];
}

export interface RiskCause {
  readonly riskEventId: string;
  readonly riskEventType: string;
  readonly score: number;
  readonly riskPolicyVersion: string;
  readonly assessedOn: string;
}

export interface HistoryEntry {
  readonly revision: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly occurredAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface NotificationView {
  readonly notificationId: string;
  readonly recipientId: string;
  readonly purpose: string;
  readonly channels: readonly string[];
  readonly requestedAt: string;
  readonly deliveredBy: string | null;
  readonly undeliverable: boolean;
  readonly attempts: readonly {
    readonly attempt: number;
    readonly channel: string;
    readonly outcome: 'delivered' | 'failed';
    readonly failure: string | null;
    readonly at: string;
  }[];
}

export interface Resolution {
  readonly outcome: string;
  readonly reason: string;
  readonly reasonText?: string | null;
}

export interface AlertDetail extends Omit<AlertItem, 'signals'> {
  readonly signals: readonly AlertSignal[];
  readonly causes: readonly RiskCause[];
  readonly informed: readonly string[];
  readonly contacts: number;
  readonly escalations: number;
  readonly resolution: Resolution | null;
  readonly history: readonly HistoryEntry[];
  readonly notifications: readonly NotificationView[];
}

export interface TeamSlaReport {
  readonly teamId: string;
  readonly from: string;
  readonly to: string;
  readonly raised: number;
  readonly acknowledged: number;
  readonly acknowledgedWithinSla: number;
  readonly contacted: number;
  readonly contactedWithinSla: number;
  readonly escalated: number;
  readonly breachesByRule: Readonly<Record<string, number>>;
  readonly businessMinutesToAcknowledge: {
    readonly median: number | null;
    readonly p90: number | null;
  };
  readonly openNow: number;
}
