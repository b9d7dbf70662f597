import type { Tier } from '@churn/domain-customer';
import type {
  AlertLevel,
  AlertSeverity,
  NotificationChannel,
  ServiceItem,
  SlaKind,
} from '../decider/alert-vocabulary';

/**
 * The routing and escalation policy (issue 5 §2): a versioned file validated at start
 * (ARCHITECTURE.md principle 8). The part that concerns one alert is frozen into it when it is
 * raised (`FrozenEscalation`), so a changed policy never alters an alert already open.
 */
export interface AlertingPolicy {
  readonly version: string;
  readonly routing: Readonly<Record<Tier, TierRouting>>;
  /** SLAs in business minutes, by tier, then severity, then level. */
  readonly sla: Readonly<Record<Tier, Readonly<Record<AlertSeverity, LevelSlas>>>>;
  readonly calendar: CalendarPolicy;
  readonly noise: NoisePolicy;
  readonly snooze: { readonly maxBusinessMinutes: number };
  /** A risk that rises again within this many days of a resolution reopens that alert. */
  readonly reopenWithinDays: number;
  /** Channels tried in order for each level's holder; the first that delivers wins. */
  readonly channels: Readonly<Record<AlertLevel, readonly NotificationChannel[]>>;
  /** Service items a retention alert proposes, by segment (thesis Table 5.3). */
  readonly suggestedActions: Readonly<Record<string, readonly ServiceItem[]>>;
}

export interface TierRouting {
  /** The lowest severity that opens an alert for this tier (ordinary: only `critical`). */
  readonly minimumSeverity: AlertSeverity;
  /** `rm`: the customer's RM (team queue if none); `team-queue`: always the team queue. */
  readonly firstHolder: 'rm' | 'team-queue';
  /** Levels above the holder told at once (fortune: supervisor; private banking: branch head). */
  readonly inform: readonly AlertLevel[];
}

/** The business minutes each clock allows at one level. */
export type LevelSlas = Readonly<Record<AlertLevel, Readonly<Record<SlaKind, number>>>>;

export interface CalendarPolicy {
  /** The bank's time zone offset; the mainland's banks: +08:00. */
  readonly utcOffsetMinutes: number;
  /** Working hours on a working day, minutes after local midnight, e.g. 09:00 → 540. */
  readonly workdayStartMinute: number;
  readonly workdayEndMinute: number;
  /** Dates `YYYY-MM-DD` that are not worked although Monday–Friday (public holidays). */
  readonly holidays: readonly string[];
  /** Dates `YYYY-MM-DD` that are worked although Saturday or Sunday (调休 make-up days). */
  readonly makeUpWorkdays: readonly string[];
}

export interface NoisePolicy {
  /** After a resolution, a new raise of the same or lower severity within this many days is held back. */
  readonly throttleDays: number;
  /** Notifications to one person within this many seconds are grouped into one digest... */
  readonly digestWindowSeconds: number;
  /** ...except alerts at or above this severity, which go at once. */
  readonly immediateSeverity: AlertSeverity;
}

/**
 * What an alert keeps of the policy from the moment it is raised: the policy version, its tier's
 * SLAs for every severity (severity may rise while open), the channels and the calendar. Escalation
 * deadlines are computed from this alone.
 */
export interface FrozenEscalation {
  readonly policyVersion: string;
  readonly tier: Tier;
  readonly sla: Readonly<Record<AlertSeverity, LevelSlas>>;
  readonly channels: Readonly<Record<AlertLevel, readonly NotificationChannel[]>>;
  readonly calendar: CalendarPolicy;
  readonly snoozeMaxBusinessMinutes: number;
}
