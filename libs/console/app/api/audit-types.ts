/**
 * What the audit API answers (libs/audit/src: history, as-of, explain, rerun, analytics, ops):
 * the console's copy of the shapes it reads. Fields the console does not read are left out;
 * optional ones are those the routes may leave out.
 */
import type { TeamSlaReport } from './alerting-types';
import type { MarkerKind } from './vocabulary';

export interface TimelinePoint {
  readonly date: string;
  readonly aumMinor: number;
}

export interface TimelineMarker {
  readonly date: string;
  readonly kind: MarkerKind | string;
  readonly label: string;
  readonly eventId?: string;
}

/** `GET /audit/customers/:id/timeline`: end-of-day AUM per bank day, and what happened. */
export interface CustomerTimeline {
  readonly from?: string;
  readonly to?: string;
  readonly series: readonly TimelinePoint[];
  readonly markers: readonly TimelineMarker[];
}

/** A stored event as the audit API shows it (libs/audit/src/history/stored-event.ts). */
export interface StoredEvent {
  readonly eventId: string;
  readonly type: string;
  readonly stream?: string;
  readonly revision?: number;
  readonly position?: number;
  readonly occurredAt: string;
  readonly recordedAt?: string;
  readonly source?: SourceCoordinates | null;
  readonly data?: unknown;
}

export interface SourceCoordinates {
  readonly topic: string | null;
  readonly partition: number | null;
  readonly offset: string | null;
}

export interface EventsPage {
  readonly items: readonly StoredEvent[];
  readonly nextCursor?: string | null;
}

/** `GET /audit/customers/:id/state?at=`: the customer folded up to that moment. */
export interface CustomerStateAsOf {
  readonly customerId: string;
  readonly at: string;
  readonly eventsFolded: number;
  readonly factsFolded: number;
  readonly lastOccurredAt?: string | null;
  readonly aumMinor: number;
  readonly tier: string;
  readonly segment: string | null;
  readonly lifecycleStage: string | null;
  readonly relationshipManager: { readonly rmId: string; readonly teamId: string | null } | null;
  readonly payroll: readonly {
    readonly employerId: string;
    readonly lastCredit: { readonly date: string; readonly amountMinor: number } | null;
    readonly cadence: {
      readonly established: boolean;
      readonly expectedNextPayDate: string | null;
    };
  }[];
  readonly holdings: readonly {
    readonly holdingId: string;
    readonly kind: string;
    readonly principalMinor: number;
    readonly maturesOn: string | null;
    readonly status: string;
  }[];
  readonly complaints: { readonly count: number };
  readonly latestNps: { readonly score: number; readonly npsClass: string } | null;
  readonly contacts?: { readonly lastOn: string | null };
  readonly activity?: { readonly lastOn: string | null };
  readonly risk: {
    readonly status: string;
    readonly band: string;
    readonly score: number;
    readonly assessedOn: string;
    readonly signals: readonly { readonly code: string }[];
  } | null;
}

/** `GET /audit/customers/:id/diff?from&to`: what changed in the folded state. */
export interface StateDiff {
  readonly changes: readonly {
    readonly path: string;
    readonly from: unknown;
    readonly to: unknown;
  }[];
}

export interface Measure {
  readonly name: string;
  readonly value: number;
  readonly threshold: number;
  readonly unit: string;
}

export interface EvidenceEvent extends Partial<StoredEvent> {
  readonly eventId: string;
  readonly found: boolean;
  readonly raw: {
    readonly status: string;
    readonly value?: string | null;
    readonly note?: string;
  } | null;
}

/** `GET /audit/alerts/:id/explanation` (libs/audit/src/explain/alert-explanation.ts). */
export interface AlertExplanation {
  readonly alert: Readonly<Record<string, unknown>> & {
    readonly alertId: string;
    readonly customer: { readonly customerId: string };
    readonly severity: string;
    readonly level: string;
    readonly status: string;
  };
  readonly policies: {
    readonly alerting: { readonly version: string; readonly tier: string };
    readonly risk: readonly { readonly version: string; readonly known: boolean }[];
  };
  readonly causes: readonly {
    readonly riskEventId: string;
    readonly riskEventType: string;
    readonly score: number;
    readonly band: string | null;
    readonly assessedOn: string;
    readonly riskPolicyVersion: string;
    readonly signals: readonly {
      readonly code: string;
      readonly explanation: string;
      readonly measures: readonly Measure[];
      readonly evidence: readonly EvidenceEvent[];
    }[];
  }[];
  readonly escalations: readonly Readonly<Record<string, unknown>>[];
  readonly actions: readonly {
    readonly action: string;
    readonly by: string;
    readonly at: string;
    readonly details: Readonly<Record<string, unknown>>;
  }[];
}

/** `GET /audit/customers/:id/rerun`: does replaying the risk engine give the stored events? */
export interface RerunReport {
  readonly reproduced: boolean;
  readonly policy: { readonly version: string };
  readonly recorded: readonly unknown[];
  readonly differences: readonly unknown[];
  readonly limitations?: readonly string[];
}

export interface MessageCounts {
  readonly consumed: number;
  readonly stored: number;
  readonly deadLettered: number;
}

/** `GET /ops/ingestion` (libs/audit/src/ops/operations.service.ts). */
export interface IngestionOps {
  readonly mode: string;
  readonly at: string;
  readonly throughput: {
    readonly consumerInProcess: boolean;
    readonly totals: MessageCounts;
    readonly byTopic: readonly (MessageCounts & { readonly topic: string })[];
    readonly deadLetteredByReason: readonly {
      readonly topic: string;
      readonly reason: string;
      readonly count: number;
    }[];
    readonly since: string;
    readonly perSecondSinceStart: MessageCounts;
    readonly perSecondRecent: MessageCounts | null;
  };
  readonly lag: readonly {
    readonly topic: string;
    readonly partition: number;
    readonly lag: number;
    readonly committedOffset: number | null;
  }[];
  readonly deadLetters: {
    readonly source: string;
    readonly items: readonly DeadLetter[];
    readonly nextCursor: string | null;
    readonly complete: boolean;
  };
}

export interface DeadLetter {
  readonly reason: string | null;
  readonly field: string | null;
  readonly detail: string | null;
  readonly source: SourceCoordinates;
  readonly firstSeenAt: string | null;
  readonly key: string | null;
  readonly original: string | null;
  readonly kept:
    | {
        readonly kind: 'kafka';
        readonly topic: string;
        readonly partition: number;
        readonly offset: string;
      }
    | { readonly kind: 'file'; readonly file: string; readonly line: number };
}

/** Inclusive months and how far the read model has read. */
export interface ViewHeader {
  readonly from: string;
  readonly to: string;
  readonly asOf: string | null;
  readonly position: number;
}

export type TierKey = 'ordinary' | 'wealthManagement' | 'fortune' | 'privateBanking';
export const TIER_KEYS: readonly TierKey[] = [
  'ordinary',
  'wealthManagement',
  'fortune',
  'privateBanking',
];
/** The JSON key of a tier, back to the domain's word (`wealthManagement` → `wealth-management`). */
export const tierOfKey = (key: string): string =>
  key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export type PerTier = Readonly<Record<TierKey, number>>;

export interface TierCountsView extends ViewHeader {
  readonly rows: readonly (PerTier & {
    readonly month: string;
    readonly monthEnd: string;
    readonly total: number;
  })[];
}

export interface TierMigrationView extends ViewHeader {
  readonly tiers: readonly TierKey[];
  readonly matrix: readonly (readonly number[])[];
  readonly customersAtFrom: number;
  readonly customersAtTo: number;
  readonly joined: PerTier;
  readonly stayed: number;
  readonly movedUp: number;
  readonly movedDown: number;
}

export interface RetentionFigures {
  readonly headcount: number;
  readonly disbursedMinor: number;
  readonly retainedMinor: number;
  readonly retentionBasisPoints: number | null;
}

export interface EmployerRetentionView extends ViewHeader {
  readonly branch: RetentionFigures & { readonly employers: number };
  readonly employers: readonly (RetentionFigures & {
    readonly employerId: string;
    readonly name: string | null;
  })[];
}

export interface OutcomeCounts {
  readonly retained: number;
  readonly lost: number;
  readonly exitedDeliberately: number;
  readonly falseAlarm: number;
}

export interface AlertFunnelView extends ViewHeader, OutcomeCounts {
  readonly raised: number;
  readonly acknowledged: number;
  readonly contacted: number;
  readonly escalated: number;
  readonly resolved: number;
  readonly stillOpen: number;
}

export interface ChurnOutcomesView extends ViewHeader {
  readonly resolved: number;
  readonly totals: OutcomeCounts;
  readonly byReason: readonly {
    readonly outcome: string;
    readonly reason: string;
    readonly count: number;
  }[];
}

export interface BranchTeamSlaView extends ViewHeader {
  readonly teams: readonly TeamSlaReport[];
}
