/**
 * Net-promoter classes of a 0..10 survey answer (thesis §3.3, DOMAIN.md §4): 0–6 detractor,
 * 7–8 passive, 9–10 promoter. The branch's survey NPS was −3.28% (34.15% promoters,
 * 37.43% detractors).
 */
export const NPS_CLASSES = ['detractor', 'passive', 'promoter'] as const;
export type NpsClass = (typeof NPS_CLASSES)[number];

export const isSurveyScore = (score: number): boolean =>
  Number.isInteger(score) && score >= 0 && score <= 10;

/** The class of a valid score (see `isSurveyScore`). */
export const npsClassOf = (score: number): NpsClass =>
  score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';

/**
 * NPS in basis points of a set of answers: promoters minus detractors over all answers,
 * rounded half away from zero (integers only, so replays agree byte for byte).
 */
export const netPromoterBasisPoints = (
  promoters: number,
  passives: number,
  detractors: number,
): number => {
  const answers = promoters + passives + detractors;
  if (answers === 0) return 0;
  const scaled = (promoters - detractors) * 10_000;
  return Math.sign(scaled) * Math.round(Math.abs(scaled) / answers);
};
