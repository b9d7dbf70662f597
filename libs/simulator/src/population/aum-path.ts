import type { MinorUnits } from '@churn/domain-kernel';
import { unitHash } from '../random/dice';

/**
 * A customer's month-end AUM targets: log-linear between anchors (month −1 is the opening book,
 * the last anchor the snapshot or the eve of a churn journey), with ±`noise` wobble between
 * anchors, kept within [low, high] from `clampFrom` on (a tier member stays in their tier).
 */
export interface AumPath {
  readonly months: readonly number[];
  readonly levels: readonly MinorUnits[];
  readonly clampFrom: number;
  readonly low: MinorUnits;
  readonly high: MinorUnits;
  readonly noise: number;
}

/** A path that is zero throughout: a dormant zero-balance customer, nothing to settle. */
export const isSilent = (path: AumPath): boolean => path.levels.every((level) => level === 0);

/** Logs of level + 100 yuan: zero stays zero, and tiny balances do not swing wildly. */
const OFFSET = 10_000;

const interpolate = (path: AumPath, m: number): number => {
  const { months, levels } = path;
  let i = 0;
  while (i < months.length - 1 && (months[i + 1] ?? 0) <= m) i++;
  const [m0, l0] = [months[i] ?? 0, levels[i] ?? 0];
  if (i === months.length - 1 || m <= m0) return l0;
  const [m1, l1] = [months[i + 1] ?? m0, levels[i + 1] ?? l0];
  const t = (m - m0) / (m1 - m0);
  return Math.exp(Math.log(l0 + OFFSET) * (1 - t) + Math.log(l1 + OFFSET) * t) - OFFSET;
};

/** The month-end AUM target of month `m` (−1: the opening book), in whole yuan. */
export const pathTarget = (path: AumPath, m: number, seed: number): MinorUnits => {
  let level = interpolate(path, m);
  if (!path.months.includes(m)) level *= 1 + path.noise * (2 * unitHash(seed, 7, m + 1) - 1);
  if (m >= path.clampFrom) level = Math.min(path.high, Math.max(path.low, level));
  return Math.max(0, Math.round(level / 100) * 100);
};
