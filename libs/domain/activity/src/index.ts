export * from './activity-summary';
export type { ActivityModelParams } from './activity-model';
export * from './bgnbd';
export * from './modified-bgnbd';
export * from './fit-activity-model';
export * from './activity-score';
export {
  minimiseNelderMead,
  type NelderMeadOptions,
  type NelderMeadResult,
} from './math/nelder-mead';
export { hyp2f1 } from './math/hypergeometric';
export { logGamma, logBeta } from './math/log-gamma';
