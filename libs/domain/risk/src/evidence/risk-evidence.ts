import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import type { ComplaintSeverity } from '@churn/domain-facts';
import type { LeavingIntent } from './leaving-intent';

/**
 * What the risk signals need beyond the customer fold: the ids of the events behind each number
 * (ARCHITECTURE.md principle 6: an alert names the events that caused it). Per customer, in
 * compact recent windows, each bounded by days and by count so that memory stays flat over a
 * ten-year history. Like the customer fold, `evolveEvidence` updates the state in place.
 */
export interface PayrollCreditEvidence {
  readonly eventId: string;
  readonly day: DayNumber;
  readonly employerId: string;
  readonly amountMinor: MinorUnits;
}

/** CNY sent to another bank (the drain of the tide, DOMAIN.md §3; large transfers, §4). */
export interface OutflowEvidence {
  readonly eventId: string;
  readonly day: DayNumber;
  readonly amountMinor: MinorUnits;
  readonly counterpartyBank: string | null;
}

/** A product that ended: at maturity (到期) or redeemed early. */
export interface ProductEndEvidence {
  readonly eventId: string;
  readonly holdingId: string;
  readonly day: DayNumber;
  readonly proceedsMinor: MinorUnits;
  readonly how: 'matured' | 'redeemed';
}

/** Money put (back) into products: a rollover (转存) or a new purchase. */
export interface ReinvestmentEvidence {
  readonly eventId: string;
  readonly holdingId: string;
  readonly day: DayNumber;
  readonly principalMinor: MinorUnits;
  readonly how: 'rolled-over' | 'purchased';
}

export interface ComplaintEvidence {
  readonly eventId: string;
  readonly day: DayNumber;
  readonly severity: ComplaintSeverity;
}

/** A contact whose note states an intent to leave (`leavingIntentOf`); other contacts are not kept. */
export interface LeavingIntentEvidence {
  readonly eventId: string;
  readonly day: DayNumber;
  readonly intent: LeavingIntent;
}

export interface SurveyEvidence {
  readonly eventId: string;
  readonly day: DayNumber;
  readonly score: number;
}

/** Customer-initiated activity (DOMAIN.md §9), counted the way the customer fold counts it. */
export interface ActivityEvidence {
  readonly firstDay: DayNumber | null;
  /** Distinct bank days with activity, ever. */
  readonly activeDays: number;
  /** Distinct active days within the last `ACTIVITY_DAYS_KEPT` days, ascending. */
  readonly recentDays: readonly DayNumber[];
  readonly lastEventId: string | null;
  readonly lastDay: DayNumber | null;
}

export interface RiskEvidence {
  readonly customerId: string | null;
  /** The first bank day folded: windows reaching before it know nothing, not zero. */
  readonly firstDay: DayNumber | null;
  /** The latest bank day seen; a late fact is booked on it, as in the customer fold. */
  readonly lastDay: DayNumber | null;
  readonly payrollCredits: readonly PayrollCreditEvidence[];
  readonly outflows: readonly OutflowEvidence[];
  /**
   * The first day from which `outflows` is complete, or null when nothing was ever dropped
   * for lack of room (the day horizon is covered by the policy's windows, see validation).
   */
  readonly outflowsCompleteFrom: DayNumber | null;
  readonly productEnds: readonly ProductEndEvidence[];
  readonly reinvestments: readonly ReinvestmentEvidence[];
  readonly complaints: readonly ComplaintEvidence[];
  readonly surveys: readonly SurveyEvidence[];
  readonly leavingIntents: readonly LeavingIntentEvidence[];
  readonly activity: ActivityEvidence;
}

/** Two salaries a month for a year: the drain baseline (≤ 7 cycles) and the series' last credits. */
export const PAYROLL_CREDITS_KEPT_FOR_RISK = 24;
/** Seven pay cycles of 31 days plus a 20-day drain window, rounded up. */
export const OUTFLOW_DAYS_KEPT = 240;
/** A bound for customers who send money out many times a day; beyond it the oldest go. */
export const OUTFLOWS_KEPT = 512;
export const PRODUCT_DAYS_KEPT = 180;
export const PRODUCT_EVENTS_KEPT = 48;
export const RELATIONSHIP_DAYS_KEPT = 400;
export const COMPLAINTS_KEPT = 10;
export const SURVEYS_KEPT = 4;
export const LEAVING_INTENTS_KEPT = 6;
export const ACTIVITY_DAYS_KEPT = 200;

export const initialEvidence = (): RiskEvidence => ({
  customerId: null,
  firstDay: null,
  lastDay: null,
  payrollCredits: [],
  outflows: [],
  outflowsCompleteFrom: null,
  productEnds: [],
  reinvestments: [],
  complaints: [],
  surveys: [],
  leavingIntents: [],
  activity: { firstDay: null, activeDays: 0, recentDays: [], lastEventId: null, lastDay: null },
});

/** A deep copy, for a checkpoint the fold will not touch again. */
export const cloneEvidence = (state: RiskEvidence): RiskEvidence => structuredClone(state);
