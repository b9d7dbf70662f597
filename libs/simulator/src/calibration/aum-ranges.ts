import { yuan, type MinorUnits } from '@churn/domain-kernel';
import { FORTUNE_FROM, PRIVATE_BANKING_FROM, WEALTH_MANAGEMENT_FROM } from '@churn/domain-customer';
import type { Dice } from '../random/dice';
import type { SnapshotBand } from './branch-quotas';

/**
 * The AUM drawn for a customer of each snapshot band, kept 1% inside the band's bounds so that
 * rounding never moves anyone across a boundary (tier bounds: DOMAIN.md §2; bands: §3.2.1).
 * Tiers and the ordinary bands from 1,000 yuan are drawn from a truncated Pareto (most customers
 * just above the floor, a few far up: the pyramid of Figure 3.2); the small bands log-uniformly.
 * The largest client holds 60 million.
 */
const RANGES: Readonly<Record<SnapshotBand, readonly [MinorUnits, MinorUnits]>> = {
  zero: [0, 0],
  'under-100': [yuan(1), yuan(99)],
  '100-to-1k': [yuan(101), yuan(990)],
  '1k-to-10k': [yuan(1_010), yuan(9_900)],
  '10k-to-50k': [yuan(10_100), yuan(49_500)],
  '50k-to-200k': [yuan(50_500), yuan(198_000)],
  'wealth-management': [(WEALTH_MANAGEMENT_FROM * 101) / 100, (FORTUNE_FROM * 99) / 100],
  fortune: [(FORTUNE_FROM * 101) / 100, (PRIVATE_BANKING_FROM * 99) / 100],
  'private-banking': [(PRIVATE_BANKING_FROM * 101) / 100, yuan(60_000_000)],
};

/**
 * Pareto shapes. Tiers: 4, steep, because the branch's 3.66 billion CNY of personal assets
 * (Table 3.2) leave little above the tier floors (5,373 × 200,000 + 1,010 × 1,000,000 + 50 ×
 * 6,000,000 is already 2.4 billion): mean WM AUM ~267,000 yuan, fortune ~1.34 million. Ordinary
 * bands from 1,000 yuan: 1, most customers near the band's floor.
 */
const TIER_SHAPE = 4;
const BAND_SHAPE = 1;

export const bandRange = (band: SnapshotBand): readonly [MinorUnits, MinorUnits] => RANGES[band];

const isTier = (band: SnapshotBand): boolean =>
  band === 'wealth-management' || band === 'fortune' || band === 'private-banking';

/** An AUM inside `band`, in whole yuan. */
export const drawLevel = (band: SnapshotBand, dice: Dice): MinorUnits => {
  const [low, high] = RANGES[band];
  if (high === 0) return 0;
  const u = dice.next();
  const shape = isTier(band) ? TIER_SHAPE : low >= yuan(1_000) ? BAND_SHAPE : 0;
  const level =
    shape > 0
      ? low / Math.pow(1 - u * (1 - Math.pow(low / high, shape)), 1 / shape)
      : low * Math.pow(high / low, u);
  return Math.min(high, Math.max(low, Math.round(level / 100) * 100));
};

/** The band a level falls in: the inverse of `drawLevel`, for levels drawn any other way. */
export const bandOfLevel = (level: MinorUnits): SnapshotBand => {
  if (level >= PRIVATE_BANKING_FROM) return 'private-banking';
  if (level >= FORTUNE_FROM) return 'fortune';
  if (level >= WEALTH_MANAGEMENT_FROM) return 'wealth-management';
  if (level >= yuan(50_000)) return '50k-to-200k';
  if (level >= yuan(10_000)) return '10k-to-50k';
  if (level >= yuan(1_000)) return '1k-to-10k';
  if (level >= yuan(100)) return '100-to-1k';
  return level > 0 ? 'under-100' : 'zero';
};

/**
 * Each band's bounds, [floor, ceiling): a customer "drops out" of a tier below its floor. Ordinary
 * bands follow `ordinaryBandOf` of @churn/domain-customer (under-100 starts at one fen).
 */
const BOUNDS: Readonly<Record<SnapshotBand, readonly [MinorUnits, MinorUnits]>> = {
  zero: [0, 1],
  'under-100': [1, yuan(100)],
  '100-to-1k': [yuan(100), yuan(1_000)],
  '1k-to-10k': [yuan(1_000), yuan(10_000)],
  '10k-to-50k': [yuan(10_000), yuan(50_000)],
  '50k-to-200k': [yuan(50_000), WEALTH_MANAGEMENT_FROM],
  'wealth-management': [WEALTH_MANAGEMENT_FROM, FORTUNE_FROM],
  fortune: [FORTUNE_FROM, PRIVATE_BANKING_FROM],
  'private-banking': [PRIVATE_BANKING_FROM, Number.MAX_SAFE_INTEGER],
};

export const floorOf = (band: SnapshotBand): MinorUnits => BOUNDS[band][0];
export const ceilingOf = (band: SnapshotBand): MinorUnits => BOUNDS[band][1];
