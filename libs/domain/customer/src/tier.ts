import { yuan, type MinorUnits } from '@churn/domain-kernel';

/**
 * Customer tiers by AUM (DOMAIN.md §2, thesis §3.2.1 and Table 3.1): 20万 and above is
 * mid/high-end; 20万–100万 wealth-management (理财级), 100万–600万 fortune (财富级),
 * 600万 and above private banking (私行级). Each lower bound belongs to its tier.
 */
export const TIERS = ['ordinary', 'wealth-management', 'fortune', 'private-banking'] as const;
export type Tier = (typeof TIERS)[number];

export const WEALTH_MANAGEMENT_FROM: MinorUnits = yuan(200_000);
export const FORTUNE_FROM: MinorUnits = yuan(1_000_000);
export const PRIVATE_BANKING_FROM: MinorUnits = yuan(6_000_000);

export const tierOf = (aumMinor: MinorUnits): Tier =>
  aumMinor >= PRIVATE_BANKING_FROM
    ? 'private-banking'
    : aumMinor >= FORTUNE_FROM
      ? 'fortune'
      : aumMinor >= WEALTH_MANAGEMENT_FROM
        ? 'wealth-management'
        : 'ordinary';

/** Whether the tier is mid/high-end (中高端), the population segments A–H apply to. */
export const isMidHighEnd = (tier: Tier): boolean => tier !== 'ordinary';

/**
 * Bands of ordinary customers (thesis §3.2.1): zero balance (40.05% of customers), under 100,
 * 100–1,000, 1,000–10,000, 10,000–50,000 and 50,000–200,000 yuan; 1k–200k are the "basic
 * customers" with growth potential. Lower bounds are inclusive, as for tiers.
 */
export const ORDINARY_BANDS = [
  'zero',
  'under-100',
  '100-to-1k',
  '1k-to-10k',
  '10k-to-50k',
  '50k-to-200k',
] as const;
export type OrdinaryBand = (typeof ORDINARY_BANDS)[number];

const BAND_FLOORS: readonly (readonly [MinorUnits, OrdinaryBand])[] = [
  [yuan(50_000), '50k-to-200k'],
  [yuan(10_000), '10k-to-50k'],
  [yuan(1_000), '1k-to-10k'],
  [yuan(100), '100-to-1k'],
  [1, 'under-100'],
];

/** The ordinary band of an AUM, or null for a mid/high-end AUM. AUM is never negative. */
export const ordinaryBandOf = (aumMinor: MinorUnits): OrdinaryBand | null => {
  if (aumMinor >= WEALTH_MANAGEMENT_FROM) return null;
  for (const [floor, band] of BAND_FLOORS) if (aumMinor >= floor) return band;
  return 'zero';
};

/** Basic customers (基础客户): ordinary with 1,000 to 200,000 yuan, the growth pool. */
export const isBasicCustomer = (aumMinor: MinorUnits): boolean =>
  aumMinor >= yuan(1_000) && aumMinor < WEALTH_MANAGEMENT_FROM;
