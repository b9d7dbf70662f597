import { formatCny } from './money';

/**
 * A signal's measure in its unit (libs/domain/risk `MeasureUnit`): days, basis points (as a
 * percentage), fen (as CNY), a count or a score. `days` is the reader's word for days.
 */
export const formatMeasure = (value: number, unit: string, days: (n: number) => string): string => {
  switch (unit) {
    case 'fen':
      return Number.isInteger(value) ? formatCny(value) : String(value);
    case 'basis-points':
      return `${(value / 100).toFixed(2)}%`;
    case 'days':
      return days(value);
    default:
      return String(value);
  }
};
