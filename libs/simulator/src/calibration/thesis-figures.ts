import type { OrdinaryBand, Tier } from '@churn/domain-customer';

/** The figures of the thesis (DOMAIN.md) the simulated branch is calibrated to. */

/** §3.2.1: ZG Bank X branch had 213,500 personal customers in May 2023. */
export const THESIS_CUSTOMERS = 213_500;

export type MidHighTier = Exclude<Tier, 'ordinary'>;
export const MID_HIGH_TIERS: readonly MidHighTier[] = [
  'private-banking',
  'fortune',
  'wealth-management',
];

/** Table 3.1, May 2023: the snapshot. */
export const SNAPSHOT_TIER_COUNTS: Readonly<Record<MidHighTier, number>> = {
  'wealth-management': 5_373,
  fortune: 1_010,
  'private-banking': 50,
};

/** Table 3.1, June 2022: a year before the snapshot. */
export const YEAR_BEFORE_TIER_COUNTS: Readonly<Record<MidHighTier, number>> = {
  'wealth-management': 4_594,
  fortune: 883,
  'private-banking': 57,
};

/**
 * §3.2.1: in the year to May 2023, 12 of 57 private-banking clients left (21%), 271 fortune and
 * 1,247 wealth-management customers dropped out of their tier.
 */
export const TIER_LOSSES_PER_YEAR: Readonly<Record<MidHighTier, number>> = {
  'wealth-management': 1_247,
  fortune: 271,
  'private-banking': 12,
};

/** The share of a tier's year-before population lost in a year: PB 21%, fortune 31%, WM 27%. */
export const tierLossRate = (tier: MidHighTier): number =>
  TIER_LOSSES_PER_YEAR[tier] / YEAR_BEFORE_TIER_COUNTS[tier];

/** All three tiers together: 1,530 of 5,534 mid/high-end customers a year (27.6%). */
export const THESIS_CHURN_RATE =
  (TIER_LOSSES_PER_YEAR['wealth-management'] +
    TIER_LOSSES_PER_YEAR.fortune +
    TIER_LOSSES_PER_YEAR['private-banking']) /
  (YEAR_BEFORE_TIER_COUNTS['wealth-management'] +
    YEAR_BEFORE_TIER_COUNTS.fortune +
    YEAR_BEFORE_TIER_COUNTS['private-banking']);

/**
 * Customers of a tier at the snapshot who were not in it a year before: the tier's growth, plus
 * its losses, plus those who moved up into the next tier (who left this one without being lost).
 * Private banking 50 − 57 + 12 = 5 (the thesis counts 9 new clients, some of whom left again);
 * fortune 1,010 − 883 + 271 + 5 = 403 (40%); wealth management 5,373 − 4,594 + 1,247 + 403 =
 * 2,429 (45%).
 */
const entrants = (tier: MidHighTier): number => {
  const above: MidHighTier | null =
    tier === 'wealth-management' ? 'fortune' : tier === 'fortune' ? 'private-banking' : null;
  const growth = SNAPSHOT_TIER_COUNTS[tier] - YEAR_BEFORE_TIER_COUNTS[tier];
  return Math.max(0, growth + TIER_LOSSES_PER_YEAR[tier] + (above === null ? 0 : entrants(above)));
};

export const tierEntrantShare = (tier: MidHighTier): number =>
  entrants(tier) / SNAPSHOT_TIER_COUNTS[tier];

/**
 * §3.2.1, ordinary customers by balance: zero 85,500 (40.05%), under 100 yuan 66,700 (31.22%),
 * 100–1,000 23,400 (10.94%), 1,000–10,000 17,800 (8.32%), 10,000–50,000 8,588 (4.02%),
 * 50,000–200,000 5,193 (2.43%).
 */
export const ORDINARY_BAND_SHARES: Readonly<Record<OrdinaryBand, number>> = {
  zero: 0.4005,
  'under-100': 0.3122,
  '100-to-1k': 0.1094,
  '1k-to-10k': 0.0832,
  '10k-to-50k': 0.0402,
  '50k-to-200k': 0.0243,
};

/** Table 3.4: the top ten payroll employers; payroll in 10k CNY a year, retention in %. */
export interface PayrollEmployerRow {
  readonly label: string;
  readonly annualPayroll10k: number;
  readonly employees: number;
  readonly retentionPercent: number;
}

export const TABLE_3_4: readonly PayrollEmployerRow[] = [
  { label: 'A', annualPayroll10k: 97_576, employees: 5_205, retentionPercent: 20.53 },
  { label: 'B', annualPayroll10k: 20_178, employees: 2_562, retentionPercent: 21.15 },
  { label: 'C', annualPayroll10k: 16_767, employees: 5_768, retentionPercent: 6.47 },
  { label: 'D', annualPayroll10k: 13_042, employees: 1_007, retentionPercent: 38.53 },
  { label: 'E', annualPayroll10k: 6_764, employees: 512, retentionPercent: 10.2 },
  { label: 'F', annualPayroll10k: 6_629, employees: 794, retentionPercent: 3.06 },
  { label: 'G', annualPayroll10k: 4_112, employees: 1_474, retentionPercent: 20.51 },
  { label: 'H', annualPayroll10k: 3_550, employees: 805, retentionPercent: 9.41 },
  { label: 'I', annualPayroll10k: 2_697, employees: 256, retentionPercent: -21.29 },
  { label: 'J', annualPayroll10k: 2_062, employees: 633, retentionPercent: 11.41 },
];

/** §3.3 survey: 34.15% promoters (9–10), 28.42% passives (7–8), 37.43% detractors (0–6). */
export const NPS_SHARES = { promoter: 0.3415, passive: 0.2842, detractor: 0.3743 } as const;

/**
 * Table 3.2: the spring campaign (开门红) brings unstable money in February–March (March
 * +2,754, in 10k CNY) that leaves again in April (−1,775) and May (−579).
 */
export const CAMPAIGN_INFLOW_10K = 2_754;
export const CAMPAIGN_APRIL_SHARE = 1_775 / (1_775 + 579);

/** §4: 35% of surveyed customers have no known relationship manager. */
export const WITHOUT_RM_SHARE = 0.35;
