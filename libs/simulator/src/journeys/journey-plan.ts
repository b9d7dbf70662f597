import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import type { Tier } from '@churn/domain-customer';

/** The churn journeys the simulator injects, each with a ground-truth label. */
export const CHURN_JOURNEYS = [
  'salary-redirected',
  'gradual-drain',
  'maturity-exit',
  'rate-chasing-transfer',
  'dissatisfied-exit',
  'employer-moved-payroll',
] as const;
export type ChurnJourney = (typeof CHURN_JOURNEYS)[number];

/** Look-alikes: big movements of money that are not churn. */
export const LOOK_ALIKES = ['house-purchase', 'own-account-round-trip'] as const;
export type LookAlikeKind = (typeof LOOK_ALIKES)[number];

/**
 * Ground truth for one lost customer. `lostOn` is the bank day the customer's money is gone:
 * the first day their AUM closes at or below 20% of `levelBeforeMinor` (and below the floor of
 * `tierBefore`), after which it never comes back. `startedOn` is the first day the journey
 * shows in the facts (a rates enquiry, a complaint, a matured product, a missed salary…).
 */
export interface ChurnLabel {
  readonly customerId: string;
  readonly journey: ChurnJourney;
  readonly lostOn: string;
  readonly startedOn: string;
  readonly tierBefore: Tier;
  readonly levelBeforeMinor: MinorUnits;
  /** The payroll employer, for the payroll journeys; null otherwise. */
  readonly employerId: string | null;
}

export interface LookAlikeLabel {
  readonly customerId: string;
  readonly kind: LookAlikeKind;
  /** The day the money left. */
  readonly on: string;
  /** The day it came back (round trip); null for a house purchase. */
  readonly backOn: string | null;
  readonly amountMinor: MinorUnits;
}

export type JourneyStepKind =
  | 'rates-enquiry'
  | 'complaint'
  | 'detractor-survey'
  | 'complaint-contact'
  | 'maturity-reminder'
  | 'drain'
  | 'redeem-all'
  | 'exit'
  | 'close-savings';

/** One dated act of a journey; `share` is the part of AUM a drain moves. */
export interface JourneyStep {
  readonly day: DayNumber;
  readonly second: number;
  readonly kind: JourneyStepKind;
  readonly share: number;
}

/** The big holding a maturity-exit customer lets mature: in the book from the first day. */
export interface MaturingHolding {
  readonly principalMinor: MinorUnits;
  readonly maturesDay: DayNumber;
  readonly termMonths: number;
}

/** A churn journey as planned: its dates are fixed before a single fact is written. */
export interface JourneyPlan {
  readonly kind: ChurnJourney;
  readonly tierBefore: Tier;
  readonly levelBefore: MinorUnits;
  /** What the customer leaves behind; it decides their ordinary band at the snapshot. */
  readonly residual: MinorUnits;
  readonly startDay: DayNumber;
  readonly lostDay: DayNumber;
  /**
   * Until the month of this day the customer's month-end AUM still follows their path (at
   * `levelBefore`): the lost day for most journeys, the first drain for a gradual drain.
   */
  readonly settleStopDay: DayNumber;
  /** The competitor the money goes to. */
  readonly exitBank: string;
  /** Payroll journeys: the first pay day without the salary; null for the others. */
  readonly payrollStopsDay: DayNumber | null;
  /** Salary-redirected: from this day nearly every salary is moved out within two days. */
  readonly precursorFromDay: DayNumber | null;
  readonly maturing: MaturingHolding | null;
  readonly steps: readonly JourneyStep[];
}

/** Where lost money goes: the branch's competitors (names as CONTRACTS.md writes them). */
export const OTHER_BANKS = [
  'China Merchants Bank',
  'Industrial and Commercial Bank of China',
  'China Construction Bank',
  'Agricultural Bank of China',
  'Bank of Communications',
  'Ping An Bank',
  'China CITIC Bank',
  'Postal Savings Bank of China',
] as const;
